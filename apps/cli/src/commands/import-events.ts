import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import {
  chainHash,
  GENESIS_HASH,
  type EventCodec,
  type EventStore,
  type Json,
  type NewEvent,
  type StreamAppend,
} from '@salesbook/eventstore';
import { holdsPlaintext, sealExported } from '../import/seal-exported.js';
import { CliError } from '../support/cli-error.js';
import { systemCodec, type StoreContext } from '../support/infrastructure.js';
import { out } from '../support/output.js';
import { startProgress } from '../support/progress.js';

const Json: z.ZodType<Json> = z.json() as z.ZodType<Json>;

/** A line of `salesbook export` (NDJSON). */
const ExportedEvent = z
  .object({
    streamName: z.string().min(1),
    revision: z.number().int().nonnegative(),
    eventId: z.string().min(1),
    type: z.string().min(1),
    data: Json,
    metadata: z.record(z.string(), Json).and(z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/) })),
  })
  .loose();

const BATCH = 1_000;

interface StreamHead {
  revision: number;
  hash: string;
}

async function headOf(store: EventStore, heads: Map<string, StreamHead>, streamName: string): Promise<StreamHead> {
  const known = heads.get(streamName);
  if (known !== undefined) return known;
  const [last] = await store.readStream(streamName, { direction: 'backwards', maxCount: 1 });
  const head = { revision: last?.revision ?? -1, hash: last?.metadata.hash ?? GENESIS_HASH };
  heads.set(streamName, head);
  return head;
}

/**
 * `salesbook import-events <export.ndjson>`: appends the events of an NDJSON export, each stream continuing
 * where the store's stream ends, with the same ids, data and metadata. Each event's hash is recomputed from
 * the previous one before it is written, so an altered export is refused; the store then chains the events
 * to the very same hashes. Idempotent: events already in the store are acknowledged, not written again.
 * Personal data in clear (an export of history written before encryption) is sealed on the way in with the
 * customers' data keys: those events, and the rest of their streams, get new hashes in this store.
 */
export async function importEvents(context: StoreContext, path: string): Promise<void> {
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  const heads = new Map<string, StreamHead>();
  let batch: StreamAppend[] = [];
  let pending = 0;
  let total = 0;
  let sealedCount = 0;
  let sealing: EventCodec | undefined;
  const progress = startProgress('import-events', 0, 'events');
  const flush = async (): Promise<void> => {
    if (pending === 0) return;
    await context.store.appendMany(batch);
    batch = [];
    pending = 0;
    progress.update(total, total);
  };
  let lineNumber = 0;
  try {
    for await (const line of lines) {
      lineNumber += 1;
      if (line.trim() === '') continue;
      const event = parseLine(line, lineNumber, path);
      const head = await headOf(context.store, heads, event.streamName);
      if (event.revision !== head.revision + 1) {
        throw new CliError(
          `${path}:${lineNumber}: ${event.streamName} revision ${event.revision} does not follow revision ${head.revision} (import whole streams: an export filtered by time cannot be loaded)`,
        );
      }
      const { hash, ...metadata } = event.metadata;
      let next: NewEvent = { eventId: event.eventId, type: event.type, data: event.data, metadata };
      if (chainHash(head.hash, next) !== hash)
        throw new CliError(
          `${path}:${lineNumber}: ${event.streamName} revision ${event.revision}: the hash does not follow from the event and its predecessor (the export was altered)`,
        );
      heads.set(event.streamName, { revision: event.revision, hash });
      if (holdsPlaintext(next)) {
        sealing ??= systemCodec(context, 'create');
        const sealed = await sealExported(next, context.plainCodec, sealing);
        if (sealed._tag === 'Left')
          throw new CliError(
            `${path}:${lineNumber}: ${event.streamName} revision ${event.revision}: ${sealed.left.code}: ${sealed.left.message}`,
          );
        next = sealed.right;
        sealedCount += 1;
      }
      const part = batch.at(-1);
      if (part !== undefined && part.streamName === event.streamName) (part.events as NewEvent[]).push(next);
      else
        batch.push({
          streamName: event.streamName,
          events: [next],
          expectedRevision: event.revision === 0 ? 'no_stream' : event.revision - 1,
        });
      pending += 1;
      total += 1;
      if (pending >= BATCH) await flush();
    }
    await flush();
  } finally {
    progress.stop();
  }
  out(
    `import-events: ${total} event${total === 1 ? '' : 's'} of ${heads.size} stream${heads.size === 1 ? '' : 's'} loaded into ${context.storeName} (events already there were acknowledged, not written again)`,
  );
  if (sealedCount > 0)
    out(
      `import-events: ${sealedCount} event${sealedCount === 1 ? '' : 's'} held personal data in clear: sealed with the customers' data keys (their streams are chained anew from there)`,
    );
}

function parseLine(line: string, lineNumber: number, path: string): z.infer<typeof ExportedEvent> {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new CliError(
      `${path}:${lineNumber}: not JSON (expected one exported event per line, as \`salesbook export\` writes)`,
    );
  }
  if (typeof value === 'object' && value !== null && (value as Record<string, unknown>)['form'] === 'opened') {
    throw new CliError(
      `${path}:${lineNumber}: an opened export (salesbook export --unmask) holds decoded data, not what was stored; export without --unmask to move events`,
    );
  }
  const parsed = ExportedEvent.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CliError(
      `${path}:${lineNumber}: not an exported event: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim(),
    );
  }
  return parsed.data;
}
