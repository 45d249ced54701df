import {
  competitorDecider,
  competitorStream,
  marketDecider,
  marketStream,
  ObservationId,
  SEGMENTS,
  Sku,
  type CompetitorCommand,
  type IsoDate,
  type MarketCommand,
  type Segment,
} from '@salesbook/domain';
import { dayMs, HOUR_MS, monthOf, plusDays, plusMonths, quarterOf } from '../calendar.js';
import { openStream } from '../engine.js';
import type { Sim } from '../sim.js';
import { analystOf } from './catalogue.js';
import { priceIn } from './order-lines.js';

/** A month's market of a segment in a region selling at price factor 1 (CNY minor units), before the spread. */
const MONTHLY_MARKET: Readonly<Record<Segment, number>> = {
  key_account: 1_500_000_000,
  enterprise: 1_200_000_000,
  smb: 600_000_000,
  retail: 150_000_000,
};
const COMPETITORS = ['华力电机', 'Nordgear', '东方泵业'] as const;
const SOURCES = ['visit', 'web', 'customer', 'tender'] as const;

const openMarket = (name: string) => openStream('market', name, marketDecider);

/** The quarters the simulated months touch. */
function quartersOf(firstDay: IsoDate, months: number): string[] {
  const quarters = Array.from({ length: months }, (_, n) => quarterOf(plusMonths(monthOf(firstDay), n)));
  return [...new Set(quarters)];
}

/**
 * The analyst's market research, from a random source of its own (the rest of the history draws as before): on the
 * first day, an estimate of every region's and segment's market for each quarter simulated (three months' worth, with
 * a range of a fifth either side); ten days in, a revised estimate of one cell that supersedes it; and every week a
 * competitor's price for a product (every fourth one for its whole category) within 15% of our list price.
 */
export function planMarketResearch(sim: Sim, firstDay: IsoDate, months: number): void {
  const random = sim.random.fork('market-research');
  const analyst = analystOf(sim);
  // One handle per cell: its state (and revision) carries across the estimates of every period.
  const cells = new Map<string, ReturnType<typeof openMarket>>();
  const estimate = (data: MarketCommand['data']): void => {
    const name = marketStream(data.region, data.segment);
    const stream = cells.get(name) ?? openMarket(name);
    cells.set(name, stream);
    sim.engine.run(
      stream,
      { type: 'RecordMarketEstimate', data, metadata: sim.engine.metadata(analyst) },
      {
        correlationId: 'market-research',
      },
    );
  };
  const quarters = quartersOf(firstDay, months);
  sim.engine.at(dayMs(firstDay) + 2 * HOUR_MS, () => {
    for (const region of sim.world.regions)
      for (const segment of SEGMENTS)
        for (const period of quarters) {
          const amount = Math.round((MONTHLY_MARKET[segment] * 3 * region.priceFactor * random.int(80, 120)) / 100);
          const range = { low: Math.round(amount * 0.8), high: Math.round(amount * 1.2) };
          const source = 'industry association figures';
          estimate({ region: region.id, segment, period, currency: region.currency, amount, range, source });
        }
  });
  const revised = sim.world.regions[0];
  const firstQuarter = quarters[0];
  if (revised !== undefined && firstQuarter !== undefined)
    sim.engine.at(dayMs(plusDays(firstDay, 10)) + 2 * HOUR_MS, () =>
      estimate({
        ...{ region: revised.id, segment: 'smb', period: firstQuarter, currency: revised.currency },
        ...{
          amount: Math.round(MONTHLY_MARKET.smb * 3.3 * revised.priceFactor),
          source: 'analyst model, dealer visits',
        },
      }),
    );
  for (let week = 0, day = plusDays(firstDay, 3); dayMs(day) < sim.endMs; week += 1, day = plusDays(day, 7)) {
    const observedOn = day;
    sim.engine.at(dayMs(day) + 3 * HOUR_MS, () => observe(sim, random, analyst, observedOn, week));
  }
}

function observe(
  sim: Sim,
  random: Sim['random'],
  analyst: ReturnType<typeof analystOf>,
  observedOn: IsoDate,
  week: number,
): void {
  const product = random.pick(sim.world.catalogue);
  const region = random.pick(sim.world.regions);
  const price = Math.max(100, Math.round((priceIn(product, region) * random.int(85, 115)) / 10_000) * 100);
  const observationId = ObservationId.parse(`${sim.prefix}obs-${week + 1}`);
  const target = week % 4 === 3 ? { category: product.category } : { sku: Sku.parse(product.sku) };
  const command: CompetitorCommand = {
    type: 'RecordCompetitorPrice',
    data: {
      ...{ observationId, competitor: random.pick(COMPETITORS), ...target, currency: region.currency, price },
      ...{ unit: 'pcs', observedOn, source: random.pick(SOURCES) },
    },
    metadata: sim.engine.metadata(analyst),
  };
  const stream = openStream('competitor', competitorStream(observationId), competitorDecider);
  sim.engine.run(stream, command, { correlationId: 'market-research' });
}
