import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { decodePosition, encodePosition } from './position.js';

const MAX_64 = (1n << 64n) - 1n;
const pair = fc.record({ commit: fc.bigInt({ min: 0n, max: MAX_64 }), prepare: fc.bigInt({ min: 0n, max: MAX_64 }) });

// Seeded, so a failure is the same on every machine and can be replayed.
const seeded = { seed: 20261127 };

describe('encodePosition / decodePosition', () => {
  it('packs commit and prepare into one bigint and back', () => {
    expect(encodePosition({ commit: 1n, prepare: 0n })).toBe(1n << 64n);
    expect(encodePosition({ commit: 5000n, prepare: 4880n })).toBe((5000n << 64n) + 4880n);
    expect(decodePosition((5000n << 64n) + 4880n)).toEqual({ commit: 5000n, prepare: 4880n });
    expect(decodePosition(0n)).toEqual({ commit: 0n, prepare: 0n });
  });

  it('keeps both numbers exact beyond 2^53 (they are 64-bit log offsets)', () => {
    const position = { commit: MAX_64 - 1n, prepare: 2n ** 60n + 7n };
    expect(decodePosition(encodePosition(position))).toEqual(position);
    expect(typeof encodePosition(position)).toBe('bigint');
  });

  it('round-trips every pair', () => {
    fc.assert(
      fc.property(pair, (position) => expect(decodePosition(encodePosition(position))).toEqual(position)),
      seeded,
    );
  });

  it('orders as $all does: by commit, then prepare (events of one transaction share a commit position)', () => {
    const byAll = (a: { commit: bigint; prepare: bigint }, b: { commit: bigint; prepare: bigint }): number =>
      a.commit === b.commit ? Math.sign(Number(a.prepare - b.prepare)) : a.commit < b.commit ? -1 : 1;
    fc.assert(
      fc.property(pair, pair, (a, b) => {
        const [x, y] = [encodePosition(a), encodePosition(b)];
        expect(x === y ? 0 : x < y ? -1 : 1).toBe(byAll(a, b));
      }),
      seeded,
    );
  });

  it('refuses what is not a $all position', () => {
    expect(() => encodePosition({ commit: -1n, prepare: 0n })).toThrow(RangeError);
    expect(() => encodePosition({ commit: 0n, prepare: MAX_64 + 1n })).toThrow(RangeError);
    expect(() => decodePosition(-1n)).toThrow(RangeError);
  });
});
