import {
  ActorId,
  priceListDecider,
  PriceListId,
  priceListStream,
  Sku,
  type Actor,
  type Currency,
  type IsoDate,
  type ListPrice,
  type PriceListAudience,
  type PriceListCommand,
} from '@salesbook/domain';
import { dayMs, HOUR_MS, plusDays } from '../calendar.js';
import { openStream } from '../engine.js';
import type { Sim } from '../sim.js';
import type { Product, Region } from '../world.js';
import { priceIn } from './order-lines.js';

/** Key accounts buy 5% below the standard list (whole hundreds of minor units). */
const KEY_ACCOUNT_SHARE = 0.95;

const analystOf = (sim: Sim): Actor => ({ id: ActorId.parse(`${sim.prefix}analyst-01`), role: 'market_analyst' });

/** The standard price of every product in a region's currency, with a 4% break from ten units on. */
const standardPrices = (catalogue: readonly Product[], region: Region, share = 1): ListPrice[] =>
  catalogue.map((product) => {
    const unitPrice = Math.max(100, Math.round((priceIn(product, region) * share) / 100) * 100);
    return {
      sku: Sku.parse(product.sku),
      unitPrice,
      breaks: [{ minQuantity: 10, unitPrice: Math.round((unitPrice * 0.96) / 100) * 100 }],
    };
  });

/** Creates a list and sets its prices, as `by`. */
function enterList(
  sim: Sim,
  id: string,
  name: string,
  currency: Currency,
  audience: PriceListAudience,
  prices: ListPrice[],
  validFrom: IsoDate,
  by: Actor,
): void {
  const priceListId = PriceListId.parse(`${sim.prefix}${id}`);
  const stream = openStream('pricelist', priceListStream(priceListId), priceListDecider);
  sim.pricing.addList(priceListId, () => (stream.state.status === 'created' ? stream.state : null));
  const run = (command: PriceListCommand): boolean =>
    sim.engine.run(stream, command, { correlationId: 'price-lists' }).ok;
  if (
    !run({
      type: 'CreatePriceList',
      data: { priceListId, name, currency, audience, validFrom },
      metadata: sim.engine.metadata(by),
    })
  )
    return;
  run({ type: 'SetListPrices', data: { priceListId, prices }, metadata: sim.engine.metadata(by) });
}

/**
 * The price lists, from the first day: the analyst's standard list in each selling currency (the prices the orders
 * are placed at) and the sales manager's key-account list, 5% below it, in CNY.
 */
export function enterPriceLists(sim: Sim, validFrom: IsoDate): void {
  const analyst = analystOf(sim);
  const seen = new Set<string>();
  for (const region of sim.world.regions) {
    if (seen.has(region.currency)) continue;
    seen.add(region.currency);
    enterList(
      sim,
      `std-${region.currency.toLowerCase()}`,
      `Standard ${region.currency}`,
      region.currency,
      { level: 'default' },
      standardPrices(sim.world.catalogue, region),
      validFrom,
      analyst,
    );
  }
  const cny = sim.world.regions.find((region) => region.currency === 'CNY');
  if (cny === undefined) return;
  const prices = standardPrices(sim.world.catalogue, cny, KEY_ACCOUNT_SHARE);
  enterList(
    sim,
    'key-accounts',
    'Key accounts',
    cny.currency,
    { level: 'segment', segment: 'key_account' },
    prices,
    validFrom,
    sim.world.staff.salesManager,
  );
}

/**
 * A regional clearance of filter cartridges, so the lists' history holds every kind of change: the first region's
 * manager lists them 10% below standard from day 5 to day 60, takes one size off on day 10 and ends it on day 30.
 */
export function planClearance(sim: Sim, firstDay: IsoDate): void {
  const region = sim.world.regions[0];
  if (region === undefined) return;
  const priceListId = PriceListId.parse(`${sim.prefix}clearance-${region.id}`);
  const stream = openStream('pricelist', priceListStream(priceListId), priceListDecider);
  sim.pricing.addList(priceListId, () => (stream.state.status === 'created' ? stream.state : null));
  const run = (command: PriceListCommand): void => {
    sim.engine.run(stream, command, { correlationId: 'price-lists' });
  };
  const by = region.manager;
  const filters = sim.world.catalogue.filter((product) => product.sku.startsWith('FLT-'));
  const at = (days: number, act: () => void): void => sim.engine.at(dayMs(plusDays(firstDay, days)) + HOUR_MS / 2, act);
  at(5, () => {
    run({
      type: 'CreatePriceList',
      data: {
        priceListId,
        name: `Filter clearance ${region.id}`,
        currency: region.currency,
        audience: { level: 'region', region: region.id },
        validFrom: plusDays(firstDay, 5),
        validTo: plusDays(firstDay, 60),
      },
      metadata: sim.engine.metadata(by),
    });
    run({
      type: 'SetListPrices',
      data: { priceListId, prices: standardPrices(filters, region, 0.9) },
      metadata: sim.engine.metadata(by),
    });
  });
  const removed = filters[0];
  if (removed !== undefined)
    at(10, () =>
      run({
        type: 'RemoveListPrice',
        data: { priceListId, sku: Sku.parse(removed.sku) },
        metadata: sim.engine.metadata(by),
      }),
    );
  at(30, () =>
    run({
      type: 'EndPriceList',
      data: { priceListId, validTo: plusDays(firstDay, 30) },
      metadata: sim.engine.metadata(by),
    }),
  );
}
