import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { canonicalJson } from './canonical-json.js';
import { chainHash, GENESIS_HASH } from './hash-chain.js';
import type { Json } from './port.js';

/** The definition, written plainly: what the fast `canonicalJson` must always equal. */
function definition(value: Json | undefined): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((item: Json) => definition(item)).join(',')}]`;
  const record = value as { readonly [key: string]: Json | undefined };
  const members = Object.keys(record)
    .filter((key) => record[key] !== undefined)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${definition(record[key])}`);
  return `{${members.join(',')}}`;
}

// Seeded, so a failure is the same on every machine and can be replayed.
const seed = 20261206;

describe('canonicalJson', () => {
  it('equals the plain definition for any JSON, keys in any order, and undefined members', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => canonicalJson(value as Json) === definition(value as Json)),
      { seed, numRuns: 500 },
    );
    const withHoles = {
      b: [1, undefined, 'x'],
      a: { z: undefined, y: -0, '\u00e9': 1, Z: 2 },
      c: undefined,
    } as unknown as Json;
    expect(canonicalJson(withHoles)).toBe('{"a":{"Z":2,"y":0,"\u00e9":1},"b":[1,null,"x"]}');
    expect(canonicalJson(withHoles)).toBe(definition(withHoles));
  });

  it('leaves out only the top-level member named by skipKey', () => {
    const metadata = { hash: 'h', actor: 'a', nested: { hash: 'kept' } } as Json;
    expect(canonicalJson(metadata, 'hash')).toBe('{"actor":"a","nested":{"hash":"kept"}}');
  });

  it('gives chainHash the sha256 of the previous hash and the definition of {type, data, metadata without hash}', () => {
    const metadata = fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<{ [key: string]: Json }>;
    fc.assert(
      fc.property(fc.string(), fc.jsonValue(), metadata, fc.string(), (type, data, meta, hash) => {
        const event = { type, data: data as Json, metadata: { ...meta, hash } };
        const { hash: _hash, ...rest } = event.metadata;
        const expected = createHash('sha256')
          .update(GENESIS_HASH)
          .update(definition({ type, data: data as Json, metadata: rest }))
          .digest('hex');
        return chainHash(GENESIS_HASH, event) === expected;
      }),
      { seed, numRuns: 300 },
    );
  });
});
