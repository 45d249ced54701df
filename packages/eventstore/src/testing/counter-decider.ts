import { left, right } from 'fp-ts/lib/Either.js';
import {
  ActorId,
  createEventRegistry,
  defineEvent,
  domainError,
  type Command,
  type Decider,
  type Event,
} from '@salesbook/domain';
import { z } from 'zod';
import { createEventCodec } from '../event-codec.js';

/** A counter aggregate: the package's own specs use it while the real aggregates live in @salesbook/domain. */
export type CounterCommand =
  Command<'Increment', { by: number; times?: number }> | Command<'Touch', Record<string, never>>;
/** The counter's one event. */
export type CounterEvent = Event<'CounterIncremented', { by: number }>;
/** The counter's state. */
export interface CounterState {
  readonly count: number;
  readonly increments: number;
}

/** Increments by `by` (`times` events), refuses non-positive amounts; `Touch` decides nothing. */
export const counterDecider: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: () => ({ count: 0, increments: 0 }),
  decide: (command) => {
    if (command.type === 'Touch') return right([]);
    if (command.data.by <= 0)
      return left(domainError('COUNTER_AMOUNT_INVALID', 'increments are positive', { by: command.data.by }));
    return right(
      Array.from({ length: command.data.times ?? 1 }, () => ({
        type: 'CounterIncremented' as const,
        data: { by: command.data.by },
      })),
    );
  },
  evolve: (state, event) => ({ count: state.count + event.data.by, increments: state.increments + 1 }),
};

/** Reads the counter's event. */
export const counterEventRegistry = createEventRegistry([
  defineEvent('CounterIncremented', z.object({ by: z.number().int() })),
]);

/** A codec that knows the counter's event. */
export const counterCodec = createEventCodec(counterEventRegistry);

/** An `Increment` command at a business time. */
export const increment = (by: number, occurredAt = '2024-03-01T08:00:00.000Z', times?: number): CounterCommand => ({
  type: 'Increment',
  data: times === undefined ? { by } : { by, times },
  metadata: { actor: { id: ActorId.parse('rep-1'), role: 'sales_rep' }, occurredAt },
});
