import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, Sku } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, NonNegativeMinorUnits } from '../shared/money.js';
import { IsoDate, IsoDateTime } from '../shared/time.js';

const Described = { name: z.string().min(1), category: z.string().min(1), unit: z.string().min(1) };

/** A product entered the catalogue. */
export const ProductRegistered = z.object({ sku: Sku, ...Described, registeredBy: ActorId, registeredAt: IsoDateTime });
export type ProductRegistered = z.infer<typeof ProductRegistered>;

/** A product's name, category or unit changed; the event holds the values now in force. */
export const ProductRevised = z.object({ sku: Sku, ...Described, revisedBy: ActorId, revisedAt: IsoDateTime });
export type ProductRevised = z.infer<typeof ProductRevised>;

/** The standard cost of one unit in `currency` from `effectiveFrom`; `previousAmount` when it corrects a cost set for that same date. */
export const StandardCostSet = z.object({
  sku: Sku,
  currency: Currency,
  amount: NonNegativeMinorUnits,
  effectiveFrom: IsoDate,
  previousAmount: NonNegativeMinorUnits.nullable(),
  setBy: ActorId,
  setAt: IsoDateTime,
});
export type StandardCostSet = z.infer<typeof StandardCostSet>;

/** A product was taken off sale. */
export const ProductDeactivated = z.object({ sku: Sku, deactivatedBy: ActorId, deactivatedAt: IsoDateTime });
export type ProductDeactivated = z.infer<typeof ProductDeactivated>;

/** A product was put back on sale. */
export const ProductReactivated = z.object({ sku: Sku, reactivatedBy: ActorId, reactivatedAt: IsoDateTime });
export type ProductReactivated = z.infer<typeof ProductReactivated>;

/** ProductRegistered as an event. */
export type ProductRegisteredEvent = Event<'ProductRegistered', ProductRegistered>;
/** ProductRevised as an event. */
export type ProductRevisedEvent = Event<'ProductRevised', ProductRevised>;
/** StandardCostSet as an event. */
export type StandardCostSetEvent = Event<'StandardCostSet', StandardCostSet>;
/** ProductDeactivated as an event. */
export type ProductDeactivatedEvent = Event<'ProductDeactivated', ProductDeactivated>;
/** ProductReactivated as an event. */
export type ProductReactivatedEvent = Event<'ProductReactivated', ProductReactivated>;

/** Every Product event. */
export type ProductEvent =
  | ProductRegisteredEvent
  | ProductRevisedEvent
  | StandardCostSetEvent
  | ProductDeactivatedEvent
  | ProductReactivatedEvent;

/** Schemas and versions of the Product events, for the event registry. */
export const productEventDefinitions: readonly EventDefinition<ProductEvent>[] = [
  defineEvent('ProductRegistered', ProductRegistered),
  defineEvent('ProductRevised', ProductRevised),
  defineEvent('StandardCostSet', StandardCostSet),
  defineEvent('ProductDeactivated', ProductDeactivated),
  defineEvent('ProductReactivated', ProductReactivated),
];

/** Reads the events of a Product stream (`product-<sku>`), validated, as Product events. */
export const productEventRegistry = createEventRegistry(productEventDefinitions);
