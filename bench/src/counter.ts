import { right } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { ActorId, createEventRegistry, defineEvent, type Command, type Decider, type Event } from '@salesbook/domain';
import { createEventCodec, type EventCodec, type SnapshotPolicy } from '@salesbook/eventstore';

/** The event of the benchmark's aggregate: a small business payload, like a payment or an order line. */
const IncrementedData = z.object({
  by: z.number().int(),
  total: z.number().int(),
  amount: z.string(),
  currency: z.string(),
  note: z.string(),
});

type Incremented = Event<'CounterIncremented', z.infer<typeof IncrementedData>>;
type Increment = Command<'Increment', { by: number }>;

/** A counter: the least a decider can do, so the figure is the write path's cost, not the domain's. */
export const counterDecider: Decider<Increment, Incremented, number> = {
  initialState: () => 0,
  decide: (command, state) =>
    right([
      {
        type: 'CounterIncremented',
        data: {
          by: command.data.by,
          total: state + command.data.by,
          amount: '125.40',
          currency: 'EUR',
          note: 'benchmark event',
        },
      },
    ]),
  evolve: (state, event) => state + event.data.by,
};

/** Reads the counter's one event type. */
export const counterEventRegistry = createEventRegistry([defineEvent('CounterIncremented', IncrementedData)]);

/** The codec of the counter's one event type, as the API builds one over the domain's registry. */
export const counterCodec: EventCodec = createEventCodec(counterEventRegistry);

/** One increment command, from a sales rep at a fixed business time. */
export const increment = (): Increment => ({
  type: 'Increment',
  data: { by: 1 },
  metadata: { actor: { id: ActorId.parse('rep-17'), role: 'sales_rep' }, occurredAt: '2025-03-01T09:30:00.000Z' },
});

/** Snapshots of the counter's state (a number), at the default distance. */
export const counterSnapshots: SnapshotPolicy<number> = {
  schema: 'bench-counter@1',
  toJson: (state) => state,
  fromJson: (json) => z.number().int().parse(json),
};
