import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import type { Actor } from '../shared/actors.js';
import { fold } from '../shared/decider.js';
import { createEventRegistry } from '../shared/event-registry.js';
import { deepEqual } from '../testing/decider-spec.js';
import type { ReceivableCommand } from './commands.js';
import { registeredReceivableDecider as receivableDecider } from './testing.js';
import { receivableEventDefinitions, type ReceivableEvent } from './events.js';
import type { ReceivableState } from './state.js';
import * as t from './testing.js';

const registry = createEventRegistry(receivableEventDefinitions);
const seeded = { seed: 42, numRuns: 200 };

/** Schedules of one to three installments that add up to the amount. */
const scheduleArb = fc
  .array(fc.integer({ min: 0, max: 8_000 }), { minLength: 1, maxLength: 3 })
  .filter((parts) => parts.some((p) => p > 0))
  .chain((parts) =>
    fc
      .shuffledSubarray([5, 12, 19, 26], { minLength: parts.length, maxLength: parts.length })
      .map((days) =>
        parts.map((amount, index) => ({ installmentNo: index + 1, dueDate: t.on(days[index] ?? 10, 4), amount })),
      ),
  );
const dayArb = fc.integer({ min: 11, max: 28 });
const idArb = fc.constantFrom('1', '2', '3', '4');
const amountArb = fc.integer({ min: 1, max: 9_000 });
const managerArb = fc.constantFrom<Actor>(t.eastManager, t.salesManager);

type Intent = (state: ReceivableState) => ReceivableCommand;
const always =
  (command: ReceivableCommand): Intent =>
  () =>
    command;
const owed = (state: ReceivableState): number => (state.status === 'open' ? state.outstanding : 1);

/** Random command intents, most of them valid for some state, so sequences reach every status. */
const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  fc
    .tuple(amountArb, idArb, dayArb, fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }))
    .map(([amount, id, day, installmentNo]) =>
      always(
        t.recordPayment(amount, {
          paymentId: t.paymentId(`p${id}`),
          receivedOn: t.on(day),
          ...(installmentNo ? { installmentNo } : {}),
        }),
      ),
    ),
  fc.tuple(idArb, dayArb).map(
    ([id, day]): Intent =>
      (state) =>
        t.recordPayment(owed(state), { paymentId: t.paymentId(`p${id}`), receivedOn: t.on(day) }),
  ),
  fc.tuple(idArb, dayArb).map(([id, day]) => always(t.reversePayment(`p${id}`, { reversedOn: t.on(day) }))),
  fc
    .tuple(amountArb, idArb)
    .map(([amount, id]) => always(t.issueCreditNote(amount, { creditNoteId: t.creditNoteId(`cn-${id}`) }))),
  idArb.map(
    (id): Intent =>
      (state) =>
        t.issueCreditNote(owed(state), { creditNoteId: t.creditNoteId(`cn-${id}`) }),
  ),
  fc.constantFrom<Actor>(t.finance, t.rep, t.salesManager).map((by) => always(t.requestWriteOff(by))),
  managerArb.map((by) => always(t.approveWriteOff(by))),
  fc
    .tuple(amountArb, dayArb, dayArb)
    .map(([amount, made, until]) => always(t.promise(amount, t.on(Math.max(made, until)), made))),
  fc.constant(always(t.disputeReceivable())),
  fc.constant(always(t.resolveDispute())),
);

const scenarioArb = fc.tuple(scheduleArb, fc.array(intentArb, { maxLength: 25 }));

interface Run {
  /** The state after each accepted decision... */
  readonly states: ReceivableState[];
  /** ...and how many events had been emitted by then. */
  readonly emitted: number[];
  readonly events: ReceivableEvent[];
}

/** Decides every intent in turn, keeping the states the decider saw and the events it emitted. */
function run(schedule: { installmentNo: number; dueDate: string; amount: number }[], intents: readonly Intent[]): Run {
  const amount = schedule.reduce((sum, part) => sum + part.amount, 0);
  const open = t.openReceivable({ amount: { amount, currency: t.CNY }, dueDate: t.on(30, 4), installments: schedule });
  let state = receivableDecider.initialState();
  const states: ReceivableState[] = [];
  const events: ReceivableEvent[] = [];
  const emitted: number[] = [];
  for (const intent of [always(open), ...intents]) {
    const result = receivableDecider.decide(intent(state), state);
    if (!isRight(result)) continue;
    events.push(...result.right);
    state = result.right.reduce(receivableDecider.evolve, state);
    states.push(state);
    emitted.push(events.length);
  }
  return { states, emitted, events };
}

/** Outstanding as a projection adds it up from the events alone. */
const fromEvents = (events: readonly ReceivableEvent[]): number =>
  events.reduce((sum, e) => {
    switch (e.type) {
      case 'ReceivableOpened':
        return sum + e.data.amount;
      case 'PaymentReceived':
      case 'CreditNoteIssued':
      case 'ReceivableWrittenOff':
        return sum - e.data.amount;
      case 'PaymentReversed':
        return sum + e.data.amount;
      default:
        return sum;
    }
  }, 0);

describe('Receivable invariants over random command sequences', () => {
  it('outstanding is never negative and equals amount - payments + reversals - credit notes - write-offs', () => {
    fc.assert(
      fc.property(scenarioArb, ([schedule, commands]) => {
        const { states, events } = run(schedule, commands);
        const last = states.at(-1);
        const consistent = states.every(
          (s) =>
            s.status !== 'none' &&
            s.outstanding >= 0 &&
            s.outstanding === s.amount - s.paid - s.credited - s.writtenOff,
        );
        return consistent && last !== undefined && last.status !== 'none' && last.outstanding === fromEvents(events);
      }),
      seeded,
    );
  });

  it('the installments owe exactly the total outstanding, none of them negative or above its amount', () => {
    fc.assert(
      fc.property(scenarioArb, ([schedule, commands]) =>
        run(schedule, commands).states.every(
          (s) =>
            s.status !== 'none' &&
            s.installments.reduce((sum, i) => sum + i.outstanding, 0) === s.outstanding &&
            s.installments.every((i) => i.outstanding >= 0 && i.outstanding <= i.amount),
        ),
      ),
      seeded,
    );
  });

  it('every event carries the outstanding after it, and a decision leaves it open exactly while something is owed', () => {
    fc.assert(
      fc.property(scenarioArb, ([schedule, commands]) => {
        const { states, events } = run(schedule, commands);
        let state = receivableDecider.initialState();
        for (const event of events) {
          state = receivableDecider.evolve(state, event);
          if (state.status === 'none' || event.data.outstanding !== state.outstanding) return false;
        }
        return states.every((s) => s.status !== 'none' && (s.status === 'open') === s.outstanding > 0);
      }),
      seeded,
    );
  });

  it('folding the emitted events reproduces every state, and every event passes its schema', () => {
    fc.assert(
      fc.property(scenarioArb, ([schedule, commands]) => {
        const { states, emitted, events } = run(schedule, commands);
        const replayed = states.every((state, i) =>
          deepEqual(fold(receivableDecider, events.slice(0, emitted[i])), state),
        );
        const decoded = events.every((e) => isRight(registry.decode(e.type, JSON.parse(JSON.stringify(e.data)), 1)));
        return replayed && decoded;
      }),
      seeded,
    );
  });

  it('a repeated command with the same payment id changes nothing', () => {
    fc.assert(
      fc.property(scenarioArb, amountArb, ([schedule, commands], amount) => {
        const payment = always(
          t.recordPayment(
            Math.min(
              amount,
              schedule.reduce((s, p) => s + p.amount, 0),
            ),
            { paymentId: t.paymentId('p-repeat') },
          ),
        );
        const once = run(schedule, [payment, ...commands]);
        const twice = run(schedule, [payment, payment, ...commands]);
        return deepEqual(once.events, twice.events);
      }),
      seeded,
    );
  });
});

describe('the random command sequences', () => {
  it('reach every event type, so the invariants above are tested on every path', () => {
    const seen = new Set<string>();
    for (const [schedule, commands] of fc.sample(scenarioArb, { seed: 42, numRuns: 200 })) {
      for (const event of run(schedule, commands).events) seen.add(event.type);
    }
    expect([...seen].sort()).toEqual(receivableEventDefinitions.map((d) => d.type).sort());
  });
});
