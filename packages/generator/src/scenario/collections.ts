import type { IsoDate } from '@salesbook/domain';
import { plusDays } from '../calendar.js';
import { TEXTS } from '../names.js';
import { businessDaysLater, onDate, type Sim } from '../sim.js';
import { financeClerk, issueCreditNote, outstandingOf, runReceivable, type ReceivableEntity } from './receivables.js';

const CHANNELS = ['phone', 'email', 'visit', 'letter', 'other'] as const;
const CHANNEL_WEIGHTS = [50, 35, 8, 5, 2];

/** The receivable's rep (who chases their own customers) or, a third of the time, a finance clerk. */
function collector(sim: Sim, receivable: ReceivableEntity) {
  const state = receivable.stream.state;
  const rep = state.status === 'none' ? undefined : sim.world.repsById.get(state.repId);
  return rep === undefined || sim.random.chance(0.33) ? financeClerk(sim) : rep.actor;
}

/** Logs a collection follow-up on `date` while the receivable is open, with an optional promise to pay. */
export function followUp(
  sim: Sim,
  receivable: ReceivableEntity,
  date: IsoDate,
  promise: { date: IsoDate; amount: number } | undefined,
): void {
  sim.engine.at(onDate(sim, date), () => {
    const owed = outstandingOf(receivable);
    if (owed <= 0) return;
    const currency = receivable.customer.region.currency;
    const promiseToPay =
      promise === undefined
        ? {}
        : { promiseToPay: { date: promise.date, amount: { amount: Math.min(promise.amount, owed), currency } } };
    const data = {
      receivableId: receivable.id,
      channel: sim.random.weighted(CHANNELS, CHANNEL_WEIGHTS),
      note: sim.random.pick(TEXTS.followUpNotes),
      ...promiseToPay,
    };
    runReceivable(sim, receivable, {
      type: 'LogCollectionFollowUp',
      data,
      metadata: sim.engine.metadata(collector(sim, receivable)),
    });
  });
}

/** The customer disputes the invoice on `date`; the dispute is resolved some days later, half the time with a credit note. */
export function planDispute(sim: Sim, receivable: ReceivableEntity, date: IsoDate): void {
  const { random, engine } = sim;
  engine.at(onDate(sim, date), () => {
    if (outstandingOf(receivable) <= 0) return;
    const data = { receivableId: receivable.id, reason: random.pick(TEXTS.disputeReasons) };
    if (
      !runReceivable(sim, receivable, {
        type: 'DisputeReceivable',
        data,
        metadata: engine.metadata(collector(sim, receivable)),
      }).ok
    )
      return;
    engine.at(onDate(sim, plusDays(date, random.int(5, 25))), () => {
      const credit = random.chance(0.5);
      if (credit)
        issueCreditNote(
          sim,
          receivable,
          Math.round(outstandingOf(receivable) * (0.05 + random.next() * 0.15)),
          TEXTS.creditReasons[1],
        );
      const resolution = credit ? TEXTS.resolutions[2] : random.pick([TEXTS.resolutions[0], TEXTS.resolutions[1]]);
      runReceivable(sim, receivable, {
        type: 'ResolveDispute',
        data: { receivableId: receivable.id, resolution },
        metadata: engine.metadata(collector(sim, receivable)),
      });
    });
  });
}

/** Finance asks for what is still owed to be written off; the regional manager (another person) approves it days later. */
export function writeOff(sim: Sim, receivable: ReceivableEntity): void {
  if (outstandingOf(receivable) <= 0) return;
  const { engine, random } = sim;
  const data = { receivableId: receivable.id, reason: 'Uncollectible after repeated reminders' };
  if (
    !runReceivable(sim, receivable, { type: 'RequestWriteOff', data, metadata: engine.metadata(financeClerk(sim)) }).ok
  )
    return;
  engine.at(businessDaysLater(sim, random.int(2, 6)), () => {
    if (outstandingOf(receivable) <= 0) return;
    runReceivable(sim, receivable, {
      type: 'ApproveWriteOff',
      data: { receivableId: receivable.id },
      metadata: engine.metadata(receivable.customer.region.manager),
    });
  });
}
