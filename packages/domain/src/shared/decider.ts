import type { Either } from 'fp-ts/lib/Either.js';
import type { DomainError } from './domain-error.js';

/**
 * An aggregate as a pure decider: no I/O, no clock, no random ids.
 * `decide` refuses with a {@link DomainError} (never throws for a business rule);
 * `evolve` folds one event into the state.
 */
export interface Decider<C, E, S> {
  readonly initialState: () => S;
  readonly decide: (command: C, state: S) => Either<DomainError, readonly E[]>;
  readonly evolve: (state: S, event: E) => S;
}

/** Folds `events` into a state, starting from `from` (the decider's initial state by default). */
export const fold = <C, E, S>(decider: Decider<C, E, S>, events: readonly E[], from?: S): S =>
  events.reduce(decider.evolve, from ?? decider.initialState());
