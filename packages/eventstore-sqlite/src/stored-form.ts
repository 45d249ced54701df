import { hash } from 'node:crypto';
import type { NewEvent } from '@salesbook/eventstore';

/** An event as the adapter writes it: canonical JSON text and its link of the stream's hash chain. */
export interface StoredForm {
  readonly data: string;
  /** The metadata's canonical JSON with `hash` added as its first member. */
  readonly metadata: string;
  readonly hash: string;
}

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
 * `canonicalJson` of `@salesbook/eventstore`, written for speed (loops, concatenation, quoted keys
 * remembered, no sort when keys already come in order): keys sorted by code unit, no whitespace,
 * `undefined` members dropped. `skipKey` leaves one top-level member out (the metadata's `hash`).
 * A property spec holds it equal to the original.
 */
export function canonicalText(value: unknown, skipKey?: string): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) {
    let text = '[';
    for (let index = 0; index < value.length; index += 1) {
      if (index > 0) text += ',';
      text += canonicalText(value[index]);
    }
    return `${text}]`;
  }
  const record = value as { readonly [key: string]: unknown };
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
    text += quoteKey(key) + ':' + (typeof member === 'string' ? JSON.stringify(member) : canonicalText(member));
  }
  return `${text}}`;
}

/**
 * The stored form of one event whose stream's chain ends at `previousHash`. The hash is the port's
 * `chainHash` (sha256 of the previous hash and the canonical JSON of type, data and metadata without
 * hash), computed from the same canonical texts that are stored, so each event is serialized once, and
 * reading it back yields exactly what was hashed.
 */
export function toStoredForm(previousHash: string, event: NewEvent): StoredForm {
  const data = canonicalText(event.data);
  const metadata = canonicalText(event.metadata, 'hash');
  // Members of {type, data, metadata} in sorted order, as canonicalJson writes that object.
  const link = hash('sha256', `${previousHash}{"data":${data},"metadata":${metadata},"type":${JSON.stringify(event.type)}}`, 'hex');
  return { data, metadata: metadata === '{}' ? `{"hash":"${link}"}` : `{"hash":"${link}",${metadata.slice(1)}`, hash: link };
}

/** The stored forms of a batch, each linked to the one before. */
export function toStoredForms(previousHash: string, events: readonly NewEvent[]): StoredForm[] {
  let previous = previousHash;
  return events.map((event) => {
    const form = toStoredForm(previous, event);
    previous = form.hash;
    return form;
  });
}
