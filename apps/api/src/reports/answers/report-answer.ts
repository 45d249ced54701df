import { z } from 'zod';

/** A nullable number: ratios and figures that have no value without data. */
export const maybeNumber = z.number().nullable();

/**
 * The answer of a report route: the fields each request sets (`lag`, `stale`, `minPosition` when asked), the
 * report's own fields (its query as applied), its `rows` and the `position` they were computed at. Strict, so a
 * field a report starts sending without documenting it fails the API tests that parse real answers.
 */
export const reportAnswer = <R extends z.ZodType, F extends z.ZodRawShape>(row: R, fields: F) =>
  z.strictObject({
    lag: z.number().int().min(0).describe('Events the slowest source projection is behind the store'),
    stale: z.boolean().describe('Behind the asked X-Min-Position, or a source is not following the store live'),
    minPosition: z.string().optional().describe('The X-Min-Position asked for, when one was'),
    ...fields,
    rows: z.array(row),
    position: z.string().nullable().describe('Global position the rows were computed at; null before any event'),
  });

/** The group a report's rows are keyed by, as the query asked for it. */
export const groupedBy = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
