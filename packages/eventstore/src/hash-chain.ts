import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json.js';
import type { Json, NewEvent, RecordedEvent } from './port.js';

/** The previous hash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/** `sha256(previous hash, canonical JSON of type, data and metadata without hash)` as hex (docs/domain-rules.md). */
export function chainHash(previousHash: string, event: Pick<NewEvent, 'type' | 'data' | 'metadata'>): string {
  // The members of {type, data, metadata} in sorted order, as canonicalJson writes that object, without copying it.
  const metadata = canonicalJson(event.metadata as Json, 'hash');
  const body = `{"data":${canonicalJson(event.data)},"metadata":${metadata},"type":${JSON.stringify(event.type)}}`;
  return createHash('sha256').update(previousHash).update(body).digest('hex');
}

/** Metadata of each event with its chain link, continuing from `previousHash`. */
export function linkEvents(
  previousHash: string,
  events: readonly NewEvent[],
): Array<NewEvent['metadata'] & { hash: string }> {
  let previous = previousHash;
  return events.map((event) => {
    const hash = chainHash(previous, event);
    previous = hash;
    return { ...event.metadata, hash };
  });
}

/** Where a stream's chain first breaks. */
export interface ChainBreak {
  readonly streamName: string;
  readonly revision: number;
  readonly reason: 'hash-mismatch' | 'revision-gap';
}

/** Checks a stream's events (read forwards from revision 0); returns the first broken link, if any. */
export function verifyChain(events: readonly RecordedEvent[]): ChainBreak | undefined {
  let previous = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    if (event.revision !== index) return { streamName: event.streamName, revision: index, reason: 'revision-gap' };
    if (chainHash(previous, event) !== event.metadata.hash) {
      return { streamName: event.streamName, revision: event.revision, reason: 'hash-mismatch' };
    }
    previous = event.metadata.hash;
  }
  return undefined;
}
