import { randomUUID } from 'node:crypto';

/** An event as the double stores it: what the client proposed plus where it landed. */
export interface StoredEvent {
  readonly streamName: string;
  readonly revision: bigint;
  /** `$all` position: its own record's, commit and prepare equal (a gRPC append writes each event committed). */
  readonly commit: bigint;
  readonly prepare: bigint;
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
  /** .NET ticks (100 ns since 1970 here, as EventStoreDB reports `created`). */
  readonly created: bigint;
}

/** An event the client proposes. */
export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly customMetadata: Uint8Array;
}

/** What an append expects of its stream. */
export type Expectation =
  { readonly kind: 'any' | 'no_stream' | 'stream_exists' } | { readonly kind: 'revision'; readonly revision: bigint };

/** The outcome of an append, as EventStoreDB reports it. */
export type AppendOutcome =
  | { readonly kind: 'success'; readonly currentRevision: bigint; readonly commit: bigint; readonly prepare: bigint }
  | { readonly kind: 'wrong-expected-version'; readonly current: bigint | undefined };

/** Orders `$all` positions as EventStoreDB does: by commit, then prepare. */
export const comparePositions = (
  a: { commit: bigint; prepare: bigint },
  b: { commit: bigint; prepare: bigint },
): number => (a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1);

const RECORD_OVERHEAD = 120n;
const text = (value: string): Uint8Array => new TextEncoder().encode(value);

/**
 * EventStoreDB's log in memory. An append over gRPC writes each event as a record that commits itself (no separate
 * commit record), so every event's commit and prepare positions are equal and distinct from every other event's, as
 * a real server reports them; positions are byte-offset-like and sparse. Listeners (live subscriptions) hear of every
 * append.
 */
export class EsdbLog {
  readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly listeners = new Set<(events: readonly StoredEvent[]) => void>();
  private nextOffset = 4096n;

  stream(streamName: string): readonly StoredEvent[] | undefined {
    return this.streams.get(streamName);
  }

  /** Appends atomically, or answers with the stream's current revision when the expectation fails. */
  append(streamName: string, expectation: Expectation, proposed: readonly ProposedEvent[]): AppendOutcome {
    const stream = this.streams.get(streamName);
    const current = stream === undefined ? undefined : BigInt(stream.length - 1);
    const repeat = this.idempotentRepeat(stream, expectation, proposed);
    if (repeat !== undefined) return repeat;
    const matches =
      expectation.kind === 'any' ||
      (expectation.kind === 'no_stream' && current === undefined) ||
      (expectation.kind === 'stream_exists' && current !== undefined) ||
      (expectation.kind === 'revision' && current === expectation.revision);
    if (!matches) return { kind: 'wrong-expected-version', current };
    if (proposed.length === 0)
      return { kind: 'success', currentRevision: current ?? -1n, commit: this.nextOffset, prepare: this.nextOffset };
    const offsets = proposed.map((event) => {
      const at = this.nextOffset;
      this.nextOffset += RECORD_OVERHEAD + BigInt(event.data.length + event.customMetadata.length);
      return at;
    });
    const created = BigInt(Date.now()) * 10_000n;
    const target = stream ?? [];
    this.streams.set(streamName, target);
    const written = proposed.map((event, index) => {
      const at = offsets[index] ?? this.nextOffset;
      return { ...event, streamName, revision: BigInt(target.length + index), commit: at, prepare: at, created };
    });
    target.push(...written);
    this.all.push(...written);
    for (const listener of [...this.listeners]) listener(written);
    const last = written[written.length - 1];
    return {
      kind: 'success',
      currentRevision: BigInt(target.length - 1),
      commit: last?.commit ?? this.nextOffset,
      prepare: last?.prepare ?? this.nextOffset,
    };
  }

  /** EventStoreDB's own idempotency: the same ids right after an exact expectation acknowledge the first write. */
  private idempotentRepeat(
    stream: readonly StoredEvent[] | undefined,
    expectation: Expectation,
    proposed: readonly ProposedEvent[],
  ): AppendOutcome | undefined {
    if (stream === undefined || proposed.length === 0) return undefined;
    const after =
      expectation.kind === 'no_stream'
        ? -1
        : expectation.kind === 'revision'
          ? Number(expectation.revision)
          : undefined;
    if (after === undefined) return undefined;
    const stored = stream.slice(after + 1, after + 1 + proposed.length);
    const last = stored[stored.length - 1];
    if (
      last === undefined ||
      stored.length !== proposed.length ||
      stored.some((event, index) => event.id !== proposed[index]?.id)
    )
      return undefined;
    return { kind: 'success', currentRevision: last.revision, commit: last.commit, prepare: last.prepare };
  }

  /** Writes a system event (a `$statsCollected` in `$stats-127.0.0.1:2113`, as a real node does). */
  appendSystemEvent(): void {
    const data = text(JSON.stringify({ 'proc-cpu': 1.5 }));
    this.append('$stats-127.0.0.1:2113', { kind: 'any' }, [
      {
        id: randomUUID(),
        type: '$statsCollected',
        contentType: 'application/json',
        data,
        customMetadata: new Uint8Array(),
      },
    ]);
  }

  /** The whole log as JSON text, for a double that runs in a process of its own and must survive its restart. */
  save(): string {
    const bytes = (value: Uint8Array): string => Buffer.from(value).toString('base64');
    const events = this.all.map((event) => ({
      ...event,
      revision: `${event.revision}`,
      commit: `${event.commit}`,
      prepare: `${event.prepare}`,
      created: `${event.created}`,
      data: bytes(event.data),
      customMetadata: bytes(event.customMetadata),
    }));
    return JSON.stringify({ nextOffset: `${this.nextOffset}`, events });
  }

  /** A log from {@link EsdbLog.save}'s text. */
  static restore(text: string): EsdbLog {
    const saved = JSON.parse(text) as { nextOffset: string; events: Record<keyof StoredEvent, string>[] };
    const log = new EsdbLog();
    log.nextOffset = BigInt(saved.nextOffset);
    for (const raw of saved.events) {
      const event: StoredEvent = {
        ...raw,
        revision: BigInt(raw.revision),
        commit: BigInt(raw.commit),
        prepare: BigInt(raw.prepare),
        created: BigInt(raw.created),
        data: Buffer.from(raw.data, 'base64'),
        customMetadata: Buffer.from(raw.customMetadata, 'base64'),
      };
      log.all.push(event);
      log.streams.set(event.streamName, [...(log.streams.get(event.streamName) ?? []), event]);
    }
    return log;
  }

  /** Calls `listener` with the events of every later append, until the returned function is called. */
  listen(listener: (events: readonly StoredEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
