import type { PriceListAudience } from '@salesbook/domain';
import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, remove, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** One price list: its audience (`level` and, but for the default list, the segment, region or customer id), currency and validity. */
export type PriceListRow = {
  readonly price_list_id: string;
  readonly name: string;
  readonly currency: string;
  /** `default`, `segment`, `region` or `customer`. */
  readonly level: string;
  /** The segment, region or customer id the list is for; `''` for the default list. */
  readonly audience_id: string;
  readonly valid_from: string;
  /** The last valid day, inclusive; `null` when open-ended. */
  readonly valid_to: string | null;
};

/** The `price_lists` read model: one row per list. */
export const priceListsTable = defineTable<PriceListRow, 'price_list_id'>({
  name: 'price_lists',
  columns: {
    price_list_id: 'TEXT',
    name: 'TEXT',
    currency: 'TEXT',
    level: 'TEXT',
    audience_id: 'TEXT',
    valid_from: 'TEXT',
    valid_to: 'TEXT NULL',
  },
  primaryKey: ['price_list_id'],
  indexes: [['currency', 'valid_from']],
});

/** One price of a list: the unit price of a sku and its quantity breaks (JSON `[{ minQuantity, unitPrice }]`). */
export type ListPriceRow = {
  readonly price_list_id: string;
  readonly sku: string;
  readonly unit_price: number;
  readonly breaks: string;
};

/** The `list_prices` read model: one row per list x sku priced. */
export const listPricesTable = defineTable<ListPriceRow, 'price_list_id' | 'sku'>({
  name: 'list_prices',
  columns: { price_list_id: 'TEXT', sku: 'TEXT', unit_price: 'INTEGER', breaks: 'TEXT' },
  primaryKey: ['price_list_id', 'sku'],
});

const HANDLED = new Set(['PriceListCreated', 'ListPricesSet', 'ListPriceRemoved', 'PriceListEnded']);

/** The id an audience names, `''` for the default list. */
export const audienceIdOf = (audience: PriceListAudience): string => {
  switch (audience.level) {
    case 'default':
      return '';
    case 'segment':
      return audience.segment;
    case 'region':
      return audience.region;
    case 'customer':
      return audience.customerId;
  }
};

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  switch (decoded.type) {
    case 'PriceListCreated': {
      const { priceListId, name, currency, audience, validFrom, validTo } = decoded.data;
      return [
        upsert(priceListsTable, {
          price_list_id: priceListId,
          name,
          currency,
          level: audience.level,
          audience_id: audienceIdOf(audience),
          valid_from: validFrom,
          valid_to: validTo,
        }),
      ];
    }
    case 'ListPricesSet':
      return decoded.data.prices.map((price) =>
        upsert(listPricesTable, {
          price_list_id: decoded.data.priceListId,
          sku: price.sku,
          unit_price: price.unitPrice,
          breaks: JSON.stringify(price.breaks),
        }),
      );
    case 'ListPriceRemoved':
      return [remove(listPricesTable, { price_list_id: decoded.data.priceListId, sku: decoded.data.sku })];
    case 'PriceListEnded': {
      const list = rows.get(priceListsTable, { price_list_id: decoded.data.priceListId });
      if (list === undefined) throw new Error(`price list ${decoded.data.priceListId} was never created`);
      return [upsert(priceListsTable, { ...list, valid_to: decoded.data.validTo })];
    }
    default:
      return [];
  }
}

/** Price lists and their prices, for the price list routes and for pricing orders from the lists. */
export const priceListsProjection: Projection = {
  name: 'price_lists',
  handles: HANDLED,
  version: 1,
  tables: [priceListsTable, listPricesTable],
  project,
};
