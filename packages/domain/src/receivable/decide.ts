import type { WithAccess } from '../shared/access.js';
import { postLateFacts, type WithPeriods } from '../period/late-facts.js';
import { receivableAccess } from './access.js';
import type { Either } from 'fp-ts/lib/Either.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { ReceivableCommand } from './commands.js';
import { disputeReceivable, resolveDispute } from './decide/dispute.js';
import { issueCreditNote } from './decide/issue-credit-note.js';
import { logCollectionFollowUp } from './decide/log-follow-up.js';
import { openReceivable } from './decide/open-receivable.js';
import { recordPayment } from './decide/record-payment.js';
import { reversePayment } from './decide/reverse-payment.js';
import { approveWriteOff, requestWriteOff } from './decide/write-off.js';
import type { ReceivableEvent } from './events.js';
import { evolve, initialState, type ReceivableState } from './state.js';

function decideCommand(
  command: WithAccess<ReceivableCommand>,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const access = receivableAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'OpenReceivable':
      return openReceivable(command, state);
    case 'RecordPayment':
      return recordPayment(command, state);
    case 'ReversePayment':
      return reversePayment(command, state);
    case 'IssueCreditNote':
      return issueCreditNote(command, state);
    case 'RequestWriteOff':
      return requestWriteOff(command, state);
    case 'ApproveWriteOff':
      return approveWriteOff(command, state);
    case 'LogCollectionFollowUp':
      return logCollectionFollowUp(command, state);
    case 'DisputeReceivable':
      return disputeReceivable(command, state);
    case 'ResolveDispute':
      return resolveDispute(command, state);
    default:
      return assertNever(command);
  }
}

/** Decides a Receivable command against the receivable's state; a fact dated in a closed month counts on the day it is recorded. */
export function decide(
  command: WithAccess<WithPeriods<ReceivableCommand>>,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  return postLateFacts(decideCommand(command, state), command.periods);
}

/** The Receivable aggregate (stream `receivable-<id>`, one per invoice) as a decider. */
export const receivableDecider: Decider<
  WithAccess<WithPeriods<ReceivableCommand>>,
  ReceivableEvent,
  ReceivableState
> = { initialState, decide, evolve };
