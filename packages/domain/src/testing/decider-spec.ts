import { isLeft } from 'fp-ts/lib/Either.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';

/** Thrown when a decider specification does not hold; works with any test runner. */
export class DeciderSpecificationError extends Error {
  override readonly name = 'DeciderSpecificationError';
  constructor(
    message: string,
    readonly expected: unknown,
    readonly actual: unknown,
  ) {
    super(`${message}\nexpected: ${JSON.stringify(expected, null, 2)}\nactual:   ${JSON.stringify(actual, null, 2)}`);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Structural equality of JSON-like values; a key holding `undefined` counts as absent. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

/** The outcome of `when`: assert it with `then`. */
export interface DeciderOutcome<E> {
  /** Expects exactly these events, or a refusal with this `DomainError.code`. Returns the events. */
  then(expected: readonly E[] | string): readonly E[];
  /** Expects a refusal and returns the error for further checks. */
  thenError(code: string): DomainError;
}

/** Given some history, when a command is decided... */
export interface DeciderGiven<C, E> {
  when(command: C): DeciderOutcome<E>;
}

/**
 * `given(events).when(command).then(expectedEvents | expectedErrorCode)` for a decider.
 *
 * @example
 * const given = deciderSpec(orderDecider);
 * given([orderPlaced]).when(confirmOrder).then([orderConfirmed]);
 * given([orderPlaced, orderShipped]).when(cancelOrder).then('ORDER_ALREADY_SHIPPED');
 */
export function deciderSpec<C, E, S>(decider: Decider<C, E, S>): (history: readonly E[]) => DeciderGiven<C, E> {
  return (history) => ({
    when(command) {
      const state = history.reduce(decider.evolve, decider.initialState());
      const result = decider.decide(command, state);
      const thenError = (code: string): DomainError => {
        if (!isLeft(result))
          throw new DeciderSpecificationError('expected a refusal', { code }, { events: result.right });
        if (result.left.code !== code)
          throw new DeciderSpecificationError('refused with another code', { code }, result.left);
        return result.left;
      };
      return {
        thenError,
        then(expected) {
          if (typeof expected === 'string') {
            thenError(expected);
            return [];
          }
          if (isLeft(result))
            throw new DeciderSpecificationError('expected events, got a refusal', expected, result.left);
          if (!deepEqual(result.right, expected))
            throw new DeciderSpecificationError('other events', expected, result.right);
          return result.right;
        },
      };
    },
  });
}
