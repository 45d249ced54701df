import { nextOutage, retryDelay, retryingOf } from './supervision.js';

describe('restarting a failed subscription', () => {
  it('waits twice as long after each failure, capped, keeping a jittered half to the whole of it', () => {
    const policy = { baseMs: 100, maxMs: 1_000 };
    expect([0, 1, 2, 3, 4, 10].map((attempt) => retryDelay(attempt, { ...policy, random: () => 0 }))).toEqual([
      50, 100, 200, 400, 500, 500,
    ]);
    expect([0, 1, 2, 3, 4, 10].map((attempt) => retryDelay(attempt, { ...policy, random: () => 0.999_999 }))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
    expect(retryDelay(1_000, { ...policy, random: () => 0.5 })).toBe(750);
  });

  it('keeps the start of an outage across attempts and counts them', () => {
    const policy = { baseMs: 100, maxMs: 1_000, random: () => 0 };
    const first = nextOutage(undefined, 'UNAVAILABLE', 10_000, policy);
    const second = nextOutage(first, 'still UNAVAILABLE', 10_200, policy);
    expect(first).toEqual({ since: 10_000, attempts: 0, lastError: 'UNAVAILABLE', retryAt: 10_050 });
    expect(second).toEqual({ since: 10_000, attempts: 1, lastError: 'still UNAVAILABLE', retryAt: 10_300 });
    expect(retryingOf(second)).toEqual({
      since: new Date(10_000).toISOString(),
      attempts: 2,
      nextAttemptAt: new Date(10_300).toISOString(),
    });
  });
});
