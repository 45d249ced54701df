import { hash } from 'node:crypto';
import { canonicalJson, type NewEvent } from '@salesbook/eventstore';

/** An event as the adapter writes it: canonical JSON text and its link of the stream's hash chain. */
export interface StoredForm {
  readonly data: string;
  /** The metadata's canonical JSON with `hash` added as its first member. */
  readonly metadata: string;
  readonly hash: string;
}

/**
 * The stored form of one event whose stream's chain ends at `previousHash`. The hash is the port's
 * `chainHash` (sha256 of the previous hash and the canonical JSON of type, data and metadata without
 * hash), computed from the same canonical texts that are stored, so each event is serialized once, and
 * reading it back yields exactly what was hashed.
 */
export function toStoredForm(previousHash: string, event: NewEvent): StoredForm {
  const data = canonicalJson(event.data);
  const metadata = canonicalJson(event.metadata, 'hash');
  // Members of {type, data, metadata} in sorted order, as canonicalJson writes that object.
  const link = hash(
    'sha256',
    `${previousHash}{"data":${data},"metadata":${metadata},"type":${JSON.stringify(event.type)}}`,
    'hex',
  );
  return {
    data,
    metadata: metadata === '{}' ? `{"hash":"${link}"}` : `{"hash":"${link}",${metadata.slice(1)}`,
    hash: link,
  };
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
