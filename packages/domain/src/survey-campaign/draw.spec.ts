import { createRandom } from '../shared/random.js';
import { drawSample, monthsBefore } from './draw.js';
import { member } from './testing.js';

describe('monthsBefore', () => {
  it('goes back whole calendar months, to the last day of a shorter month', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-02-28');
    expect(monthsBefore('2024-03-31', 1)).toBe('2024-02-29');
    expect(monthsBefore('2026-01-15', 2)).toBe('2025-11-15');
    expect(monthsBefore('2026-12-01', 12)).toBe('2025-12-01');
    expect(monthsBefore('2026-03-31', 6)).toBe('2025-09-30');
  });
});

describe('drawSample', () => {
  const members = ['c-1', 'c-2', 'c-3', 'c-4', 'c-5'].map((id) => member(id));
  it('is a partial Fisher-Yates shuffle of the population in id order, driven by the seed', () => {
    // By hand: mulberry32(42) gives 0.6011 then 0.4483; j0 = 0 + floor(0.6011 * 5) = 3 swaps c-1 and c-4
    // (c-4 c-2 c-3 c-1 c-5), j1 = 1 + floor(0.4483 * 4) = 2 swaps c-2 and c-3: the first two are c-4 and c-3.
    const random = createRandom(42);
    const order = members.map((m) => m.customerId);
    for (let i = 0; i < 2; i += 1) {
      const j = random.int(i, order.length - 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    const drawn = drawSample(members, { kind: 'random', size: 2, seed: 42 }).map((m) => m.customerId);
    expect(drawn).toEqual(order.slice(0, 2).sort());
    expect(drawn).toEqual(['c-3', 'c-4']);
    expect(drawSample(members, { kind: 'random', size: 2, seed: 7 }).map((m) => m.customerId)).not.toEqual(drawn);
  });
  it('draws everyone for `all` or a size at least the population', () => {
    expect(drawSample([...members].reverse(), { kind: 'all' })).toEqual(members);
    expect(drawSample(members, { kind: 'random', size: 9, seed: 1 })).toEqual(members);
  });
});
