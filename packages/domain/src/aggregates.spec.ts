import { AGGREGATES } from './aggregates.js';
import { salesbookEventRegistry } from './events.js';
import { STREAM_CATEGORIES } from './shared/streams.js';

describe('the table of aggregates', () => {
  it('has one aggregate per stream category, and together their registries know every event type exactly once', () => {
    expect(Object.keys(AGGREGATES).sort()).toEqual([...STREAM_CATEGORIES].sort());
    const types = STREAM_CATEGORIES.flatMap((category) =>
      AGGREGATES[category]((_decider, registry) => [...registry.types]),
    );
    expect(types.sort()).toEqual([...salesbookEventRegistry.types].sort());
    expect(new Set(types).size).toBe(types.length);
  });

  it('hands each aggregate’s own decider and registry to the caller, which folds a stream with them', () => {
    const initial = AGGREGATES.period((decider) => decider.initialState());
    expect(initial).toEqual({ months: {} });
    const closed = AGGREGATES.period((decider, registry) => {
      const decoded = registry.decode(
        'PeriodClosed',
        { month: '2026-03', closedBy: 'fin-1', closedAt: '2026-04-02T09:00:00Z' },
        1,
      );
      if (decoded._tag === 'Left') throw new Error(decoded.left.message);
      return decider.evolve(decider.initialState(), decoded.right);
    });
    expect(closed).toMatchObject({ months: { '2026-03': { status: 'closed', closedBy: 'fin-1' } } });
  });
});
