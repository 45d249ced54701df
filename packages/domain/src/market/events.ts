import { z } from 'zod';
import { StoredSegment } from '../customer/vocabulary.js';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, NonNegativeMinorUnits, PositiveMinorUnits } from '../shared/money.js';
import { IsoDateTime } from '../shared/time.js';
import { MarketPeriod } from './commands.js';

/**
 * The market of a region and segment in a period was estimated at `amount` (minor units of `currency`), between
 * `low` and `high` when a range was given; `previousAmount` is the estimate of the same cell it supersedes.
 */
export const MarketSizeEstimated = z.object({
  region: RegionId,
  segment: StoredSegment,
  period: MarketPeriod,
  currency: Currency,
  amount: PositiveMinorUnits,
  low: NonNegativeMinorUnits.nullable(),
  high: NonNegativeMinorUnits.nullable(),
  source: z.string().min(1),
  previousAmount: PositiveMinorUnits.nullable(),
  estimatedBy: ActorId,
  estimatedAt: IsoDateTime,
});
export type MarketSizeEstimated = z.infer<typeof MarketSizeEstimated>;

/** MarketSizeEstimated as an event. */
export type MarketSizeEstimatedEvent = Event<'MarketSizeEstimated', MarketSizeEstimated>;

/** Every Market event. */
export type MarketEvent = MarketSizeEstimatedEvent;

/** Schemas and versions of the Market events, for the event registry. */
export const marketEventDefinitions: readonly EventDefinition<MarketEvent>[] = [
  defineEvent('MarketSizeEstimated', MarketSizeEstimated),
];

/** Reads the events of a Market stream (`market-<region>-<segment>`), validated, as Market events. */
export const marketEventRegistry = createEventRegistry(marketEventDefinitions);
