import { z } from 'zod';
import { Segment } from '../customer/vocabulary.js';
import { CustomerId, PriceListId, RegionId, Sku } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency, NonNegativeMinorUnits } from '../shared/money.js';
import { BusinessDate } from '../shared/time.js';

/** Whom a price list is for: everyone (the default list), a customer segment, a region or one customer. */
export const PriceListAudience = z.discriminatedUnion('level', [
  z.object({ level: z.literal('default') }).strict(),
  z.object({ level: z.literal('segment'), segment: Segment }).strict(),
  z.object({ level: z.literal('region'), region: RegionId }).strict(),
  z.object({ level: z.literal('customer'), customerId: CustomerId }).strict(),
]);
export type PriceListAudience = z.infer<typeof PriceListAudience>;

/** A lower unit price from a quantity on (a quantity break). */
export const QuantityBreak = z
  .object({
    minQuantity: z
      .number({ message: 'minQuantity must be a number' })
      .int('minQuantity must be a whole number')
      .min(2, 'minQuantity must be >= 2')
      .max(1_000_000_000),
    unitPrice: NonNegativeMinorUnits,
  })
  .strict();
export type QuantityBreak = z.infer<typeof QuantityBreak>;

/** The list price of one sku: its unit price and optional quantity breaks (each a distinct quantity). */
export const ListPrice = z
  .object({ sku: Sku, unitPrice: NonNegativeMinorUnits, breaks: z.array(QuantityBreak).max(20).default([]) })
  .strict()
  .refine((price) => new Set(price.breaks.map((b) => b.minQuantity)).size === price.breaks.length, {
    message: 'each quantity break needs its own minQuantity',
    path: ['breaks'],
  });
export type ListPrice = z.infer<typeof ListPrice>;

const validity = (data: { validFrom: string; validTo?: string | undefined }): boolean =>
  data.validTo === undefined || data.validFrom <= data.validTo;

/** Create a price list in one currency for an audience, valid from `validFrom` to `validTo` (inclusive; open-ended without). */
export const CreatePriceList = z
  .object({
    priceListId: PriceListId,
    name: z
      .string({ message: 'name must be a text' })
      .trim()
      .min(1, 'name must not be empty')
      .max(200, 'name must be at most 200 characters'),
    currency: Currency,
    audience: PriceListAudience,
    validFrom: BusinessDate,
    validTo: BusinessDate.optional(),
  })
  .strict()
  .refine(validity, { message: 'validTo must not be before validFrom', path: ['validTo'] });
export type CreatePriceList = z.infer<typeof CreatePriceList>;

/** Set (add or replace) the prices of some skus on a list. */
export const SetListPrices = z
  .object({ priceListId: PriceListId, prices: z.array(ListPrice).min(1, 'prices needs at least one sku').max(1_000) })
  .strict()
  .refine((data) => new Set(data.prices.map((p) => p.sku)).size === data.prices.length, {
    message: 'each sku appears once',
    path: ['prices'],
  });
export type SetListPrices = z.infer<typeof SetListPrices>;

/** Take a sku off a list (the less specific lists then price it). */
export const RemoveListPrice = z.object({ priceListId: PriceListId, sku: Sku }).strict();
export type RemoveListPrice = z.infer<typeof RemoveListPrice>;

/** End a list's validity on `validTo` (its last day), earlier than planned. */
export const EndPriceList = z.object({ priceListId: PriceListId, validTo: BusinessDate }).strict();
export type EndPriceList = z.infer<typeof EndPriceList>;

/** CreatePriceList as a command. */
export type CreatePriceListCommand = Command<'CreatePriceList', CreatePriceList>;
/** SetListPrices as a command. */
export type SetListPricesCommand = Command<'SetListPrices', SetListPrices>;
/** RemoveListPrice as a command. */
export type RemoveListPriceCommand = Command<'RemoveListPrice', RemoveListPrice>;
/** EndPriceList as a command. */
export type EndPriceListCommand = Command<'EndPriceList', EndPriceList>;

/** Every PriceList command (stream `pricelist-<id>`). */
export type PriceListCommand =
  CreatePriceListCommand | SetListPricesCommand | RemoveListPriceCommand | EndPriceListCommand;

/** Schemas of the PriceList commands' data, by command type (HTTP validation and OpenAPI). */
export const priceListCommandSchemas = { CreatePriceList, SetListPrices, RemoveListPrice, EndPriceList } as const;
