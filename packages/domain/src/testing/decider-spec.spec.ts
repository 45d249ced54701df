import { left, right } from 'fp-ts/lib/Either.js';
import type { Decider } from '../shared/decider.js';
import { fold } from '../shared/decider.js';
import { domainError } from '../shared/domain-error.js';
import { deciderSpec, DeciderSpecificationError, deepEqual } from './decider-spec.js';

type Cmd = { type: 'Add'; by: number };
type Ev = { type: 'Added'; by: number };
const counter: Decider<Cmd, Ev, number> = {
  initialState: () => 0,
  decide: (command, state) =>
    state + command.by > 10
      ? left(domainError('COUNTER_OVERFLOW', 'too much', { state }))
      : right([{ type: 'Added', by: command.by }]),
  evolve: (state, event) => state + event.by,
};
const given = deciderSpec(counter);

describe('deciderSpec', () => {
  it('passes when the events match, returning them', () => {
    expect(
      given([{ type: 'Added', by: 2 }])
        .when({ type: 'Add', by: 3 })
        .then([{ type: 'Added', by: 3 }]),
    ).toEqual([{ type: 'Added', by: 3 }]);
  });
  it('passes when the refusal code matches', () => {
    expect(
      given([{ type: 'Added', by: 9 }])
        .when({ type: 'Add', by: 3 })
        .then('COUNTER_OVERFLOW'),
    ).toEqual([]);
    expect(
      given([{ type: 'Added', by: 9 }])
        .when({ type: 'Add', by: 3 })
        .thenError('COUNTER_OVERFLOW').details,
    ).toEqual({
      state: 9,
    });
  });
  it('fails on other events, unexpected refusals, other codes, and unexpected success', () => {
    expect(() =>
      given([])
        .when({ type: 'Add', by: 1 })
        .then([{ type: 'Added', by: 2 }]),
    ).toThrow(DeciderSpecificationError);
    expect(() =>
      given([{ type: 'Added', by: 10 }])
        .when({ type: 'Add', by: 1 })
        .then([]),
    ).toThrow('expected events, got a refusal');
    expect(() =>
      given([{ type: 'Added', by: 10 }])
        .when({ type: 'Add', by: 1 })
        .then('OTHER'),
    ).toThrow('refused with another code');
    expect(() => given([]).when({ type: 'Add', by: 1 }).then('COUNTER_OVERFLOW')).toThrow('expected a refusal');
  });
  it('folds history like the decider', () => {
    const history: Ev[] = [
      { type: 'Added', by: 2 },
      { type: 'Added', by: 5 },
    ];
    expect(fold(counter, history)).toBe(7);
    expect(fold(counter, history.slice(0, 1), 10)).toBe(12);
  });
});

describe('deepEqual', () => {
  it('compares JSON-like values structurally', () => {
    expect(deepEqual({ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [1, 2, 3])).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 2 })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true);
  });
});
