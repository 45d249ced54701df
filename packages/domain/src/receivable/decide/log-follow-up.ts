import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from '../../shared/domain-error.js';
import type { IsoDate } from '../../shared/time.js';
import type { LogCollectionFollowUpCommand } from '../commands.js';
import { authorize, refuse, requireOpen, type ReceivableError } from '../errors.js';
import type { CollectionFollowUpLogged, ReceivableEvent } from '../events.js';
import type { Receivable, ReceivableState } from '../state.js';
import { dateOf, type PromiseToPay } from '../vocabulary.js';
import { checkMoney, common } from './facts.js';

/** A promise is for a positive amount in the receivable's currency, no more than owed, on or after the day it is made. */
function promise(
  r: Receivable,
  given: PromiseToPay | undefined,
  loggedOn: IsoDate,
): Either<ReceivableError, CollectionFollowUpLogged['promiseToPay']> {
  if (given === undefined) return right(null);
  const amount = checkMoney(r, given.amount, 'promise to pay');
  if (isLeft(amount)) return amount;
  if (amount.right > r.outstanding) {
    return refuse(
      'RECEIVABLE_PROMISE_EXCEEDS_OUTSTANDING',
      `a promise of ${amount.right} exceeds the ${r.outstanding} outstanding`,
      { outstanding: r.outstanding, promised: amount.right },
    );
  }
  if (given.date < loggedOn)
    return refuse(
      'RECEIVABLE_PROMISE_BEFORE_FOLLOW_UP',
      `a promise made on ${loggedOn} cannot fall due on ${given.date}`,
      { loggedOn, date: given.date },
    );
  return right({ date: given.date, amount: amount.right });
}

/** Logs a collection follow-up on an open receivable, with an optional promise to pay. */
export function logCollectionFollowUp(
  command: LogCollectionFollowUpCommand,
  state: ReceivableState,
): Either<DomainError, readonly ReceivableEvent[]> {
  const { data, metadata } = command;
  const open = requireOpen(state, 'log a follow-up');
  if (isLeft(open)) return open;
  const r = open.right;
  const allowed = authorize(metadata.actor, 'collect', r);
  if (isLeft(allowed)) return allowed;
  const loggedOn = data.loggedOn ?? dateOf(metadata.occurredAt);
  const promiseToPay = promise(r, data.promiseToPay, loggedOn);
  if (isLeft(promiseToPay)) return promiseToPay;
  const logged = {
    ...common(r, r.outstanding),
    channel: data.channel,
    note: data.note,
    promiseToPay: promiseToPay.right,
  };
  return right([
    {
      type: 'CollectionFollowUpLogged',
      data: { ...logged, loggedOn, loggedBy: metadata.actor.id, loggedAt: metadata.occurredAt },
    },
  ]);
}
