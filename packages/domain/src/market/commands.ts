import { z } from 'zod';
import { CompetitionPeriod } from '../competition/vocabulary.js';
import { Segment } from '../customer/vocabulary.js';
import { RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency, NonNegativeMinorUnits, PositiveMinorUnits } from '../shared/money.js';

/** The period an estimate covers: a month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY` (as a competition's). */
export const MarketPeriod = CompetitionPeriod;
export type MarketPeriod = z.infer<typeof MarketPeriod>;

/** How sure the estimate is: the market lies between `low` and `high` (minor units), the estimate within them. */
export const ConfidenceRange = z.object({ low: NonNegativeMinorUnits, high: NonNegativeMinorUnits }).strict();
export type ConfidenceRange = z.infer<typeof ConfidenceRange>;

/** Where an estimate comes from (a study, an association's figures, the analyst's own model). */
export const EstimateSource = z
  .string({ message: 'source must be a text' })
  .trim()
  .min(1, 'source must not be empty')
  .max(500, 'source must be at most 500 characters');

/** Record the estimated size of the market of a region and segment in a period; a later one supersedes it. */
export const RecordMarketEstimate = z
  .object({
    region: RegionId,
    segment: Segment,
    period: MarketPeriod,
    currency: Currency,
    amount: PositiveMinorUnits,
    range: ConfidenceRange.optional(),
    source: EstimateSource,
  })
  .strict();
export type RecordMarketEstimate = z.infer<typeof RecordMarketEstimate>;

/** RecordMarketEstimate as a command. */
export type RecordMarketEstimateCommand = Command<'RecordMarketEstimate', RecordMarketEstimate>;

/** Every Market command (stream `market-<region>-<segment>`). */
export type MarketCommand = RecordMarketEstimateCommand;

/** Schemas of the Market commands' data, by command type (HTTP validation and OpenAPI). */
export const marketCommandSchemas = { RecordMarketEstimate } as const;
