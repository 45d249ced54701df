import { z } from 'zod';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, RegionId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { Currency, NonNegativeMinorUnits } from '../shared/money.js';
import { IsoDateTime, YearMonth } from '../shared/time.js';

/** A rep submitted their forecast of `month`: every submission is kept, so a past forecast reads as it stood. */
export const ForecastSubmitted = z.object({
  repId: ActorId,
  region: RegionId,
  month: YearMonth,
  currency: Currency,
  commit: NonNegativeMinorUnits,
  bestCase: NonNegativeMinorUnits,
  submittedBy: ActorId,
  submittedAt: IsoDateTime,
});
export type ForecastSubmitted = z.infer<typeof ForecastSubmitted>;

/** A manager adjusted a rep's forecast of `month`; the rep's numbers then in force are repeated beside it. */
export const ForecastAdjusted = z.object({
  repId: ActorId,
  region: RegionId,
  month: YearMonth,
  currency: Currency,
  commit: NonNegativeMinorUnits,
  bestCase: NonNegativeMinorUnits,
  repCommit: NonNegativeMinorUnits,
  repBestCase: NonNegativeMinorUnits,
  reason: z.string().min(1),
  adjustedBy: ActorId,
  adjustedAt: IsoDateTime,
});
export type ForecastAdjusted = z.infer<typeof ForecastAdjusted>;

/** ForecastSubmitted as an event. */
export type ForecastSubmittedEvent = Event<'ForecastSubmitted', ForecastSubmitted>;
/** ForecastAdjusted as an event. */
export type ForecastAdjustedEvent = Event<'ForecastAdjusted', ForecastAdjusted>;

/** Every Forecast event. */
export type ForecastEvent = ForecastSubmittedEvent | ForecastAdjustedEvent;

/** Schemas and versions of the Forecast events, for the event registry. */
export const forecastEventDefinitions: readonly EventDefinition<ForecastEvent>[] = [
  defineEvent('ForecastSubmitted', ForecastSubmitted),
  defineEvent('ForecastAdjusted', ForecastAdjusted),
];

/** Reads the events of a forecast stream (`forecast-<repId>`), validated, as Forecast events. */
export const forecastEventRegistry = createEventRegistry(forecastEventDefinitions);
