/**
 * EventStoreDB places an event in `$all` by two 64-bit numbers, the commit and the prepare position,
 * and orders `$all` by commit, then prepare. The port has one bigint, so the adapter packs both:
 * `(commit << 64n) | prepare`. That orders exactly as `$all` does, whether commit positions are unique
 * per event (a gRPC append: each event commits itself, commit equal to prepare) or shared (the events of an
 * explicit transaction), and decodes back to the pair a read or subscription resumes from.
 */

/** The pair EventStoreDB's client speaks (same shape as its `Position`). */
export interface EsdbPosition {
  readonly commit: bigint;
  readonly prepare: bigint;
}

const LOW_64_BITS = (1n << 64n) - 1n;

/** Packs a `$all` position into the port's single bigint. */
export function encodePosition(position: EsdbPosition): bigint {
  if (
    position.commit < 0n ||
    position.prepare < 0n ||
    position.commit > LOW_64_BITS ||
    position.prepare > LOW_64_BITS
  ) {
    throw new RangeError(`not a $all position: commit ${position.commit}, prepare ${position.prepare}`);
  }
  return (position.commit << 64n) | position.prepare;
}

/** Unpacks a port position into the `$all` position it was made from. */
export function decodePosition(position: bigint): EsdbPosition {
  if (position < 0n) throw new RangeError(`positions are never negative: ${position}`);
  return { commit: position >> 64n, prepare: position & LOW_64_BITS };
}
