import { countEventsAfter, type EventStore } from '@salesbook/eventstore';
import type Database from 'better-sqlite3';
import { DEFAULT_BUSINESS_ZONE } from '../model/business-time.js';
import type { Projection, ProjectionContext } from '../model/projection.js';
import { Checkpoints } from './checkpoints.js';
import type { ParkedEvent } from './dead-letters.js';
import type { ReadModelDigest } from './digest.js';
import { Follower } from './follower.js';
import { openActive, openFresh, swapGenerations } from './generations.js';
import { SharedBatches } from './shared-batches.js';
import { LiveTail } from './live-tail.js';
import { PageReader } from './page-reader.js';
import { RUNNER_DDL } from './schema.js';
import { unreadyReasons, type Freshness, type ProjectionStatus, type Readiness } from './status.js';
import { nextOutage, retryingOf, type Outage, type RetryPolicy } from './supervision.js';
import type { RetryOutcome, TableSet } from './table-set.js';

/** Settings of a {@link ProjectionRunner}. */
export interface RunnerOptions {
  /** The read-model database (its own file; never the event store's). */
  readonly db: Database.Database;
  readonly store: EventStore;
  readonly projections: readonly Projection[];
  /** Business time zone (default `Asia/Shanghai`). */
  readonly zone?: string;
  /**
   * Events applied per transaction at most (default 2000). A batch is folded in memory and writes each row it changes
   * once, so a bigger batch writes less; catching up, batches span pages of the log.
   */
  readonly batchSize?: number;
  /** Readiness fails when a projection lags more events than this (default 1000). */
  readonly maxLag?: number;
  /** Lag counting stops here (default 10000); must be above `maxLag`. */
  readonly lagCountLimit?: number;
  /**
   * Once live, how long an event may wait for others to share its batch, in ms (default 0: applied on the next
   * turn of the event loop). The live projections' held batches are applied together, in one transaction. A query
   * waiting on a position (`whenAt`) has it applied at once whatever this is.
   */
  readonly liveBatchMs?: number;
  /** How a follower that failed (the store went away, the read-model file failed) is started again. */
  readonly retry?: RetryPolicy;
  /**
   * Called whenever what {@link ProjectionRunner.mirror} answers may have changed: a batch applied (inside its
   * transaction when batches share one, so defer reading until the current task is over), a follower went down or
   * came back, a rebuild swapped in, a retry applied parked events.
   */
  readonly onChange?: () => void;
}

/**
 * What a host needs to answer the synchronous questions about one projection ({@link ProjectionHost.freshness},
 * `contentTag`, `servesCurrentVersion`, `outage`) without asking the runner: see {@link ProjectionRunner.mirror}.
 */
export interface ProjectionMirror {
  readonly name: string;
  readonly version: number;
  /** The version that built the tables queries read. */
  readonly activeVersion: number;
  /** The generation queries read. */
  readonly generation: number;
  readonly contentTag: string;
  readonly freshness: Freshness;
  readonly outage: Outage | undefined;
}

/**
 * The projection runner as an application uses it: start and stop, wait for positions, and what the reports need to
 * know about each projection. {@link ProjectionRunner} runs on the caller's thread; `ProjectionThread` runs one on a
 * worker thread of its own and answers the synchronous questions from a mirror of its state.
 */
export interface ProjectionHost {
  start(): Promise<void>;
  stop(): Promise<void>;
  whenLive(name?: string): Promise<void>;
  whenAt(name: string, position: bigint): Promise<void>;
  servesCurrentVersion(name: string): boolean;
  freshness(name: string): Freshness;
  downSince(): number | undefined;
  outage(name: string): Outage | undefined;
  contentTag(name: string): string;
  status(): Promise<ProjectionStatus[]>;
  readiness(): Promise<Readiness>;
}

interface Entry {
  readonly projection: Projection;
  live: Follower | undefined;
  rebuilding: Follower | undefined;
  /** Settles when the rebuild in progress has swapped in (or failed). */
  rebuilt: Promise<void> | undefined;
  /** The generation queries read. */
  active: TableSet;
  /** Retries that applied parked events: they change the tables without moving the checkpoint. */
  retried: number;
  /** The projection version that built `active`: an older one has other tables than this release's queries read. */
  activeVersion: number;
  /** Set while the live follower is down and being started again; cleared once a restart caught up. */
  outage: Outage | undefined;
  restart: ReturnType<typeof setTimeout> | undefined;
}

const toText = (position: bigint | undefined): string | null => (position === undefined ? null : position.toString());
/** The key of `position` in a memo of counts ({@link countOnce}); the start of the store is the empty string. */
const memoKey = (position: bigint | undefined): string => toText(position) ?? '';

/** The count kept in `memo` for `position`, made by `count` (and kept) when there is none yet. */
function countOnce(
  memo: Map<string, Promise<number>>,
  position: bigint | undefined,
  count: () => Promise<number>,
): Promise<number> {
  const key = memoKey(position);
  const kept = memo.get(key);
  if (kept !== undefined) return kept;
  const counted = count();
  memo.set(key, counted);
  return counted;
}

/**
 * Runs projections: each generation follows the store from its checkpoint, applying batches atomically
 * with the checkpoint; parks what it cannot apply; rebuilds into fresh tables and swaps when caught up.
 *
 * @example
 * const runner = new ProjectionRunner({ db, store, projections: [dailySales] });
 * await runner.start();
 * await runner.whenLive();
 * const ready = await runner.readiness();
 */
export class ProjectionRunner implements ProjectionHost {
  private readonly entries = new Map<string, Entry>();
  private readonly checkpoints: Checkpoints;
  private readonly context: ProjectionContext;
  private readonly batchSize: number;
  private readonly maxLag: number;
  private readonly lagCountLimit: number;
  /** Full pages of history shared by the followers while they catch up (one read of the log for all). */
  private readonly pages: PageReader;
  /** One live subscription for every caught-up follower (each new event read once for all). */
  private readonly tail: LiveTail;
  /** The live followers' held batches, applied together (with `liveBatchMs` only). */
  private readonly liveBatches: SharedBatches | undefined;
  /** The due batches of the followers catching up from the shared pages, applied together (one transaction each turn). */
  private readonly catchUpBatches: SharedBatches;
  /** Backlog counts in progress, by the position they count from. */
  private readonly backlogs = new Map<string, Promise<number>>();
  private stopping = false;

  constructor(private readonly options: RunnerOptions) {
    this.context = { zone: options.zone ?? DEFAULT_BUSINESS_ZONE };
    this.batchSize = options.batchSize ?? 2_000;
    this.maxLag = options.maxLag ?? 1_000;
    this.lagCountLimit = options.lagCountLimit ?? 10_000;
    if (this.lagCountLimit <= this.maxLag) throw new Error('lagCountLimit must be greater than maxLag');
    options.db.exec(RUNNER_DDL);
    this.checkpoints = new Checkpoints(options.db);
    this.pages = new PageReader(options.store);
    this.tail = new LiveTail(options.store);
    this.liveBatches =
      (options.liveBatchMs ?? 0) > 0 ? new SharedBatches(options.db, options.liveBatchMs ?? 0) : undefined;
    this.catchUpBatches = new SharedBatches(options.db, 0);
    const tables = new Set<string>();
    for (const projection of options.projections) {
      if (this.entries.has(projection.name)) throw new Error(`projection ${projection.name} is registered twice`);
      for (const spec of projection.tables) {
        if (tables.has(spec.name)) throw new Error(`read-model table ${spec.name} is declared twice`);
        tables.add(spec.name);
      }
      const active = openActive(options.db, projection, this.context);
      const activeVersion = this.checkpoints.active(projection.name)?.version ?? projection.version;
      this.entries.set(projection.name, {
        projection,
        live: undefined,
        rebuilding: undefined,
        rebuilt: undefined,
        active,
        activeVersion,
        retried: 0,
        outage: undefined,
        restart: undefined,
      });
    }
  }

  /** Follows the store from each checkpoint; a projection whose version changed is rebuilt (old tables serve meanwhile). */
  async start(): Promise<void> {
    for (const entry of this.entries.values()) {
      const record = this.checkpoints.active(entry.projection.name);
      if (record !== undefined && record.version !== entry.projection.version) {
        entry.rebuilt = this.rebuild(entry.projection.name).catch(() => undefined);
        continue;
      }
      this.supervise(entry, this.follow(entry.active));
    }
  }

  /** Stops every subscription after applying what was received. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const entry of this.entries.values()) {
      clearTimeout(entry.restart);
      await entry.rebuilding?.stop({ discard: true });
      await entry.live?.stop();
      entry.rebuilding = undefined;
      entry.live = undefined;
    }
  }

  /** Resolves when every projection (or `name`) has caught up with the store, after any rebuild for a new version swapped in. */
  async whenLive(name?: string): Promise<void> {
    for (const entry of this.select(name)) {
      await entry.rebuilt;
      await entry.live?.whenLive();
    }
  }

  /**
   * Whether the tables queries read for `name` were built by this release's version of it. After an upgrade
   * that changed a projection, the old generation keeps its old tables until the rebuild swaps in, and this
   * release's queries may not read them: callers answer "rebuilding, try again" instead of querying.
   */
  servesCurrentVersion(name: string): boolean {
    const entry = this.entry(name);
    return entry.activeVersion === entry.projection.version;
  }

  /** Resolves when `name` has applied (or parked) everything up to `position`, e.g. an append's result. */
  async whenAt(name: string, position: bigint): Promise<void> {
    const live = this.entry(name).live;
    if (live === undefined) throw new Error(`${name} is not running`);
    await live.whenAt(position);
  }

  /**
   * Rebuilds `name` from the first event into a fresh generation while queries keep reading the current one,
   * then swaps atomically (views, checkpoint, dead letters) and drops the old tables. Resolves after the swap.
   */
  async rebuild(name: string): Promise<void> {
    const entry = this.entry(name);
    if (entry.rebuilding !== undefined) throw new Error(`${name} is already being rebuilt`);
    const follower = this.follow(openFresh(this.options.db, entry.projection, this.context));
    entry.rebuilding = follower;
    try {
      await follower.whenLive();
    } catch (error) {
      entry.rebuilding = undefined;
      throw error;
    }
    // No await from here to the swap, so no batch of either generation can come in between.
    entry.live?.stop({ discard: true }).catch(() => undefined);
    swapGenerations(this.options.db, entry.projection, entry.active.generation, follower.set.generation);
    entry.active = follower.set;
    entry.activeVersion = entry.projection.version;
    this.supervise(entry, follower);
    entry.rebuilding = undefined;
    this.changed();
  }

  /** Applies parked events of `name` again (after a fix), for one stream or all. */
  retry(name: string, streamName?: string): RetryOutcome {
    const entry = this.entry(name);
    entry.retried += 1;
    try {
      return entry.active.retry(streamName);
    } finally {
      this.changed();
    }
  }

  /** Parked events of `name`, oldest first. */
  parked(name: string): ParkedEvent[] {
    return this.entry(name).active.parked();
  }

  /** The digest of the tables queries read for `name`. */
  digest(name: string): ReadModelDigest {
    return this.entry(name).active.digest();
  }

  /** Position and lag of `name` right now, from what the runner knows without reading the store. */
  freshness(name: string): Freshness {
    const entry = this.entry(name);
    const { live } = entry;
    const position = toText(entry.active.position);
    // Down (or not started): the events since are unknown, so the lag is the counting bound and the answer stale.
    if (live === undefined || live.failure !== undefined || live.phase === 'ended')
      return { position, lag: this.lagCountLimit, stale: true };
    return { position, lag: live.lag(this.lagCountLimit), stale: live.phase !== 'live' };
  }

  /** Since when (ms since the epoch) the longest-down live follower has been down, if any is. */
  downSince(): number | undefined {
    const since = [...this.entries.values()].flatMap((entry) =>
      entry.outage === undefined ? [] : [entry.outage.since],
    );
    return since.length === 0 ? undefined : Math.min(...since);
  }

  /** The outage of `name`'s live follower while it is being started again, if it is down. */
  outage(name: string): Outage | undefined {
    return this.entry(name).outage;
  }

  /**
   * A tag of the tables queries read for `name`: it changes whenever they may have changed (a batch moved the
   * checkpoint, a retry applied parked events, a rebuild swapped generations), so an answer computed from them
   * may be kept under it and served again while it is unchanged.
   */
  contentTag(name: string): string {
    const entry = this.entry(name);
    return `${entry.active.generation}.${toText(entry.active.position) ?? '-'}.${entry.retried}`;
  }

  /** What a host needs to answer the synchronous questions about every projection, as it stands now. */
  mirror(): ProjectionMirror[] {
    return [...this.entries.values()].map((entry) => ({
      name: entry.projection.name,
      version: entry.projection.version,
      activeVersion: entry.activeVersion,
      generation: entry.active.generation,
      contentTag: this.contentTag(entry.projection.name),
      freshness: this.freshness(entry.projection.name),
      outage: entry.outage,
    }));
  }

  /** Status of every projection: checkpoint, head, lag, parked events, state; with the store away, head and lag unknown. */
  async status(): Promise<ProjectionStatus[]> {
    const head = await this.options.store.headPosition().then(
      (position) => ({ position }),
      () => undefined,
    );
    // Projections at one checkpoint have one lag: each distinct position is counted once per call.
    const lags = new Map<string, Promise<number>>();
    const lagAfter = (position: bigint | undefined): Promise<number> =>
      countOnce(lags, position, () =>
        countEventsAfter(this.options.store, position, this.lagCountLimit).catch(() => this.lagCountLimit),
      );
    const statuses: ProjectionStatus[] = [];
    for (const entry of this.entries.values()) statuses.push(await this.statusOf(entry, head, lagAfter));
    return statuses;
  }

  /** Ready when no projection is stalled or stopped and none lags more than `maxLag` events. */
  async readiness(): Promise<Readiness> {
    const projections = await this.status();
    const reasons = projections.flatMap((status) => unreadyReasons(status, this.maxLag));
    return { ready: reasons.length === 0, reasons, projections };
  }

  private async statusOf(
    entry: Entry,
    head: { readonly position: bigint | undefined } | undefined,
    lagAfter: (position: bigint | undefined) => Promise<number>,
  ): Promise<ProjectionStatus> {
    const { active, live, rebuilding } = entry;
    const parked = active.parkedCount();
    const failure = live?.failure;
    const lastParked = parked > 0 ? active.parked().findLast((event) => event.error !== null)?.error : undefined;
    const state =
      failure !== undefined || parked > 0
        ? 'stalled'
        : live === undefined
          ? 'stopped'
          : live.phase === 'live'
            ? 'live'
            : 'catching-up';
    return {
      name: entry.projection.name,
      version: entry.projection.version,
      generation: active.generation,
      state,
      position: toText(active.position),
      head: toText(head?.position),
      lag: head === undefined ? this.lagCountLimit : await lagAfter(active.position),
      parked,
      blockedStreams: active.blockedStreams(),
      lastError: failure ?? lastParked ?? null,
      rebuilding:
        rebuilding === undefined
          ? null
          : { generation: rebuilding.set.generation, position: toText(rebuilding.set.position) },
      retrying: entry.outage === undefined ? null : retryingOf(entry.outage),
    };
  }

  /** Watches `follower` as the live one of `entry`: when it fails, a new one starts from the checkpoint after a backoff. */
  private supervise(entry: Entry, follower: Follower): void {
    entry.live = follower;
    follower.whenLive().then(
      () => {
        if (entry.live === follower) entry.outage = undefined;
        this.changed();
      },
      () => undefined,
    );
    void follower.ended.then(() => {
      if (this.stopping || entry.live !== follower || follower.failure === undefined) return;
      entry.outage = nextOutage(entry.outage, follower.failure, Date.now(), this.options.retry ?? {});
      this.changed();
      // The checkpoint commits with each batch, so the new follower starts after the last applied event: none twice.
      entry.restart = setTimeout(() => {
        entry.restart = undefined;
        if (!this.stopping && entry.live === follower) this.supervise(entry, this.follow(entry.active));
      }, entry.outage.retryAt - Date.now());
      // The runner's owner keeps the process alive, not a pending restart.
      entry.restart.unref();
    });
  }

  private follow(set: TableSet): Follower {
    const follower = new Follower(
      this.options.store,
      set,
      this.batchSize,
      () => this.changed(),
      this.pages,
      this.tail,
      this.liveBatches,
      this.catchUpBatches,
    );
    follower.start();
    // The backlog is counted once, for the lag of reports while catching up (status counts afresh).
    this.backlogAfter(set.position).then(
      (backlog) => {
        follower.backlog = backlog;
        this.changed();
      },
      () => undefined,
    );
    return follower;
  }

  /** Counts the events after `position`, once for every follower that starts there meanwhile (a rebuild of all starts them together). */
  private backlogAfter(position: bigint | undefined): Promise<number> {
    const counted = countOnce(this.backlogs, position, () =>
      countEventsAfter(this.options.store, position, this.lagCountLimit),
    );
    // Kept while in progress only: a follower starting later counts afresh.
    const done = (): void => void this.backlogs.delete(memoKey(position));
    counted.then(done, done);
    return counted;
  }

  private changed(): void {
    this.options.onChange?.();
  }

  private entry(name: string): Entry {
    const entry = this.entries.get(name);
    if (entry === undefined) throw new Error(`no projection named ${name}`);
    return entry;
  }

  private select(name: string | undefined): Entry[] {
    return name === undefined ? [...this.entries.values()] : [this.entry(name)];
  }
}
