import type { PriceListId } from '../shared/ids.js';
import type { Currency } from '../shared/money.js';
import type { IsoDate } from '../shared/time.js';
import type { ListPrice, PriceListAudience } from './commands.js';
import type { PriceListEvent } from './events.js';

/** What the applicability rule needs of a list: currency, audience, validity and prices by sku. */
export interface PriceListFacts {
  readonly priceListId: PriceListId;
  readonly currency: Currency;
  readonly audience: PriceListAudience;
  readonly validFrom: IsoDate;
  /** The last day it is valid, inclusive; `null` is open-ended. */
  readonly validTo: IsoDate | null;
  readonly prices: Readonly<Record<string, ListPrice>>;
}

/** No price list in the stream yet. */
export interface NoPriceList {
  readonly status: 'none';
}

/** A price list. */
export interface PriceList extends PriceListFacts {
  readonly status: 'created';
  readonly name: string;
}

/** The state of a price list stream. */
export type PriceListState = NoPriceList | PriceList;

/** The state before any event. */
export const initialState = (): PriceListState => ({ status: 'none' });

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export function evolve(state: PriceListState, event: PriceListEvent): PriceListState {
  if (event.type === 'PriceListCreated') {
    const { priceListId, name, currency, audience, validFrom, validTo } = event.data;
    return state.status === 'none'
      ? { status: 'created', priceListId, name, currency, audience, validFrom, validTo, prices: {} }
      : state;
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'ListPricesSet':
      return {
        ...state,
        prices: { ...state.prices, ...Object.fromEntries(event.data.prices.map((price) => [price.sku, price])) },
      };
    case 'ListPriceRemoved': {
      const { [event.data.sku]: _removed, ...prices } = state.prices;
      return { ...state, prices };
    }
    case 'PriceListEnded':
      return { ...state, validTo: event.data.validTo };
  }
}
