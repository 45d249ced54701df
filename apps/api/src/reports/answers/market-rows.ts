import { z } from 'zod';
import type * as P from '@salesbook/projections';

/** Our share of the market of one region or segment in one currency, in a period (minor units). */
export const MarketShareRowSchema = z.strictObject({
  key: z.string().describe('The region or the segment, as grouped by'),
  currency: z.string(),
  booked: z
    .number()
    .int()
    .describe('Sales booked in the period (confirmations less amendments, closes, cancellations)'),
  market: z
    .number()
    .int()
    .nullable()
    .describe("The estimated market: the sum of the group's cells, null (never 0) when a cell has no estimate"),
  low: z.number().int().nullable().describe("The market's low bound, when every estimate summed has a range"),
  high: z.number().int().nullable().describe("The market's high bound, when every estimate summed has a range"),
  share: z.number().nullable().describe('booked / market, 4 decimals (0.0727 = 7.27%); null without a market'),
  missing: z.array(z.string()).describe('The cells region/segment of the group without an estimate of the period'),
}) satisfies z.ZodType<P.MarketShareRow>;

/** One competitor's prices of one sku or category in a currency and unit, beside our list price. */
export const CompetitorPriceRowSchema = z.strictObject({
  competitor: z.string(),
  sku: z.string().nullable().describe('Our sku the price was seen for; null for a category observation'),
  category: z.string().nullable().describe("The observation's category, or the sku's in the catalogue"),
  currency: z.string(),
  unit: z.string(),
  observations: z.number().int().describe('Prices seen in the range'),
  latest: z.number().int().describe('The latest price seen (by date observed)'),
  latest_on: z.string().describe('The date it was seen'),
  min: z.number().int(),
  max: z.number().int(),
  our_list_price: z
    .number()
    .int()
    .nullable()
    .describe("Our default list's unit price on latest_on (a category: the mean of its skus'); null when none"),
  position: z.number().nullable().describe('our_list_price / latest, 4 decimals (above 1: we are dearer)'),
}) satisfies z.ZodType<P.CompetitorPriceReportRow>;

/** The price position of one category in one currency. */
export const CategoryPositionSchema = z.strictObject({
  category: z.string(),
  currency: z.string(),
  rows: z.number().int().describe('Rows of the category with a position'),
  position: z.number().nullable().describe('The mean of their positions, 4 decimals; null when none has one'),
}) satisfies z.ZodType<P.CategoryPositionRow>;
