import type { Sku } from '../shared/ids.js';
import type { IsoDate } from '../shared/time.js';
import type { ProductEvent } from './events.js';

/** One standard cost: the amount of one unit from `effectiveFrom` until the next cost of the same currency. */
export interface CostEntry {
  readonly effectiveFrom: IsoDate;
  readonly amount: number;
}

/** No product in the stream yet. */
export interface NoProduct {
  readonly status: 'none';
}

/** A product of the catalogue. */
export interface Product {
  readonly status: 'active' | 'inactive';
  readonly sku: Sku;
  readonly name: string;
  readonly category: string;
  readonly unit: string;
  /** Standard costs per currency, oldest `effectiveFrom` first, one per date. */
  readonly costs: Readonly<Record<string, readonly CostEntry[]>>;
}

/** The state of a product stream. */
export type ProductState = NoProduct | Product;

/** The state before any event. */
export const initialState = (): ProductState => ({ status: 'none' });

/** The costs of a currency with `entry` put in its date's place (replacing a cost of the same date). */
const withCost = (entries: readonly CostEntry[], entry: CostEntry): readonly CostEntry[] =>
  [...entries.filter((e) => e.effectiveFrom !== entry.effectiveFrom), entry].sort((a, b) =>
    a.effectiveFrom < b.effectiveFrom ? -1 : 1,
  );

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export function evolve(state: ProductState, event: ProductEvent): ProductState {
  if (event.type === 'ProductRegistered') {
    const { sku, name, category, unit } = event.data;
    return state.status === 'none' ? { status: 'active', sku, name, category, unit, costs: {} } : state;
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ProductRevised':
      return { ...state, name: event.data.name, category: event.data.category, unit: event.data.unit };
    case 'StandardCostSet': {
      const { currency, amount, effectiveFrom } = event.data;
      return {
        ...state,
        costs: { ...state.costs, [currency]: withCost(state.costs[currency] ?? [], { effectiveFrom, amount }) },
      };
    }
    case 'ProductDeactivated':
      return { ...state, status: 'inactive' };
    case 'ProductReactivated':
      return { ...state, status: 'active' };
  }
}

/** The standard cost of one unit in `currency` on `date`: the latest cost in force by then, or `null`. */
export function standardCostOn(costs: Product['costs'], currency: string, date: IsoDate): number | null {
  const inForce = (costs[currency] ?? []).filter((entry) => entry.effectiveFrom <= date);
  return inForce.at(-1)?.amount ?? null;
}
