import type { HeadRow } from './statements.js';

/** Streams' heads as this connection last wrote them; see {@link createKnownHeads}. */
export interface KnownHeads {
  get(streamName: string): HeadRow | undefined;
  set(streamName: string, head: HeadRow): void;
  delete(streamName: string): void;
  /** Forgets every head: after any write that was undone, since a head it set may no longer be stored. */
  clear(): void;
}

/** Heads kept at most; about 200 bytes each. */
export const MAX_KNOWN_HEADS = 10_000;

/**
 * The head (revision, chain link, position) of each stream this connection appended to, so the next append to it
 * needs no lookup (which reads the head's metadata to extract its hash). Another process or connection may have
 * appended since; a head known here is then stale, and never wrong in a way that writes a bad row: revisions are
 * dense and unique per stream, so the revision after a stale head is taken, and the insert is refused (the caller
 * then looks the head up). What this connection wrote and then undid is the one way to know a head that is not
 * stored, which is why every undone write clears them all.
 */
export function createKnownHeads(max = MAX_KNOWN_HEADS): KnownHeads {
  const heads = new Map<string, HeadRow>();
  return {
    get: (streamName) => heads.get(streamName),
    set(streamName, head) {
      heads.delete(streamName);
      heads.set(streamName, head);
      // A Map iterates in insertion order: the first key is the stream appended to least recently.
      const oldest = heads.size > max ? heads.keys().next().value : undefined;
      if (oldest !== undefined) heads.delete(oldest);
    },
    delete: (streamName) => void heads.delete(streamName),
    clear: () => heads.clear(),
  };
}
