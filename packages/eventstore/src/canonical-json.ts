import type { Json } from './port.js';

// Keys repeat across events of a type; quoting each once saves a JSON.stringify per member. Bounded,
// because keys of free-form maps (ids as keys) would otherwise grow it without end.
const quotedKeys = new Map<string, string>();
const MAX_QUOTED_KEYS = 4096;

const quoteKey = (key: string): string => {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < MAX_QUOTED_KEYS) quotedKeys.set(key, quoted);
  }
  return quoted;
};

/**
 * Canonical JSON: object keys sorted by code unit, no whitespace, `undefined` members dropped (an `undefined`
 * array item is `null`, as JSON.stringify writes it). Equal values always give equal text, whatever order their
 * keys were built in: the basis of the hash chain. `skipKey` leaves one top-level member out (the metadata's
 * `hash`). Written for speed, as every command hashes its events with it (loops and concatenation, quoted keys
 * remembered, no sort when the keys already come in order); `canonical-json.spec.ts` holds it equal to the plain
 * sort-map-join definition.
 */
export function canonicalJson(value: Json | undefined, skipKey?: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += canonicalJson(value[index] as Json | undefined);
    }
    return `${text}]`;
  }
  const record = value as { readonly [key: string]: Json | undefined };
  const keys = Object.keys(record);
  for (let index = 1; index < keys.length; index += 1) {
    if ((keys[index - 1] as string) > (keys[index] as string)) {
      keys.sort();
      break;
    }
  }
  let text = '{';
  for (const key of keys) {
    const member = record[key];
    if (member === undefined || key === skipKey) continue;
    if (text.length > 1) text += ',';
    text += quoteKey(key) + ':' + (typeof member === 'string' ? JSON.stringify(member) : canonicalJson(member));
  }
  return `${text}}`;
}
