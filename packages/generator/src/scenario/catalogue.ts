import {
  ActorId,
  Currency,
  productDecider,
  productStream,
  type IsoDate,
  type ProductCommand,
  type ProductEvent,
  type ProductState,
  type Sku,
} from '@salesbook/domain';
import { dayMs, HOUR_MS, plusDays } from '../calendar.js';
import { openStream, type StreamHandle } from '../engine.js';
import type { Sim } from '../sim.js';
import type { Product } from '../world.js';

/** The analyst who keeps the catalogue (on the register from the first day, see team.ts). */
export const analystOf = (sim: Sim) => ({
  id: ActorId.parse(`${sim.prefix}analyst-01`),
  role: 'market_analyst' as const,
});

/** The one handle of a product's stream in this simulation (its state carries across the commands). */
function productHandleOf(sim: Sim, sku: Sku): StreamHandle<ProductCommand, ProductEvent, ProductState> {
  const handle = sim.products.get(sku) ?? openStream('product', productStream(sku), productDecider);
  sim.products.set(sku, handle);
  return handle;
}

/** The standard cost of one unit in each currency the regions sell in (the region's price factor applied). */
function costsOf(sim: Sim, product: Product): ReadonlyMap<string, number> {
  const costs = new Map<string, number>();
  for (const region of sim.world.regions)
    costs.set(region.currency, Math.max(1, Math.round(product.standardCost * region.priceFactor)));
  return costs;
}

/**
 * Enters the catalogue, as the market analyst, on the first day: every product with its category and unit and its
 * standard cost in each selling currency from that day, so margins have a cost for every line sold.
 */
export function registerCatalogue(sim: Sim, effectiveFrom: IsoDate): void {
  const analyst = analystOf(sim);
  for (const product of sim.world.catalogue) {
    const sku = product.sku as Sku;
    const stream = productHandleOf(sim, sku);
    const run = (command: ProductCommand): boolean =>
      sim.engine.run(stream, command, { correlationId: 'catalogue' }).ok;
    if (
      !run({
        type: 'RegisterProduct',
        data: { sku, name: product.description, category: product.category, unit: 'pcs' },
        metadata: sim.engine.metadata(analyst),
      })
    )
      continue;
    for (const [currency, amount] of costsOf(sim, product)) {
      run({
        type: 'SetStandardCost',
        data: { sku, currency: Currency.parse(currency), amount, effectiveFrom },
        metadata: sim.engine.metadata(analyst),
      });
    }
  }
}

/**
 * The catalogue's later history, so it holds every kind of change: a product renamed 20 days in, and another taken
 * off sale for a day (a supplier recall) and put back.
 */
export function planCatalogueChanges(sim: Sim, firstDay: IsoDate): void {
  const [renamed, recalled] = [sim.world.catalogue[1], sim.world.catalogue[2]];
  if (renamed === undefined || recalled === undefined) return;
  const analyst = analystOf(sim);
  const manager = sim.world.staff.salesManager;
  const run = (command: ProductCommand): void => {
    sim.engine.run(productHandleOf(sim, command.data.sku), command, { correlationId: 'catalogue' });
  };
  const at = (date: IsoDate, act: () => void): void => sim.engine.at(dayMs(date) + HOUR_MS / 2, act);
  at(plusDays(firstDay, 20), () =>
    run({
      type: 'ReviseProduct',
      data: { sku: renamed.sku as Sku, name: `${renamed.description} (2nd generation)` },
      metadata: sim.engine.metadata(analyst),
    }),
  );
  at(plusDays(firstDay, 12), () =>
    run({ type: 'DeactivateProduct', data: { sku: recalled.sku as Sku }, metadata: sim.engine.metadata(manager) }),
  );
  at(plusDays(firstDay, 13), () =>
    run({ type: 'ReactivateProduct', data: { sku: recalled.sku as Sku }, metadata: sim.engine.metadata(manager) }),
  );
}
