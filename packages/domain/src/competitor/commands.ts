import { z } from 'zod';
import { ObservationId, Sku } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { BusinessDate } from '../shared/time.js';

const text = (field: string, max: number) =>
  z
    .string({ message: `${field} must be a text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

/** Where a competitor's price was seen. */
export const OBSERVATION_SOURCES = ['visit', 'web', 'customer', 'tender', 'trade_show', 'catalogue', 'other'] as const;
/** One of {@link OBSERVATION_SOURCES}. */
export const ObservationSource = z.enum(OBSERVATION_SOURCES, {
  message: `source must be one of ${OBSERVATION_SOURCES.join(', ')}`,
});
export type ObservationSource = z.infer<typeof ObservationSource>;

/** A competitor's name as the market knows it (a company, not a person). */
export const CompetitorName = text('competitor', 100);

/**
 * Record a competitor's price for one of our skus or for a product category, as seen on a date: the price of one
 * `unit` in minor units of `currency`.
 */
export const RecordCompetitorPrice = z
  .object({
    observationId: ObservationId,
    competitor: CompetitorName,
    sku: Sku.optional(),
    category: text('category', 100).optional(),
    currency: Currency,
    price: PositiveMinorUnits,
    unit: text('unit', 20),
    observedOn: BusinessDate,
    source: ObservationSource,
    note: text('note', 500).optional(),
  })
  .strict()
  .refine((d) => (d.sku === undefined) !== (d.category === undefined), {
    message: 'an observation names either a sku or a category',
    path: ['sku'],
  });
export type RecordCompetitorPrice = z.infer<typeof RecordCompetitorPrice>;

/** RecordCompetitorPrice as a command. */
export type RecordCompetitorPriceCommand = Command<'RecordCompetitorPrice', RecordCompetitorPrice>;

/** Every Competitor command (stream `competitor-<observationId>`). */
export type CompetitorCommand = RecordCompetitorPriceCommand;

/** Schemas of the Competitor commands' data, by command type (HTTP validation and OpenAPI). */
export const competitorCommandSchemas = { RecordCompetitorPrice } as const;
