import { z } from 'zod';
import { ActorId, CommissionPlanId, RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { BasisPoints, Currency } from '../shared/money.js';
import { YearMonth } from '../shared/time.js';

/** Attainment in basis points of the target: 10000 is 100%; up to 1000%. */
const AttainmentBps = z
  .number({ message: 'must be a whole number of basis points' })
  .int('must be a whole number of basis points')
  .min(0, 'must be >= 0')
  .max(100_000, 'must be at most 100000 (1000%)');

/** A rate tier: from this attainment on, the base earns `rateBps` of itself. */
export const CommissionTier = z.object({ fromBps: AttainmentBps, rateBps: BasisPoints }).strict();
export type CommissionTier = z.infer<typeof CommissionTier>;

/** An accelerator: the part of the base above `aboveBps` of the target earns `rateBps` instead of the tier's rate. */
export const CommissionAccelerator = z
  .object({
    aboveBps: AttainmentBps.refine((bps) => bps >= 10_000, 'an accelerator starts at 10000 (100%) or above'),
    rateBps: BasisPoints,
  })
  .strict();
export type CommissionAccelerator = z.infer<typeof CommissionAccelerator>;

const unique = (ids: readonly string[]) => new Set(ids).size === ids.length;
const ascending = (values: readonly number[]) =>
  values.every((value, i) => i === 0 || value > (values[i - 1] ?? value));

/** Whom a plan covers: named reps, or every rep of the named regions. */
export const CommissionCoverage = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('reps'),
      ids: z.array(ActorId).min(1, 'name at least one rep').max(500).refine(unique, 'reps must not repeat'),
    })
    .strict(),
  z
    .object({
      kind: z.literal('regions'),
      ids: z.array(RegionId).min(1, 'name at least one region').max(100).refine(unique, 'regions must not repeat'),
    })
    .strict(),
]);
export type CommissionCoverage = z.infer<typeof CommissionCoverage>;

/** What a plan does to a rep's clawbacks: which later reductions of a receivable take back commission paid on it. */
export const CommissionClawback = z.object({ writeOffs: z.boolean(), creditNotes: z.boolean() }).strict();
export type CommissionClawback = z.infer<typeof CommissionClawback>;

/** The terms of one version of a plan (what {@link SetCommissionPlan} sets, less the plan id and month). */
export const CommissionTerms = z.object({
  name: z
    .string({ message: 'name must be a text' })
    .trim()
    .min(1, 'name must not be empty')
    .max(100, 'name must be at most 100 characters'),
  covers: CommissionCoverage,
  currency: Currency,
  tiers: z
    .array(CommissionTier)
    .min(1, 'a plan needs at least one tier')
    .max(10, 'a plan has at most 10 tiers')
    .refine((tiers) => tiers[0]?.fromBps === 0, 'the first tier starts at 0')
    .refine((tiers) => ascending(tiers.map((tier) => tier.fromBps)), 'tiers must start at rising attainments'),
  accelerators: z
    .array(CommissionAccelerator)
    .max(5, 'a plan has at most 5 accelerators')
    .refine((list) => ascending(list.map((a) => a.aboveBps)), 'accelerators must start at rising attainments')
    .default([]),
  clawback: CommissionClawback,
});
export type CommissionTerms = z.infer<typeof CommissionTerms>;

/** Set a plan's terms from a month on: a new version; months before it keep the versions they had. */
export const SetCommissionPlan = CommissionTerms.extend({
  planId: CommissionPlanId,
  effectiveFrom: YearMonth,
}).strict();
export type SetCommissionPlan = z.infer<typeof SetCommissionPlan>;

/** End a plan from a month on: no version of it applies from that month. */
export const EndCommissionPlan = z.object({ planId: CommissionPlanId, from: YearMonth }).strict();
export type EndCommissionPlan = z.infer<typeof EndCommissionPlan>;

/** SetCommissionPlan as a command. */
export type SetCommissionPlanCommand = Command<'SetCommissionPlan', SetCommissionPlan>;
/** EndCommissionPlan as a command. */
export type EndCommissionPlanCommand = Command<'EndCommissionPlan', EndCommissionPlan>;

/** Every CommissionPlan command (stream `commission-plans`). */
export type CommissionPlanCommand = SetCommissionPlanCommand | EndCommissionPlanCommand;

/** Schemas of the CommissionPlan commands' data, by command type (HTTP validation and OpenAPI). */
export const commissionPlanCommandSchemas = { SetCommissionPlan, EndCommissionPlan } as const;
