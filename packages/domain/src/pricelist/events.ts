import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, PriceListId, Sku } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency } from '../shared/money.js';
import { IsoDate, IsoDateTime } from '../shared/time.js';
import { ListPrice, PriceListAudience } from './commands.js';

/** A price list was created (with no prices yet); `validTo` null is open-ended. */
export const PriceListCreated = z.object({
  priceListId: PriceListId,
  name: z.string().min(1),
  currency: Currency,
  audience: PriceListAudience,
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  createdBy: ActorId,
  createdAt: IsoDateTime,
});
export type PriceListCreated = z.infer<typeof PriceListCreated>;

/** Prices of some skus were set on a list (each replacing that sku's earlier price and breaks). */
export const ListPricesSet = z.object({
  priceListId: PriceListId,
  prices: z.array(ListPrice).min(1),
  setBy: ActorId,
  setAt: IsoDateTime,
});
export type ListPricesSet = z.infer<typeof ListPricesSet>;

/** A sku was taken off a list. */
export const ListPriceRemoved = z.object({
  priceListId: PriceListId,
  sku: Sku,
  removedBy: ActorId,
  removedAt: IsoDateTime,
});
export type ListPriceRemoved = z.infer<typeof ListPriceRemoved>;

/** A list's validity was ended on `validTo` (its last day), earlier than `previousValidTo`. */
export const PriceListEnded = z.object({
  priceListId: PriceListId,
  validTo: IsoDate,
  previousValidTo: IsoDate.nullable(),
  endedBy: ActorId,
  endedAt: IsoDateTime,
});
export type PriceListEnded = z.infer<typeof PriceListEnded>;

/** PriceListCreated as an event. */
export type PriceListCreatedEvent = Event<'PriceListCreated', PriceListCreated>;
/** ListPricesSet as an event. */
export type ListPricesSetEvent = Event<'ListPricesSet', ListPricesSet>;
/** ListPriceRemoved as an event. */
export type ListPriceRemovedEvent = Event<'ListPriceRemoved', ListPriceRemoved>;
/** PriceListEnded as an event. */
export type PriceListEndedEvent = Event<'PriceListEnded', PriceListEnded>;

/** Every PriceList event. */
export type PriceListEvent = PriceListCreatedEvent | ListPricesSetEvent | ListPriceRemovedEvent | PriceListEndedEvent;

/** Schemas and versions of the PriceList events, for the event registry. */
export const priceListEventDefinitions: readonly EventDefinition<PriceListEvent>[] = [
  defineEvent('PriceListCreated', PriceListCreated),
  defineEvent('ListPricesSet', ListPricesSet),
  defineEvent('ListPriceRemoved', ListPriceRemoved),
  defineEvent('PriceListEnded', PriceListEnded),
];

/** Reads the events of a PriceList stream (`pricelist-<id>`), validated, as PriceList events. */
export const priceListEventRegistry = createEventRegistry(priceListEventDefinitions);
