import {
  receivableDecider,
  receivableStream,
  type CreditNoteId,
  type IsoDate,
  type OpenReceivableCommand,
  type PaymentId,
  type ReceivableCommand,
  type ReceivableEvent,
  type ReceivableId,
  type ReceivableState,
} from '@salesbook/domain';
import { plusBusinessDays, plusDays } from '../calendar.js';
import { openStream, type Outcome, type StreamHandle } from '../engine.js';
import { TEXTS } from '../names.js';
import { businessDaysLater, onDate, today, type CustomerEntity, type Sim } from '../sim.js';
import { followUp, planDispute, writeOff } from './collections.js';
import type { OrderEntity } from './orders.js';

/** A receivable of the simulation: its stream, the customer, and counters for payment and credit note ids. */
export interface ReceivableEntity {
  readonly id: ReceivableId;
  readonly stream: StreamHandle<ReceivableCommand, ReceivableEvent, ReceivableState>;
  readonly customer: CustomerEntity;
  readonly correlationId: string;
  payments: number;
  creditNotes: number;
}

const METHODS = ['bank_transfer', 'cash', 'check', 'card', 'other'] as const;
const METHOD_WEIGHTS = [80, 3, 7, 8, 2];

/** Runs a receivable command and keeps the customer's open receivables (the credit check's input) in step. */
export function runReceivable(
  sim: Sim,
  receivable: ReceivableEntity,
  command: ReceivableCommand,
  causationId?: string,
): Outcome<ReceivableEvent> {
  const before = outstandingOf(receivable);
  const options = { correlationId: receivable.correlationId, ...(causationId === undefined ? {} : { causationId }) };
  const outcome = sim.engine.run(receivable.stream, command, options);
  receivable.customer.outstanding += outstandingOf(receivable) - before;
  return outcome;
}

/** What the receivable still owes (0 once settled or written off, or before it is opened). */
export const outstandingOf = (receivable: ReceivableEntity): number =>
  receivable.stream.state.status === 'open' ? receivable.stream.state.outstanding : 0;

/** Opens the receivable the policy asked for (caused by the order's event) and plans how it gets paid. */
export function openReceivable(
  sim: Sim,
  order: OrderEntity,
  command: OpenReceivableCommand,
  causationId: string,
): void {
  const id = command.data.receivableId;
  const receivable: ReceivableEntity = {
    id,
    stream: openStream('receivable', receivableStream(id), receivableDecider),
    customer: order.customer,
    correlationId: order.correlationId,
    payments: 0,
    creditNotes: 0,
  };
  if (!runReceivable(sim, receivable, command, causationId).ok) return;
  const { installments } = command.data;
  for (const installment of installments ?? [])
    planInstallment(
      sim,
      receivable,
      installment.dueDate,
      installment.amount,
      command.data.issueDate === installment.dueDate,
    );
  const lastDue = command.data.dueDate;
  if (receivable.customer.payer === 'defaulter' && lastDue !== command.data.issueDate)
    planDefaultEnd(sim, receivable, lastDue);
  planIncidents(sim, receivable, command.data.issueDate);
}

/** A finance clerk: who records money. */
export const financeClerk = (sim: Sim): Parameters<Sim['engine']['metadata']>[0] =>
  sim.random.pick(sim.world.staff.finance);

/** Records a payment of `planned` (less if less is owed) today; now and then it bounces and is paid again later. */
export function pay(sim: Sim, receivable: ReceivableEntity, planned: number): void {
  const owed = outstandingOf(receivable);
  const amount = Math.min(planned, owed);
  if (amount <= 0) return;
  const { random, engine } = sim;
  receivable.payments += 1;
  const paymentId = `P${receivable.payments}` as PaymentId;
  const data = {
    receivableId: receivable.id,
    paymentId,
    amount: { amount, currency: receivable.customer.region.currency },
    receivedOn: today(sim),
    method: random.weighted(METHODS, METHOD_WEIGHTS),
  };
  const paid = runReceivable(sim, receivable, {
    type: 'RecordPayment',
    data,
    metadata: engine.metadata(financeClerk(sim)),
  });
  if (!paid.ok || !random.chance(0.015)) return;
  engine.at(businessDaysLater(sim, random.int(2, 6)), () => {
    const reversal = { receivableId: receivable.id, paymentId, reason: 'bounced' as const };
    const reversed = runReceivable(sim, receivable, {
      type: 'ReversePayment',
      data: reversal,
      metadata: engine.metadata(financeClerk(sim)),
    });
    if (reversed.ok) engine.at(businessDaysLater(sim, random.int(5, 10)), () => pay(sim, receivable, amount));
  });
}

/** When and how much of one installment gets paid, by the customer's payer profile. */
function planInstallment(sim: Sim, receivable: ReceivableEntity, due: IsoDate, amount: number, advance: boolean): void {
  const { random } = sim;
  const payOn = (date: IsoDate, planned: number): void =>
    sim.engine.at(onDate(sim, date), () => pay(sim, receivable, planned));
  if (advance) return payOn(plusBusinessDays(due, random.int(0, 4)), amount);
  switch (receivable.customer.payer) {
    case 'punctual':
      return payOn(plusDays(due, -random.int(0, 6)), amount);
    case 'late':
      return planLatePayment(sim, receivable, due, amount);
    case 'partial': {
      const first = Math.max(1, Math.round(amount * (0.4 + random.next() * 0.4)));
      payOn(plusDays(due, random.int(-3, 5)), first);
      const roll = random.next();
      if (roll < 0.5) return payOn(plusDays(due, random.int(20, 60)), amount - first);
      if (roll < 0.8)
        return sim.engine.at(onDate(sim, plusDays(due, random.int(10, 30))), () =>
          issueCreditNote(sim, receivable, amount - first, TEXTS.creditReasons[1]),
        );
      return followUp(sim, receivable, plusDays(due, random.int(7, 20)), undefined);
    }
    case 'defaulter':
      return planDefault(sim, receivable, due, amount);
  }
}

/** Late payers: a reminder after the due date, often a promise to pay, kept or broken. */
function planLatePayment(sim: Sim, receivable: ReceivableEntity, due: IsoDate, amount: number): void {
  const { random } = sim;
  const remindOn = plusDays(due, random.int(3, 7));
  if (!random.chance(0.5)) {
    followUp(sim, receivable, remindOn, undefined);
    sim.engine.at(onDate(sim, plusDays(due, random.int(8, 45))), () => pay(sim, receivable, amount));
    return;
  }
  const promiseOn = plusDays(remindOn, random.int(3, 10));
  followUp(sim, receivable, remindOn, { date: promiseOn, amount });
  if (random.chance(0.7)) {
    sim.engine.at(onDate(sim, plusDays(promiseOn, -random.int(0, 2))), () => pay(sim, receivable, amount));
    return;
  }
  followUp(sim, receivable, plusDays(promiseOn, random.int(2, 5)), undefined);
  sim.engine.at(onDate(sim, plusDays(promiseOn, random.int(7, 25))), () => pay(sim, receivable, amount));
}

/** Defaulters: maybe a small payment, reminders with a broken promise, sometimes a dispute, often a write-off. */
function planDefault(sim: Sim, receivable: ReceivableEntity, due: IsoDate, amount: number): void {
  const { random, engine } = sim;
  if (random.chance(0.3))
    engine.at(onDate(sim, plusDays(due, random.int(0, 10))), () =>
      pay(sim, receivable, Math.max(1, Math.round(amount * 0.3))),
    );
  followUp(sim, receivable, plusDays(due, 7), undefined);
  followUp(sim, receivable, plusDays(due, 21), {
    date: plusDays(due, 30),
    amount: Math.max(1, Math.round(amount / 2)),
  });
  followUp(sim, receivable, plusDays(due, 45), undefined);
}

/** Once per defaulted invoice, after its last due date: sometimes a dispute, often a write-off. */
function planDefaultEnd(sim: Sim, receivable: ReceivableEntity, lastDue: IsoDate): void {
  const { random, engine } = sim;
  if (random.chance(0.3)) planDispute(sim, receivable, plusDays(lastDue, random.int(8, 14)));
  if (random.chance(0.6))
    engine.at(onDate(sim, plusDays(lastDue, random.int(75, 100))), () => writeOff(sim, receivable));
}

/** Credit notes and disputes that can befall any invoice. */
function planIncidents(sim: Sim, receivable: ReceivableEntity, issueDate: IsoDate): void {
  const { random } = sim;
  if (random.chance(0.03)) {
    sim.engine.at(onDate(sim, plusDays(issueDate, random.int(3, 20))), () =>
      issueCreditNote(
        sim,
        receivable,
        Math.round(outstandingOf(receivable) * (0.05 + random.next() * 0.1)),
        random.pick(TEXTS.creditReasons),
      ),
    );
  }
  if (receivable.customer.payer !== 'defaulter' && random.chance(0.02))
    planDispute(sim, receivable, plusDays(issueDate, random.int(2, 15)));
}

/** Issues a credit note of `amount` (at most what is owed). */
export function issueCreditNote(sim: Sim, receivable: ReceivableEntity, amount: number, reason: string): void {
  const credited = Math.min(amount, outstandingOf(receivable));
  if (credited <= 0) return;
  receivable.creditNotes += 1;
  const data = {
    receivableId: receivable.id,
    creditNoteId: `CN${receivable.creditNotes}` as CreditNoteId,
    amount: { amount: credited, currency: receivable.customer.region.currency },
    reason,
  };
  runReceivable(sim, receivable, { type: 'IssueCreditNote', data, metadata: sim.engine.metadata(financeClerk(sim)) });
}
