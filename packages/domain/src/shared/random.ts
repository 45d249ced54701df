/**
 * A small seeded pseudo-random source (mulberry32): the same seed gives the same sequence on every
 * machine and Node version, which `Math.random` does not promise. Not for cryptography.
 *
 * @example
 * const random = createRandom(42);
 * random.int(1, 6); // a die roll, the same on every run with seed 42
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** One element, chosen with the given non-negative weights (same length as `items`). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** A count drawn from a Poisson distribution with the given mean (Knuth's method; small means). */
  poisson(mean: number): number;
  /** An independent source derived from this one's seed and `label` (e.g. one per customer). */
  fork(label: string | number): Random;
}

const MULBERRY_INCREMENT = 0x6d2b79f5;

/** Mixes a string into a 32-bit seed (FNV-1a), so forks by label are stable and independent. */
function mix(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i += 1) {
    hash ^= label.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** A {@link Random} seeded with a 32-bit integer (other numbers are truncated to 32 bits). */
export function createRandom(seed: number): Random {
  const origin = seed >>> 0;
  let state = origin;
  const next = (): number => {
    state = (state + MULBERRY_INCREMENT) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new RangeError('pick from an empty list');
      return item;
    },
    weighted: <T>(items: readonly T[], weights: readonly number[]): T => {
      const total = weights.reduce((sum, w) => sum + w, 0);
      let roll = next() * total;
      for (let i = 0; i < items.length; i += 1) {
        roll -= weights[i] ?? 0;
        if (roll < 0) return items[i] as T;
      }
      return random.pick(items);
    },
    poisson: (mean) => {
      const limit = Math.exp(-mean);
      let count = 0;
      for (let product = next(); product > limit; product *= next()) count += 1;
      return count;
    },
    fork: (label) => createRandom(mix(origin, String(label))),
  };
  return random;
}
