import { z } from 'zod';
import { ID_PATTERN, RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { YearMonth } from '../shared/time.js';

/** Whom a target is for: one rep or a whole region. */
export const TargetScope = z.enum(['rep', 'region'], { message: 'scope must be rep or region' });
export type TargetScope = z.infer<typeof TargetScope>;

/** The rep id (`sub`) or the region id the target is for. */
export const TargetScopeId = z
  .string({ message: 'scopeId must be a text' })
  .regex(ID_PATTERN, 'scopeId must be a rep or region id: 1-64 letters, digits, ".", "_" or "-"');

/** The three fields that name a target (and its stream `target-<month>-<scope>-<scopeId>`). */
const TargetKey = { month: YearMonth, scope: TargetScope, scopeId: TargetScopeId };

/**
 * Set the sales target of a month for a rep or a region. A rep target names the rep's `region`
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
  );
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
  .strict();
export type ReviseSalesTarget = z.infer<typeof ReviseSalesTarget>;

/** SetSalesTarget as a command. */
export type SetSalesTargetCommand = Command<'SetSalesTarget', SetSalesTarget>;
/** ReviseSalesTarget as a command. */
export type ReviseSalesTargetCommand = Command<'ReviseSalesTarget', ReviseSalesTarget>;

/** Every Target command. */
export type TargetCommand = SetSalesTargetCommand | ReviseSalesTargetCommand;

/** Schemas of the Target commands' data, by command type (HTTP validation and OpenAPI). */
export const targetCommandSchemas = { SetSalesTarget, ReviseSalesTarget } as const;
