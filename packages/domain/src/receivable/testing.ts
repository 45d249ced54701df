import { registeredDecider } from '../testing/access.js';
import { isLeft } from 'fp-ts/lib/Either.js';
import type { Actor } from '../shared/actors.js';
import { CustomerId, OrderId, PaymentId, ReceivableId, RegionId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import type {
  ApproveWriteOffCommand,
  DisputeReceivableCommand,
  IssueCreditNote,
  IssueCreditNoteCommand,
  LogCollectionFollowUp,
  LogCollectionFollowUpCommand,
  OpenReceivable,
  OpenReceivableCommand,
  ReceivableCommand,
  RecordPayment,
  RecordPaymentCommand,
  RequestWriteOffCommand,
  ResolveDisputeCommand,
  ReversePayment,
  ReversePaymentCommand,
} from './commands.js';
import { receivableDecider } from './decide.js';
import type { ReceivableEvent } from './events.js';
import type { ReceivableState } from './state.js';
import { CreditNoteId } from './vocabulary.js';
import { testActor as actor } from '../testing/actors.js';

/** Test data for the Receivable aggregate: small factories with sensible defaults. */
export const RECEIVABLE_ID = ReceivableId.parse('inv-2026-0001');
export const ORDER_ID = OrderId.parse('o-1');
export const CUSTOMER_ID = CustomerId.parse('c-1');
export const EAST = RegionId.parse('east');
export const CNY = Currency.parse('CNY');
export const USD = Currency.parse('USD');
export const paymentId = (value: string) => PaymentId.parse(value);
export const creditNoteId = (value: string) => CreditNoteId.parse(value);

export const finance = actor('fin-1', 'finance');
export const rep = actor('rep-1', 'sales_rep', 'east');
export const otherRep = actor('rep-2', 'sales_rep', 'east');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const westManager = actor('rm-west', 'regional_manager', 'west');
export const salesManager = actor('sm-1', 'sales_manager');
export const system = actor('importer', 'system');
export const analyst = actor('an-1', 'market_analyst');
export const auditor = actor('au-1', 'auditor');

/** `2026-<month>-<day>T09:00:00Z`, March by default. */
export const at = (day: number, month = 3): string =>
  `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T09:00:00Z`;
/** `2026-<month>-<day>`, March by default. */
export const on = (day: number, month = 3): string => at(day, month).slice(0, 10);

const meta = (by: Actor, day: number) => ({ actor: by, occurredAt: at(day) });
/** Recorded on `day`, or on the business date the command names when that is later (a payment is recorded once received). */
const recordedOn = (by: Actor, day: number, date?: string) => {
  const named = date === undefined ? undefined : `${date}T09:00:00Z`;
  return { actor: by, occurredAt: named !== undefined && named > at(day) ? named : at(day) };
};
const cny = (amount: number) => ({ amount, currency: CNY });

/** Two installments of 6000 and 4000 CNY fen, due 10 April and 10 May. */
export const SCHEDULE = [
  { installmentNo: 1, dueDate: on(10, 4), amount: 6_000 },
  { installmentNo: 2, dueDate: on(10, 5), amount: 4_000 },
];

export const openData = (overrides: Partial<OpenReceivable> = {}): OpenReceivable => ({
  receivableId: RECEIVABLE_ID,
  orderId: ORDER_ID,
  customerId: CUSTOMER_ID,
  repId: rep.id,
  region: EAST,
  amount: cny(10_000),
  issueDate: on(10),
  dueDate: on(10, 5),
  installments: SCHEDULE,
  ...overrides,
});
export const openReceivable = (overrides: Partial<OpenReceivable> = {}, by: Actor = system): OpenReceivableCommand => ({
  type: 'OpenReceivable',
  data: openData(overrides),
  metadata: meta(by, 10),
});
export const recordPayment = (
  amount: number,
  overrides: Partial<RecordPayment> = {},
  by: Actor = finance,
): RecordPaymentCommand => ({
  type: 'RecordPayment',
  data: {
    receivableId: RECEIVABLE_ID,
    paymentId: paymentId('p1'),
    amount: cny(amount),
    receivedOn: on(20),
    method: 'bank_transfer',
    ...overrides,
  },
  metadata: recordedOn(by, 20, overrides.receivedOn),
});
export const reversePayment = (
  id = 'p1',
  overrides: Partial<ReversePayment> = {},
  by: Actor = finance,
): ReversePaymentCommand => ({
  type: 'ReversePayment',
  data: { receivableId: RECEIVABLE_ID, paymentId: paymentId(id), reason: 'bounced', ...overrides },
  metadata: meta(by, 25),
});
export const issueCreditNote = (
  amount: number,
  overrides: Partial<IssueCreditNote> = {},
  by: Actor = finance,
): IssueCreditNoteCommand => ({
  type: 'IssueCreditNote',
  data: {
    receivableId: RECEIVABLE_ID,
    creditNoteId: creditNoteId('cn-1'),
    amount: cny(amount),
    reason: 'two boxes damaged in transit',
    ...overrides,
  },
  metadata: meta(by, 22),
});
export const requestWriteOff = (by: Actor = finance): RequestWriteOffCommand => ({
  type: 'RequestWriteOff',
  data: { receivableId: RECEIVABLE_ID, reason: 'customer insolvent' },
  metadata: meta(by, 26),
});
export const approveWriteOff = (by: Actor = salesManager, writtenOffOn?: string): ApproveWriteOffCommand => ({
  type: 'ApproveWriteOff',
  data: { receivableId: RECEIVABLE_ID, ...(writtenOffOn === undefined ? {} : { writtenOffOn }) },
  metadata: meta(by, 27),
});
export const logFollowUp = (
  overrides: Partial<LogCollectionFollowUp> = {},
  by: Actor = rep,
  day = 21,
): LogCollectionFollowUpCommand => ({
  type: 'LogCollectionFollowUp',
  data: {
    receivableId: RECEIVABLE_ID,
    channel: 'phone',
    note: 'Spoke to Ms Li in accounts; cash flow tight this month',
    ...overrides,
  },
  metadata: meta(by, day),
});
/** A follow-up on `day` with a promise to pay `amount` on `date`. */
export const promise = (amount: number, date: string, day = 21): LogCollectionFollowUpCommand =>
  logFollowUp({ promiseToPay: { date, amount: cny(amount) } }, rep, day);
export const disputeReceivable = (by: Actor = rep): DisputeReceivableCommand => ({
  type: 'DisputeReceivable',
  data: { receivableId: RECEIVABLE_ID, reason: 'customer says 2 boxes arrived damaged' },
  metadata: meta(by, 23),
});
export const resolveDispute = (by: Actor = rep): ResolveDisputeCommand => ({
  type: 'ResolveDispute',
  data: { receivableId: RECEIVABLE_ID, resolution: 'credit note for the damaged boxes' },
  metadata: meta(by, 24),
});

/** Runs commands through the decider and returns every event, failing loudly on a refusal. */
export function eventsOf(...commands: ReceivableCommand[]): ReceivableEvent[] {
  const events: ReceivableEvent[] = [];
  let state: ReceivableState = receivableDecider.initialState();
  for (const command of commands) {
    const result = registeredReceivableDecider.decide(command, state);
    if (isLeft(result)) throw new Error(`${command.type} refused: ${result.left.code}`);
    events.push(...result.right);
    state = result.right.reduce(receivableDecider.evolve, state);
  }
  return events;
}

/** The state after `commands`. */
export const stateAfter = (...commands: ReceivableCommand[]): ReceivableState =>
  eventsOf(...commands).reduce(receivableDecider.evolve, receivableDecider.initialState());

const attribution = {
  receivableId: RECEIVABLE_ID,
  orderId: ORDER_ID,
  customerId: CUSTOMER_ID,
  repId: rep.id,
  region: EAST,
  currency: CNY,
};

/** ReceivableOpened for 10000 over {@link SCHEDULE}. */
export const receivableOpened = (): ReceivableEvent => ({
  type: 'ReceivableOpened',
  data: {
    ...attribution,
    outstanding: 10_000,
    amount: 10_000,
    issueDate: on(10),
    dueDate: on(10, 5),
    installments: SCHEDULE,
    openedAt: at(10),
  },
});

/** The Receivable decider with every actor registered as their token says (tests of other rules). */
export const registeredReceivableDecider = registeredDecider(receivableDecider);
