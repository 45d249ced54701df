import {
  ESDB_DEFAULT_MAX_APPEND_BYTES,
  GENESIS_HASH,
  StoreError,
  type NewEvent,
  type StreamAppend,
} from '@salesbook/eventstore';

/** EventStoreDB's default maximum append size (its `MaxAppendSize` option): 1 MiB. */
export const DEFAULT_MAX_APPEND_BYTES = ESDB_DEFAULT_MAX_APPEND_BYTES;

const utf8Length = (value: unknown): number => Buffer.byteLength(JSON.stringify(value), 'utf8');

/**
 * An event's size as EventStoreDB counts it against its maximum append size (`Event.SizeOnDisk`): the data's bytes,
 * the metadata's bytes and twice the type's length. The client sends data and metadata as JSON text; the chain link
 * (`hash`) is added to the metadata at write time and always has the genesis hash's length.
 */
export function eventSize(event: NewEvent): number {
  return utf8Length(event.data) + utf8Length({ ...event.metadata, hash: GENESIS_HASH }) + event.type.length * 2;
}

const tooLarge = (streamName: string, bytes: number, maxBytes: number, what: string): StoreError =>
  new StoreError(
    'STORE_CONFIGURATION_INVALID',
    `EventStoreDB append to ${streamName}: ${what} of ${bytes} bytes exceeds the maximum append size of ${maxBytes} bytes (SALESBOOK_ESDB_MAX_APPEND_BYTES, which must not exceed the server's MaxAppendSize)`,
  );

/** Refuses a batch that one append cannot carry: appendToStream is atomic, so it is never split. */
export function assertFits(streamName: string, events: readonly NewEvent[], maxBytes: number): void {
  const bytes = events.reduce((sum, event) => sum + eventSize(event), 0);
  if (bytes > maxBytes) throw tooLarge(streamName, bytes, maxBytes, `a batch of ${events.length} events`);
}

/** Runs of consecutive events with one `metadata.commandId` (an event without one is a run of its own). */
function commandRuns(events: readonly NewEvent[]): NewEvent[][] {
  const runs: NewEvent[][] = [];
  let previous: unknown;
  for (const event of events) {
    const commandId = event.metadata['commandId'];
    const last = runs[runs.length - 1];
    if (last !== undefined && typeof commandId === 'string' && commandId === previous) last.push(event);
    else runs.push([event]);
    previous = commandId;
  }
  return runs;
}

/**
 * One stream's part of `appendMany` cut into appends of at most `maxBytes` each, in order, cut only between
 * commands (never inside a run of events with one `metadata.commandId`), so a failure part-way leaves whole
 * commands written. A command whose events alone exceed the limit is refused before anything is written.
 */
export function splitPart(part: StreamAppend, maxBytes: number): NewEvent[][] {
  const chunks: NewEvent[][] = [];
  let chunk: NewEvent[] = [];
  let chunkBytes = 0;
  for (const run of commandRuns(part.events)) {
    const bytes = run.reduce((sum, event) => sum + eventSize(event), 0);
    if (bytes > maxBytes)
      throw tooLarge(
        part.streamName,
        bytes,
        maxBytes,
        `command ${String(run[0]?.metadata['commandId'] ?? run[0]?.eventId)}`,
      );
    if (chunkBytes + bytes > maxBytes && chunk.length > 0) {
      chunks.push(chunk);
      chunk = [];
      chunkBytes = 0;
    }
    chunk.push(...run);
    chunkBytes += bytes;
  }
  if (chunk.length > 0 || chunks.length === 0) chunks.push(chunk);
  return chunks;
}
