import {
  createChangeNotifier,
  createPollingSubscription,
  StoreUnavailableError,
  type AppendResult,
  type EventStore,
  type RecordedEvent,
  type StreamAppend,
  type Subscription,
} from '@salesbook/eventstore';
import { createFileSync, startWalCheckpointer } from '@salesbook/sqlite-support';
import { createIdempotencyKeys } from './idempotency-keys.js';
import { createGroupCommit, type GroupCommitStats } from './group-commit.js';
import { openConnection, readPragmas, type AppliedPragmas, type SqliteSynchronous } from './schema.js';
import { createSqliteSnapshots } from './snapshots.js';
import { prepareStatements, toRecordedEvents } from './statements.js';
import { translateSqliteError } from './translate-error.js';

/** Options of {@link createSqliteEventStore}. */
export interface SqliteEventStoreOptions {
  /** The SQLite file; created with its folder when missing. Several processes may share it. */
  readonly path: string;
  /**
   * `FULL` (default): an acknowledged append survives power loss (the WAL is synced, with fdatasync, before the
   * acknowledgement, on libuv's thread pool). `NORMAL`: it survives a process crash.
   */
  readonly synchronous?: SqliteSynchronous;
  /**
   * How often subscriptions look for events appended by other processes or connections (default 100 ms).
   * Appends through this store instance wake its subscriptions at once.
   */
  readonly pollIntervalMs?: number;
  /** How long an append waits for another connection's write lock before failing as unavailable (default 5000 ms). */
  readonly busyTimeoutMs?: number;
  /** The store's clock for `recordedAt` (default: the system clock). */
  readonly clock?: () => Date;
  /**
   * Whether a worker thread checkpoints the WAL into the file (default true for a file): SQLite would otherwise
   * do it inside a commit now and then, fsyncs included, on the event loop (see `startWalCheckpointer`).
   */
  readonly backgroundCheckpoints?: boolean;
}

/** The SQLite store: the port, plus what an operator may want to know about the connection. */
export interface SqliteEventStore extends EventStore {
  /** The file this store writes. */
  readonly path: string;
  /**
   * What an acknowledged append survives: `FULL` power loss, `NORMAL` a process crash. A file store
   * asked for `FULL` runs its connection at `synchronous=NORMAL` and fsyncs the WAL itself, off the
   * event loop, before acknowledging (see group-commit.ts), so {@link pragmas} reports 1 there.
   */
  readonly durability: SqliteSynchronous;
  /** The pragmas SQLite reports for this connection (journal mode, synchronous, busy timeout). */
  pragmas(): AppliedPragmas;
  /** Runs SQLite's `PRAGMA integrity_check` on the file: the problems it names, none when the file is sound. */
  checkIntegrity(): Promise<readonly string[]>;
  /** Group commits since open: transactions committed and the callers' appends they carried. */
  commitStats(): GroupCommitStats;
  /**
   * Calls `listener` after each transaction this store commits (once per group commit, as its appends are answered),
   * e.g. to tell another connection to the same file, in another thread, that there is something to read. Answers
   * the function that stops it.
   */
  onCommit(listener: () => void): () => void;
  /**
   * Has this store's subscriptions look for new events now rather than at their next poll: for a connection told by
   * another (in another thread of the program, see {@link SqliteEventStore.onCommit}) that it committed.
   */
  wake(): void;
}

// better-sqlite3 binds LIMIT -1 as "no limit"; page sizes and revisions never reach it.
const NO_LIMIT = -1;
const LAST_REVISION = Number.MAX_SAFE_INTEGER;

/**
 * The embedded event store: one SQLite file in WAL mode, `synchronous=FULL` by default. Appends are
 * group-committed: those queued during one event-loop turn share one IMMEDIATE transaction (one fsync),
 * each in its own savepoint (expected revision, idempotency by event id, hash chain, insert), so a
 * conflict fails only its caller; several processes can share the file. Reads are synchronous
 * underneath; their promises only keep the port's shape.
 *
 * @example
 * const store = createSqliteEventStore({ path: './data/events.db' });
 * await store.appendToStream('order-42', [{ eventId, type: 'OrderPlaced', data, metadata: {} }], {
 *   expectedRevision: 'no_stream',
 * });
 * const history = await store.readStream('order-42');
 * await store.close();
 */
export function createSqliteEventStore(options: SqliteEventStoreOptions): SqliteEventStore {
  const { path } = options;
  const clock = options.clock ?? (() => new Date());
  const durability = options.synchronous ?? 'FULL';
  // A file in WAL mode gets its fsync off the event loop; `:memory:` has no file to sync.
  const syncsWal = durability === 'FULL' && path !== ':memory:' && path !== '';
  let db: ReturnType<typeof openConnection>;
  try {
    db = openConnection({
      path,
      synchronous: syncsWal ? 'NORMAL' : durability,
      busyTimeoutMs: options.busyTimeoutMs ?? 5000,
    });
  } catch (error) {
    throw translateSqliteError(error, path);
  }
  const statements = prepareStatements(db);
  const bindKey = createIdempotencyKeys(db);
  const notifier = createChangeNotifier();
  const commitListeners = new Set<() => void>();
  const subscriptions = new Set<Subscription>();
  const fileInWal = path !== ':memory:' && path !== '' && readPragmas(db).journalMode === 'wal';
  const durable = syncsWal && fileInWal ? createFileSync(`${path}-wal`, { dataOnly: true }) : undefined;
  // Each commit waits for an fdatasync of the WAL: the file is grown ahead of it, so that sync is of data only.
  const checkpoints =
    options.backgroundCheckpoints !== false && fileInWal
      ? startWalCheckpointer(db, path, { growAhead: durable !== undefined })
      : undefined;
  const groupCommit = createGroupCommit(
    db,
    statements,
    (error) => translateSqliteError(error, path),
    () => {
      notifier.notify();
      for (const listener of commitListeners) listener();
    },
    durable?.sync,
  );
  let closed = false;

  /** Runs synchronous work against the open connection, with vendor errors translated. */
  const guard = <T>(work: () => T): T => {
    if (closed) throw new StoreUnavailableError(`SQLite event store ${path} is closed`);
    try {
      return work();
    } catch (error) {
      throw translateSqliteError(error, path);
    }
  };
  /** Queues an append for the next group commit (see group-commit.ts); rejects at once when closed. */
  const append = (parts: readonly StreamAppend[]): Promise<readonly AppendResult[]> => {
    if (closed) return Promise.reject(new StoreUnavailableError(`SQLite event store ${path} is closed`));
    return groupCommit.append(parts, clock().toISOString());
  };
  const readAllPage = (after: bigint | undefined, maxCount: number | undefined) =>
    guard(() => toRecordedEvents(statements.readAll.all(after ?? 0, maxCount ?? NO_LIMIT)));
  /**
   * The page a subscription read last, for the others that ask for the same one before the event loop turns or the
   * store commits again: a commit wakes every live subscription of the process at once (the projections' tail and
   * the policy, each at the head), and they share one read. Consumers treat events as read-only.
   */
  let shared:
    | {
        readonly after: bigint | undefined;
        readonly maxCount: number;
        readonly version: number;
        readonly page: RecordedEvent[];
      }
    | undefined;
  const subscriptionPage = (after: bigint | undefined, maxCount: number): RecordedEvent[] => {
    if (
      shared !== undefined &&
      shared.after === after &&
      shared.maxCount === maxCount &&
      shared.version === notifier.version
    )
      return shared.page;
    const page = readAllPage(after, maxCount);
    if (shared === undefined) setImmediate(() => (shared = undefined));
    shared = { after, maxCount, version: notifier.version, page };
    return page;
  };

  return {
    path,
    durability,
    // One table with a unique (stream, revision) written only under the write lock: revisions are dense.
    revisionsExact: true,
    snapshots: createSqliteSnapshots(db, guard),
    async appendToStream(streamName, events, appendOptions) {
      const part = { streamName, events, expectedRevision: appendOptions?.expectedRevision ?? 'any' };
      const [result] = await append([part]);
      if (result === undefined) throw new Error('a group commit answered no result for one stream');
      return result;
    },
    async appendMany(appends) {
      return append(appends);
    },
    async readStream(streamName, readOptions = {}) {
      const limit = readOptions.maxCount ?? NO_LIMIT;
      if (readOptions.maxCount !== undefined && readOptions.maxCount <= 0) return [];
      return guard(() =>
        readOptions.direction === 'backwards'
          ? toRecordedEvents(statements.readBackwards.all(streamName, readOptions.fromRevision ?? LAST_REVISION, limit))
          : toRecordedEvents(statements.readForwards.all(streamName, readOptions.fromRevision ?? 0, limit)),
      );
    },
    async readAll(readOptions) {
      if (readOptions?.maxCount !== undefined && readOptions.maxCount <= 0) return [];
      return readAllPage(readOptions?.after, readOptions?.maxCount);
    },
    subscribeToAll(subscribeOptions) {
      const subscription = createPollingSubscription({
        readAll: async (after, maxCount) => subscriptionPage(after, maxCount),
        notifier,
        pollIntervalMs: options.pollIntervalMs ?? 100,
        onEnd: () => subscriptions.delete(subscription),
        ...(subscribeOptions?.after === undefined ? {} : { after: subscribeOptions.after }),
      });
      if (closed) void subscription.unsubscribe();
      else subscriptions.add(subscription);
      return subscription;
    },
    async bindIdempotencyKey(binding) {
      return guard(() => bindKey(binding));
    },
    async streamExists(streamName) {
      return guard(() => statements.streamExists.get(streamName) !== undefined);
    },
    async headPosition() {
      const head = guard(() => statements.headPosition.get()?.[0] ?? null);
      return head === null ? undefined : BigInt(head);
    },
    async countEventsAfter(after, limit) {
      if (limit <= 0) return 0;
      return guard(() => statements.countAfter.get(after ?? 0, limit)?.[0] ?? 0);
    },
    commitStats: () => groupCommit.stats(),
    onCommit(listener) {
      // A function of its own, so the same listener may be added twice and each removed alone.
      const entry = (): void => listener();
      commitListeners.add(entry);
      return () => void commitListeners.delete(entry);
    },
    wake() {
      if (!closed) notifier.notify();
    },
    pragmas() {
      return guard(() => readPragmas(db));
    },
    async checkIntegrity() {
      const rows = guard(() => db.pragma('integrity_check') as Array<{ integrity_check: string }>);
      return rows.map((row) => row.integrity_check).filter((line) => line !== 'ok');
    },
    async close() {
      if (closed) return;
      // Appends already queued are committed (and acknowledged) before the connection closes.
      groupCommit.flush();
      closed = true;
      await groupCommit.settled();
      durable?.close();
      await Promise.all([...subscriptions].map((subscription) => subscription.unsubscribe()));
      await checkpoints?.close();
      db.close();
    },
  };
}
