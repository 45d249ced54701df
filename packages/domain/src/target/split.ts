import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { SplitSalesTargetCommand, TargetPart } from './commands.js';
import { authorize, refuse, type TargetError } from './errors.js';
import type { TargetEvent } from './events.js';
import type { TargetState } from './state.js';

const sameParts = (a: readonly TargetPart[], b: readonly TargetPart[]): boolean =>
  a.length === b.length && a.every((part, i) => part.repId === b[i]?.repId && part.amount === b[i]?.amount);

/** The first rep named twice in the parts, if any. */
const repeatedRep = (parts: readonly TargetPart[]): string | undefined =>
  parts.find((part, i) => parts.findIndex((other) => other.repId === part.repId) !== i)?.repId;

/**
 * Splits a region target that was set into its reps' targets: every rep once, in the target's currency, the parts
 * summing to the target in force. The same parts as the split in force are a no-op; other parts replace it.
 */
export function splitSalesTarget(
  command: SplitSalesTargetCommand,
  state: TargetState,
): Either<TargetError, readonly TargetEvent[]> {
  const { data, metadata } = command;
  const allowed = authorize(metadata.actor, data.region);
  if (isLeft(allowed)) return allowed;
  if (state.status === 'none') return refuse('TARGET_NOT_SET', 'there is no region target to split; set it first');
  const repeated = repeatedRep(data.parts);
  if (repeated !== undefined)
    return refuse('TARGET_SPLIT_REP_REPEATED', `rep ${repeated} is named more than once`, { repId: repeated });
  if (data.currency !== undefined && data.currency !== state.currency)
    return refuse('TARGET_SPLIT_CURRENCY_MISMATCH', `the region target is in ${state.currency}, not ${data.currency}`, {
      currency: state.currency,
    });
  const sum = data.parts.reduce((total, part) => total + part.amount, 0);
  if (sum !== state.amount)
    return refuse('TARGET_SPLIT_SUM_MISMATCH', `the parts sum to ${sum}, the region target is ${state.amount}`, {
      sum,
      target: state.amount,
      difference: sum - state.amount,
    });
  if (state.parts !== null && sameParts(state.parts, data.parts)) return right([]);
  const { period, measure, scope, scopeId, region, currency, amount } = state;
  return right([
    {
      type: 'SalesTargetSplit',
      data: {
        period,
        measure,
        scope,
        scopeId,
        region,
        currency,
        amount,
        parts: data.parts,
        splitBy: metadata.actor.id,
        splitAt: metadata.occurredAt,
      },
    },
  ]);
}
