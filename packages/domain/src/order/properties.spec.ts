import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import type { Actor } from '../shared/actors.js';
import { createEventRegistry } from '../shared/event-registry.js';
import { Currency } from '../shared/money.js';
import { deepEqual } from '../testing/decider-spec.js';
import type { OrderCommand } from './commands.js';
import { registeredOrderDecider as orderDecider } from './testing.js';
import { orderEventDefinitions, type OrderEvent } from './events.js';
import { orderTotal, type OrderLine } from './order-line.js';
import type { OrderState, OrderStatus } from './state.js';
import * as t from './testing.js';

const registry = createEventRegistry(orderEventDefinitions);
const LINE_IDS = ['l1', 'l2', 'l3'];
const actors: Actor[] = [t.rep, t.rep, t.eastManager, t.salesManager];

const lineArb = (lineId: string) =>
  fc
    .record({
      quantity: fc.integer({ min: 1, max: 12 }),
      unitPrice: fc.integer({ min: 0, max: 5_000 }),
      discountBp: fc.integer({ min: 0, max: 3_000 }),
      sku: fc.constantFrom('SKU-A', 'SKU-B'),
    })
    .map((l): OrderLine =>
      t.line({
        lineId: t.id.line(lineId),
        sku: t.id.sku(l.sku),
        quantity: l.quantity,
        unitPrice: l.unitPrice,
        discountBp: l.discountBp,
      }),
    );
const linesArb = fc.subarray(LINE_IDS, { minLength: 1 }).chain((ids) => fc.tuple(...ids.map(lineArb)));
const dayArb = fc.integer({ min: 5, max: 28 });
const actorArb = fc.constantFrom(...actors);
const shipmentIdArb = fc.constantFrom('s1', 's2', 's3', 's4', 's5');
const shipDayArb = fc.integer({ min: 5, max: 12 });
const customerArb = fc
  .option(fc.integer({ min: 0, max: 60_000 }), { nil: undefined })
  .map((limit) =>
    t.customer(
      limit === undefined
        ? {}
        : { creditLimit: { amount: limit, currency: Currency.parse('CNY') }, openReceivables: 1_000 },
    ),
  );

type Intent = (state: OrderState) => OrderCommand;
const always =
  (command: OrderCommand): Intent =>
  () =>
    command;

/** Ships what is left of every line: the intent that completes an order. */
const shipTheRest =
  (shipmentId: string, day: number): Intent =>
  (state) => {
    const rest =
      state.status === 'none'
        ? []
        : state.lines
            .filter((l) => l.quantity > l.shipped)
            .map((l) => ({ lineId: l.lineId, quantity: l.quantity - l.shipped }));
    return t.recordShipment(rest.length > 0 ? rest : [{ lineId: 'l1', quantity: 1 }], shipmentId, t.on(day));
  };

/** Random command intents, most of them plausible for some state, so sequences reach every status. */
const intentArb: fc.Arbitrary<Intent> = fc.oneof(
  fc.tuple(linesArb, actorArb).map(([lines, by]) => always(t.placeOrder({ lines, region: t.EAST }, by))),
  actorArb.map((by) => always(t.approveDiscount(by))),
  fc.tuple(customerArb, actorArb).map(([snapshot, by]) => always(t.confirmOrder(snapshot, by))),
  fc
    .tuple(fc.option(linesArb, { nil: undefined }), fc.option(dayArb, { nil: undefined }), actorArb)
    .map(([lines, day, by]) =>
      always(t.amendOrder({ ...(lines ? { lines } : {}), promisedDeliveryDate: t.on(day ?? 20) }, by)),
    ),
  fc
    .tuple(fc.subarray(LINE_IDS, { minLength: 1 }), fc.integer({ min: 1, max: 8 }), shipmentIdArb, shipDayArb)
    .map(([ids, quantity, shipmentId, day]) =>
      always(
        t.recordShipment(
          ids.map((lineId) => ({ lineId, quantity })),
          shipmentId,
          t.on(day),
        ),
      ),
    ),
  fc.tuple(shipmentIdArb, shipDayArb).map(([shipmentId, day]) => shipTheRest(shipmentId, day)),
  dayArb.map((day) => always(t.confirmDelivery(t.on(day)))),
  fc.constant(always(t.cancelOrder())),
  fc.constant(always(t.closeOrder())),
);

const TRANSITIONS: Record<OrderStatus | 'none', readonly OrderStatus[]> = {
  none: ['placed', 'awaiting_approval'],
  placed: ['placed', 'awaiting_approval', 'confirmed', 'cancelled'],
  awaiting_approval: ['placed', 'awaiting_approval', 'cancelled'],
  confirmed: ['confirmed', 'partially_shipped', 'shipped', 'cancelled'],
  partially_shipped: ['partially_shipped', 'shipped', 'closed'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
  closed: ['closed'],
};

/** Booked amount as a projection would add it up from the events alone. */
const bookedFromEvents = (events: readonly OrderEvent[]): number =>
  events.reduce((sum, e) => {
    if (e.type === 'OrderConfirmed') return sum + e.data.bookedTotal;
    if (e.type === 'OrderAmended' || e.type === 'OrderClosed') return sum + e.data.bookedDelta;
    if (e.type === 'OrderCancelled') return sum - e.data.bookedReversed;
    return sum;
  }, 0);

interface Run {
  readonly states: OrderState[];
  readonly events: OrderEvent[];
}

const run = (intents: readonly Intent[]): Run => {
  let state = orderDecider.initialState();
  const states = [state];
  const events: OrderEvent[] = [];
  for (const intent of intents) {
    const result = orderDecider.decide(intent(state), state);
    if (!isRight(result)) continue;
    for (const event of result.right) {
      state = orderDecider.evolve(state, event);
      events.push(event);
      states.push(state);
    }
  }
  return { states, events };
};

const settings = { seed: 42, numRuns: 300 };
const sequences = fc.array(intentArb, { minLength: 1, maxLength: 30 });

describe('Order invariants over random command sequences', () => {
  it('shipped never exceeds ordered on any line', () => {
    fc.assert(
      fc.property(sequences, (commands) =>
        run(commands).states.every(
          (s) => s.status === 'none' || s.lines.every((l) => l.shipped >= 0 && l.shipped <= l.quantity),
        ),
      ),
      settings,
    );
  });

  it('the booked total equals the sum of line amounts after any amendments, and the events add up to it', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { states, events } = run(commands);
        const last = states[states.length - 1] ?? orderDecider.initialState();
        if (last.status === 'none') return true;
        const expected = last.confirmed && last.status !== 'cancelled' ? orderTotal(last.lines) : 0;
        return last.bookedTotal === expected && bookedFromEvents(events) === expected;
      }),
      settings,
    );
  });

  it('every event is valid against its schema and folding the stored events reproduces the state', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { states, events } = run(commands);
        const decoded = events.map((e) => registry.decode(e.type, JSON.parse(JSON.stringify(e.data)), 1));
        const replayed = decoded.reduce<OrderState>(
          (s, d) => (isRight(d) ? orderDecider.evolve(s, d.right as OrderEvent) : s),
          orderDecider.initialState(),
        );
        return decoded.every(isRight) && deepEqual(replayed, states[states.length - 1]);
      }),
      settings,
    );
  });

  it('moves only along the status machine, and each amendment is the next revision', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { states, events } = run(commands);
        const steps = events.map((event, i) => ({
          event,
          before: states[i] ?? { status: 'none' as const },
          after: states[i + 1] ?? { status: 'none' as const },
        }));
        return steps.every(({ event, before, after }) => {
          const allowed = (TRANSITIONS[before.status] as readonly string[]).includes(after.status);
          const revisionOk =
            event.type !== 'OrderAmended' || (before.status !== 'none' && event.data.revision === before.revision + 1);
          return allowed && revisionOk;
        });
      }),
      settings,
    );
  });

  it('the generator reaches every status (the properties above are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(sequences, (commands) => {
        run(commands).states.forEach((s) => seen.add(s.status));
        return true;
      }),
      settings,
    );
    expect([...seen].sort()).toEqual([
      'awaiting_approval',
      'cancelled',
      'closed',
      'confirmed',
      'delivered',
      'none',
      'partially_shipped',
      'placed',
      'shipped',
    ]);
  });
});
