import { z } from 'zod';
import { ActorId, RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency, NonNegativeMinorUnits } from '../shared/money.js';
import { YearMonth } from '../shared/time.js';

const Figures = {
  repId: ActorId,
  month: YearMonth,
  currency: Currency,
  /** What the rep is sure to book in the month (minor units). */
  commit: NonNegativeMinorUnits,
  /** What the rep could book if the open deals go their way; never below `commit`. */
  bestCase: NonNegativeMinorUnits,
};

const commitWithinBestCase = { message: 'commit must not be above bestCase', path: ['commit'] };

/** A rep submits their forecast of a month: commit and best case; `region` defaults to the rep's own. */
export const SubmitForecast = z
  .object({ ...Figures, region: RegionId.optional() })
  .strict()
  .refine((d) => d.commit <= d.bestCase, commitWithinBestCase);
export type SubmitForecast = z.infer<typeof SubmitForecast>;

/** A manager adjusts a rep's forecast of a month: their own commit and best case, kept beside the rep's, and why. */
export const AdjustForecast = z
  .object({
    ...Figures,
    reason: z
      .string({ message: 'reason must be a text' })
      .trim()
      .min(1, 'reason must not be empty')
      .max(1_000, 'reason must be at most 1000 characters'),
  })
  .strict()
  .refine((d) => d.commit <= d.bestCase, commitWithinBestCase);
export type AdjustForecast = z.infer<typeof AdjustForecast>;

/** SubmitForecast as a command. */
export type SubmitForecastCommand = Command<'SubmitForecast', SubmitForecast>;
/** AdjustForecast as a command. */
export type AdjustForecastCommand = Command<'AdjustForecast', AdjustForecast>;

/** Every Forecast command (stream `forecast-<repId>`). */
export type ForecastCommand = SubmitForecastCommand | AdjustForecastCommand;

/** Schemas of the Forecast commands' data, by command type (HTTP validation and OpenAPI). */
export const forecastCommandSchemas = { SubmitForecast, AdjustForecast } as const;
