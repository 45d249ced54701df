import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, ObservationId, Sku } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { IsoDate, IsoDateTime } from '../shared/time.js';
import { ObservationSource } from './commands.js';

/** A competitor's price for a sku or a category (the other one `null`) was seen on `observedOn` and recorded. */
export const CompetitorPriceObserved = z.object({
  observationId: ObservationId,
  competitor: z.string().min(1),
  sku: Sku.nullable(),
  category: z.string().min(1).nullable(),
  currency: Currency,
  price: PositiveMinorUnits,
  unit: z.string().min(1),
  observedOn: IsoDate,
  source: ObservationSource,
  note: z.string().min(1).nullable(),
  recordedBy: ActorId,
  recordedAt: IsoDateTime,
});
export type CompetitorPriceObserved = z.infer<typeof CompetitorPriceObserved>;

/** CompetitorPriceObserved as an event. */
export type CompetitorPriceObservedEvent = Event<'CompetitorPriceObserved', CompetitorPriceObserved>;

/** Every Competitor event. */
export type CompetitorEvent = CompetitorPriceObservedEvent;

/** Schemas and versions of the Competitor events, for the event registry. */
export const competitorEventDefinitions: readonly EventDefinition<CompetitorEvent>[] = [
  defineEvent('CompetitorPriceObserved', CompetitorPriceObserved),
];

/** Reads the events of a Competitor stream (`competitor-<observationId>`), validated, as Competitor events. */
export const competitorEventRegistry = createEventRegistry(competitorEventDefinitions);
