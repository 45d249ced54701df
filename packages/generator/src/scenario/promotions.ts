import {
  Currency,
  PromotionId,
  promotionDecider,
  promotionStream,
  Sku,
  type Actor,
  type DraftPromotion,
  type IsoDate,
  type PromotionCommand,
} from '@salesbook/domain';
import { dayMs, HOUR_MS, plusDays } from '../calendar.js';
import { openStream } from '../engine.js';
import type { Sim } from '../sim.js';
import { analystOf } from './catalogue.js';

/** Drafts a promotion on `draftOn`; the sales manager approves it two days later unless it is left a draft to withdraw. */
function runPromotion(
  sim: Sim,
  draftOn: IsoDate,
  by: Actor,
  data: DraftPromotion,
  approve: boolean,
): (command: PromotionCommand) => void {
  const stream = openStream('promotion', promotionStream(data.promotionId), promotionDecider);
  sim.pricing.addPromotion(data.promotionId, () => (stream.state.status === 'none' ? null : stream.state));
  const run = (command: PromotionCommand): void => {
    sim.engine.run(stream, command, { correlationId: `promotion-${data.promotionId}` });
  };
  const at = (date: IsoDate, act: () => void): void => sim.engine.at(dayMs(date) + HOUR_MS, act);
  at(draftOn, () => run({ type: 'DraftPromotion', data, metadata: sim.engine.metadata(by) }));
  if (approve)
    at(plusDays(draftOn, 2), () =>
      run({
        type: 'ApprovePromotion',
        data: { promotionId: data.promotionId },
        metadata: sim.engine.metadata(sim.world.staff.salesManager),
      }),
    );
  return run;
}

/**
 * A few promotions across the period: the analyst's pump promotion (8% off pumps in CNY, days 35 to 55, a budget of
 * discount), the first region's manager's controller offer (a fixed price for one sku in their region, days 20 to
 * 50, ended early on day 40), and a valve promotion drafted and withdrawn before it started.
 */
export function planPromotions(sim: Sim, firstDay: IsoDate): void {
  const analyst = analystOf(sim);
  const id = (name: string) => PromotionId.parse(`${sim.prefix}${name}`);
  const common = { currency: sim.world.regions[0]?.currency ?? Currency.parse('CNY') };
  const pumps: DraftPromotion = {
    ...common,
    promotionId: id('spring-pumps'),
    name: 'Spring pumps',
    startsOn: plusDays(firstDay, 35),
    endsOn: plusDays(firstDay, 55),
    coverage: { skus: [], categories: ['Centrifugal pump'], segments: [], regions: [] },
    benefit: { kind: 'percent_off', percentBp: 800 },
    budget: 20_000_000,
  };
  runPromotion(sim, plusDays(firstDay, 25), analyst, pumps, true);
  const region = sim.world.regions[0];
  const controller = sim.world.catalogue.find((product) => product.sku === 'CTL-M');
  if (region !== undefined && controller !== undefined) {
    const offer: DraftPromotion = {
      ...common,
      promotionId: id(`controller-${region.id}`),
      name: `Controller offer ${region.id}`,
      startsOn: plusDays(firstDay, 20),
      endsOn: plusDays(firstDay, 50),
      coverage: { skus: [Sku.parse(controller.sku)], categories: [], segments: [], regions: [region.id] },
      benefit: { kind: 'fixed_price', unitPrice: Math.round(controller.listPrice * 0.85) },
    };
    const run = runPromotion(sim, plusDays(firstDay, 15), region.manager, offer, true);
    sim.engine.at(dayMs(plusDays(firstDay, 40)) + HOUR_MS, () =>
      run({
        type: 'EndPromotion',
        data: { promotionId: offer.promotionId, endsOn: plusDays(firstDay, 40), reason: 'Allocation sold out' },
        metadata: sim.engine.metadata(region.manager),
      }),
    );
  }
  const valves: DraftPromotion = {
    ...common,
    promotionId: id('valve-week'),
    name: 'Valve week',
    startsOn: plusDays(firstDay, 30),
    endsOn: plusDays(firstDay, 36),
    coverage: { skus: [], categories: ['Ball valve'], segments: ['smb', 'retail'], regions: [] },
    benefit: { kind: 'percent_off', percentBp: 500 },
  };
  const withdraw = runPromotion(sim, plusDays(firstDay, 10), analyst, valves, false);
  sim.engine.at(dayMs(plusDays(firstDay, 12)) + HOUR_MS, () =>
    withdraw({
      type: 'EndPromotion',
      data: {
        promotionId: valves.promotionId,
        endsOn: valves.startsOn,
        reason: 'Replaced by the spring pumps promotion',
      },
      metadata: sim.engine.metadata(analyst),
    }),
  );
}
