import { z } from 'zod';
import { ActorId, ID_PATTERN, RegionId } from '../shared/ids.js';
import type { Command, CommandPayload } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { YearMonth } from '../shared/time.js';
import { TargetMeasure, TargetPeriod } from './period.js';

/** Whom a target is for: one rep or a whole region. */
export const TargetScope = z.enum(['rep', 'region'], { message: 'scope must be rep or region' });
export type TargetScope = z.infer<typeof TargetScope>;

/** The rep id (`sub`) or the region id the target is for. */
export const TargetScopeId = z
  .string({ message: 'scopeId must be a text' })
  .regex(ID_PATTERN, 'scopeId must be a rep or region id: 1-64 letters, digits, ".", "_" or "-"');

/**
 * The fields that name a target (and its stream, see `targetStream`): the period (`month` is kept for a month, as
 * clients wrote it before periods), what it measures (default `booked`), the scope and the scope id.
 */
const TargetKey = {
  period: TargetPeriod.optional(),
  month: YearMonth.optional(),
  measure: TargetMeasure.optional(),
  scope: TargetScope,
  scopeId: TargetScopeId,
};

const onePeriod = {
  check: (data: { period?: string | undefined; month?: string | undefined }) =>
    (data.period === undefined) !== (data.month === undefined),
  issue: { message: 'give either period (YYYY-MM, YYYY-Qn or YYYY) or month (YYYY-MM), not both', path: ['period'] },
};

/** A target command's period and measure, with their defaults (the schema requires `period` or `month`). */
export const targetKeyOf = (data: {
  readonly period?: TargetPeriod | undefined;
  readonly month?: YearMonth | undefined;
  readonly measure?: TargetMeasure | undefined;
}): { period: TargetPeriod; measure: TargetMeasure } => ({
  period: data.period ?? data.month ?? '',
  measure: data.measure ?? 'booked',
});

/**
 * Set the target of a period (month, quarter or year) and measure for a rep or a region. A rep target names the rep's `region`
 * (required) so the decider can check a regional manager's authority; a region target's region is
 * its `scopeId` (`region` may be left out or must repeat it). The handler may check the rep's region.
 */
export const SetSalesTarget = z
  .object({ ...TargetKey, region: RegionId.optional(), amount: PositiveMinorUnits, currency: Currency })
  .strict()
  .refine(
    (data) =>
      data.scope === 'rep' ? data.region !== undefined : data.region === undefined || data.region === data.scopeId,
    {
      message: 'region is required for a rep target and, for a region target, must be left out or equal scopeId',
      path: ['region'],
    },
  )
  .refine(onePeriod.check, onePeriod.issue);
export type SetSalesTarget = z.infer<typeof SetSalesTarget>;

/** Revise a target that was set: the new amount (in the target's currency) and why. */
export const ReviseSalesTarget = z
  .object({
    ...TargetKey,
    amount: PositiveMinorUnits,
    reason: z
      .string({ message: 'reason must be a text' })
      .trim()
      .min(1, 'reason must not be empty')
      .max(1_000, 'reason must be at most 1000 characters'),
  })
  .strict()
  .refine(onePeriod.check, onePeriod.issue);
export type ReviseSalesTarget = z.infer<typeof ReviseSalesTarget>;

/** One rep's part of a split region target: in the region target's currency (or a count of customers). */
export const TargetPart = z.object({ repId: ActorId, amount: PositiveMinorUnits }).strict();
export type TargetPart = z.infer<typeof TargetPart>;

/**
 * Split a region's target of a period and measure into its reps' targets: every rep of the region named at most once,
 * the parts summing to the region's target. `currency`, when given, must be the region target's. Splitting again
 * replaces the previous split whole.
 */
export const SplitSalesTarget = z
  .object({
    period: TargetPeriod.optional(),
    month: YearMonth.optional(),
    measure: TargetMeasure.optional(),
    region: RegionId,
    currency: Currency.optional(),
    parts: z
      .array(TargetPart, { message: 'parts must be a list of { repId, amount }' })
      .min(1, 'parts must name at least one rep')
      .max(200, 'parts may name at most 200 reps'),
  })
  .strict()
  .refine(onePeriod.check, onePeriod.issue);
export type SplitSalesTarget = z.infer<typeof SplitSalesTarget>;

/** SetSalesTarget as a command. */
export type SetSalesTargetCommand = Command<'SetSalesTarget', SetSalesTarget>;
/** ReviseSalesTarget as a command. */
export type ReviseSalesTargetCommand = Command<'ReviseSalesTarget', ReviseSalesTarget>;

/** SplitSalesTarget as a command. */
export type SplitSalesTargetCommand = Command<'SplitSalesTarget', SplitSalesTarget>;

/** Every Target command. */
export type TargetCommand = SetSalesTargetCommand | ReviseSalesTargetCommand | SplitSalesTargetCommand;

/** The stream key of a Target command: a split names its region target. */
export const targetScopeOf = (command: CommandPayload<TargetCommand>): { scope: TargetScope; scopeId: string } =>
  command.type === 'SplitSalesTarget'
    ? { scope: 'region', scopeId: command.data.region }
    : { scope: command.data.scope, scopeId: command.data.scopeId };

/** Schemas of the Target commands' data, by command type (HTTP validation and OpenAPI). */
export const targetCommandSchemas = { SetSalesTarget, ReviseSalesTarget, SplitSalesTarget } as const;
