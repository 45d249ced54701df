import { z } from 'zod';
import { ActorId, CommissionPlanId, RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency } from '../shared/money.js';
import { YearMonth } from '../shared/time.js';

/** Which statement: a business month's (stream `statement-<YYYY-MM>`). */
const StatementKey = { month: YearMonth };

/** The sales manager approves the month's statement; the handler adds the figures as the report answers them now. */
export const ApproveCommissionStatement = z.object(StatementKey).strict();
export type ApproveCommissionStatement = z.infer<typeof ApproveCommissionStatement>;

/** Finance confirms the approved statement: a second person, so no one pays commission alone. */
export const ConfirmCommissionStatement = z.object(StatementKey).strict();
export type ConfirmCommissionStatement = z.infer<typeof ConfirmCommissionStatement>;

const Minor = z.number().int();

/** One rep's line of an approved statement, as the statement answered it (minor units of `currency`, rates in bps). */
export const ApprovedStatementRow = z.object({
  repId: ActorId,
  region: RegionId,
  planId: CommissionPlanId,
  planVersion: z.number().int().positive(),
  currency: Currency,
  base: Minor,
  target: Minor.nullable(),
  attainmentBps: z.number().int().nonnegative().nullable(),
  tier: z.number().int().positive(),
  rateBps: z.number().int().nonnegative(),
  commission: Minor,
  clawbacks: Minor,
  total: Minor,
});
export type ApprovedStatementRow = z.infer<typeof ApprovedStatementRow>;

/** The last revision of a receivable stream whose facts the approved statement counted: later ones are adjustments. */
export const IncludedFacts = z.object({ stream: z.string().min(1).max(200), revision: z.number().int().nonnegative() });
export type IncludedFacts = z.infer<typeof IncludedFacts>;

/**
 * The figures as approved: every rep's row, per receivable stream the last fact the month counted (a store-independent
 * cut: a later fact of that stream, or of a stream not listed, is not in the approved figures), and the log position
 * the statement was read at.
 */
export const ApprovedStatementFigures = z.object({
  rows: z.array(ApprovedStatementRow).max(10_000),
  included: z.array(IncludedFacts).max(200_000),
  position: z
    .string()
    .regex(/^\d{1,40}$/)
    .nullable(),
});
export type ApprovedStatementFigures = z.infer<typeof ApprovedStatementFigures>;

/** ApproveCommissionStatement as a command, with the figures the handler read. */
export type ApproveCommissionStatementCommand = Command<'ApproveCommissionStatement', ApproveCommissionStatement> & {
  readonly inputs: { readonly figures: ApprovedStatementFigures };
};
/** ConfirmCommissionStatement as a command. */
export type ConfirmCommissionStatementCommand = Command<'ConfirmCommissionStatement', ConfirmCommissionStatement>;

/** Every CommissionStatement command. */
export type CommissionStatementCommand = ApproveCommissionStatementCommand | ConfirmCommissionStatementCommand;

/** Schemas of the CommissionStatement commands' data, by command type (HTTP validation and OpenAPI). */
export const commissionStatementCommandSchemas = { ApproveCommissionStatement, ConfirmCommissionStatement } as const;
