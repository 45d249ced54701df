import { chainHash, GENESIS_HASH, type ChainBreak, type EventStore } from '@salesbook/eventstore';
import { readEverything } from '../support/read-all.js';

/** What a walk of every stream's hash chain found. */
export interface ChainReport {
  readonly events: number;
  readonly streams: number;
  /** Broken streams, first break of each, in the order the log reached them. */
  readonly breaks: readonly ChainBreak[];
}

/**
 * Checks every stream's hash chain in one pass over the log in global order (a stream's events come in
 * revision order there): each event's hash must be `chainHash(previous hash in its stream, event)` and
 * revisions must have no gaps, the checks of `verifyChain`, kept per stream so the log is never held whole.
 * A broken stream is reported at its first broken link and not checked further.
 */
export async function verifyChains(
  store: EventStore,
  onEvent: (events: number) => void = () => undefined,
): Promise<ChainReport> {
  const heads = new Map<string, { revision: number; hash: string } | ChainBreak>();
  const breaks: ChainBreak[] = [];
  let events = 0;
  for await (const event of readEverything(store)) {
    events += 1;
    if (events % 1_000 === 0) onEvent(events);
    const head = heads.get(event.streamName) ?? { revision: -1, hash: GENESIS_HASH };
    if ('reason' in head) continue;
    const broken: ChainBreak | undefined =
      event.revision !== head.revision + 1
        ? { streamName: event.streamName, revision: head.revision + 1, reason: 'revision-gap' }
        : chainHash(head.hash, event) !== event.metadata.hash
          ? { streamName: event.streamName, revision: event.revision, reason: 'hash-mismatch' }
          : undefined;
    if (broken !== undefined) breaks.push(broken);
    heads.set(event.streamName, broken ?? { revision: event.revision, hash: event.metadata.hash });
  }
  onEvent(events);
  return { events, streams: heads.size, breaks };
}
