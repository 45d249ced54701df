import { fold } from '../shared/decider.js';
import { targetStream } from '../shared/streams.js';
import { registeredTargetDecider as targetDecider } from './testing.js';
import { evolve, initialState } from './state.js';
import * as t from './testing.js';

describe('Target evolve', () => {
  it('starts with no target and ignores a revision before the set', () => {
    expect(initialState()).toEqual({ status: 'none' });
    expect(evolve(initialState(), t.targetRevised())).toEqual({ status: 'none' });
  });
  it('sets, then revises, keeping the first amount and counting revisions', () => {
    expect(fold(targetDecider, [t.targetSet(), t.targetRevised(), t.targetRevised(60_000_000, 45_000_000)])).toEqual({
      status: 'set',
      period: '2026-04',
      measure: 'booked',
      scope: 'rep',
      scopeId: 'rep-1',
      region: t.EAST,
      currency: t.CNY,
      amount: 45_000_000,
      initialAmount: 50_000_000,
      revisions: 2,
      setAt: t.at(20),
      revisedAt: t.at(25),
      parts: null,
    });
  });
  it('keeps the parts of the last split of a region target, through a revision', () => {
    const moved = [t.part(1, 150_000_000), t.part(2, 150_000_000)];
    const state = fold(targetDecider, [t.regionTargetSet(), t.targetSplit(), t.targetSplit(moved), t.targetRevised()]);
    expect(state).toMatchObject({ status: 'set', amount: 60_000_000, parts: moved });
    expect(evolve(initialState(), t.targetSplit())).toEqual({ status: 'none' });
  });
  it('ignores a second set', () => {
    const state = fold(targetDecider, [t.targetSet()]);
    expect(evolve(state, t.targetSet({ amount: 1 }))).toBe(state);
  });
  it('lives in the stream targetStream names', () => {
    const { period, scope, scopeId } = t.targetSet().data;
    expect(targetStream(period, scope, scopeId)).toBe('target-2026-04-rep-rep-1');
    expect(targetStream('2026-Q2', 'region', 'east', 'collected')).toBe('target-2026-Q2-collected-region-east');
    expect(targetStream('2026', 'rep', 'rep-1', 'newCustomers')).toBe('target-2026-newCustomers-rep-rep-1');
  });
});
