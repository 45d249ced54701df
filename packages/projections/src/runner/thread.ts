import type { MessagePort, Worker } from 'node:worker_threads';
import type { ProjectionHost, ProjectionMirror, ProjectionRunner } from './runner.js';
import { unreadyReasons, type Freshness, type ProjectionStatus, type Readiness } from './status.js';
import { nextOutage, retryingOf, type Outage, type RetryPolicy } from './supervision.js';

/** The runner's methods a {@link ProjectionThread} calls across the thread boundary. */
type Method = 'start' | 'stop' | 'whenLive' | 'whenAt' | 'status' | 'readiness';

/** A message from the host to its worker. */
type ToWorker =
  | { readonly kind: 'call'; readonly id: number; readonly method: Method; readonly args: readonly unknown[] }
  | { readonly kind: 'wake' };

/** A message from the worker to its host. */
type FromWorker =
  /** The runner is built (tables created): the mirror of every projection. */
  | { readonly kind: 'ready'; readonly mirror: readonly ProjectionMirror[] }
  /** Building the runner failed; the worker ends. */
  | { readonly kind: 'failed'; readonly message: string }
  /** The projections whose mirror changed since the last message. */
  | { readonly kind: 'mirror'; readonly mirror: readonly ProjectionMirror[] }
  | { readonly kind: 'reply'; readonly id: number; readonly value?: unknown; readonly error?: string };

/** What the worker's side of a {@link ProjectionThread} needs besides the runner. */
export interface ServeOptions {
  /** Called when the host says its event store committed (see {@link ProjectionThreadOptions.wakeOn}). */
  readonly wake?: () => void;
  /** Closes what the worker opened for the runner (store, read-model file), after the runner stopped. */
  readonly close?: () => Promise<void>;
}

/** How long a stopped worker has to end on its own before it is terminated. */
const STOP_GRACE_MS = 5_000;

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The worker's side of a {@link ProjectionThread}: builds the runner with `build` (handing it the change callback
 * the mirror needs) and answers the host's calls on `port`. Each change of the runner's state reaches the host at
 * the end of the task that made it (after the batch's transaction committed), and always before the answer to any
 * call that waited for it, so a host that saw `whenAt` resolve reads a mirror at least that far.
 *
 * @example
 * // the worker module
 * serveProjectionRunner(parentPort, (onChange) => new ProjectionRunner({ db, store, projections, onChange }), {
 *   wake: () => store.wake(),
 *   close: async () => { await store.close(); db.close(); },
 * });
 */
export function serveProjectionRunner(
  port: MessagePort,
  build: (onChange: () => void) => ProjectionRunner,
  options: ServeOptions = {},
): void {
  const sent = new Map<string, string>();
  let runner: ProjectionRunner | undefined;
  let queued = false;
  const post = (message: FromWorker): void => port.postMessage(message);
  /** Posts the mirror of every projection that changed since the last post. */
  const sendChanges = (): void => {
    queued = false;
    if (runner === undefined) return;
    const changed = runner.mirror().filter((entry) => {
      const text = JSON.stringify(entry);
      if (sent.get(entry.name) === text) return false;
      sent.set(entry.name, text);
      return true;
    });
    if (changed.length > 0) post({ kind: 'mirror', mirror: changed });
  };
  const onChange = (): void => {
    if (queued) return;
    queued = true;
    // A batch reports its change inside its transaction; the mirror is read once that has committed.
    queueMicrotask(sendChanges);
  };
  try {
    runner = build(onChange);
  } catch (error) {
    post({ kind: 'failed', message: describe(error) });
    port.close();
    return;
  }
  const mirror = runner.mirror();
  for (const entry of mirror) sent.set(entry.name, JSON.stringify(entry));
  post({ kind: 'ready', mirror });

  const answer = async (method: Method, args: readonly unknown[], serving: ProjectionRunner): Promise<unknown> => {
    switch (method) {
      case 'start':
        return serving.start();
      case 'stop':
        await serving.stop();
        return options.close?.();
      case 'whenLive':
        return serving.whenLive(args[0] as string | undefined);
      case 'whenAt':
        return serving.whenAt(args[0] as string, args[1] as bigint);
      case 'status':
        return serving.status();
      case 'readiness':
        return serving.readiness();
    }
  };
  port.on('message', (message: ToWorker) => {
    if (message.kind === 'wake') return options.wake?.();
    const serving = runner;
    if (serving === undefined) return;
    const reply = (outcome: { value?: unknown; error?: string }): void => {
      // What the call waited for is in the mirror before the answer.
      sendChanges();
      post({ kind: 'reply', id: message.id, ...outcome });
      if (message.method === 'stop') port.close();
    };
    answer(message.method, message.args, serving).then(
      (value) => reply({ value }),
      (error: unknown) => reply({ error: describe(error) }),
    );
  });
}

/** Options of {@link ProjectionThread.open}. */
export interface ProjectionThreadOptions {
  /** Starts a worker whose module calls {@link serveProjectionRunner} on its `parentPort`. */
  readonly spawn: () => Worker;
  /**
   * Hands the thread the function that tells its worker to look for new events now; answers the function that stops
   * that (called at `stop`). E.g. the API's event store committing, so the worker's connection to the same file does
   * not wait for its next poll.
   */
  readonly wakeOn?: (wake: () => void) => () => void;
  /** The runner's lag counting bound (default 10000): the lag reported while the thread is down. */
  readonly lagCountLimit?: number;
  /** How a worker that died is started again (capped exponential backoff, as for a follower). */
  readonly retry?: RetryPolicy;
}

interface PendingCall {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/**
 * A {@link ProjectionRunner} on a worker thread of its own, so that applying batches (read-model rows, their indexes,
 * the checkpoint transaction) does not take the caller's event loop. The synchronous questions (`freshness`,
 * `contentTag`, `servesCurrentVersion`, `outage`, `downSince`) are answered from a mirror the worker keeps up to date
 * after every change; the others are asked of the worker. The caller reads the read models through a connection of
 * its own: the mirror never runs ahead of the file (the worker posts it after its commit), so a content tag taken
 * before a query is never newer than the rows it reads. If the worker dies, every projection reads as down and stale,
 * and a new worker is started after a backoff (its runner carries on from the checkpoints).
 *
 * @example
 * const thread = await ProjectionThread.open({ spawn: () => new Worker(new URL('./read-models.js', import.meta.url)) });
 * await thread.start();
 * thread.freshness('daily_sales'); // { position, lag, stale }
 */
export class ProjectionThread implements ProjectionHost {
  private readonly mirrors = new Map<string, ProjectionMirror>();
  private readonly calls = new Map<number, PendingCall>();
  private nextId = 0;
  private worker: Worker | undefined;
  /** Set while the worker is dead and a new one is due. */
  private down: Outage | undefined;
  private respawn: ReturnType<typeof setTimeout> | undefined;
  /** A new worker being started after a death (it never rejects). */
  private reviving: Promise<void> | undefined;
  private started = false;
  private stopping = false;
  private exited: Promise<void> = Promise.resolve();
  private unwake: (() => void) | undefined;
  private readonly lagCountLimit: number;

  private constructor(private readonly options: ProjectionThreadOptions) {
    this.lagCountLimit = options.lagCountLimit ?? 10_000;
  }

  /** Starts the worker and resolves once its runner is built (its tables exist), or rejects with why it was not. */
  static async open(options: ProjectionThreadOptions): Promise<ProjectionThread> {
    const thread = new ProjectionThread(options);
    await thread.spawn();
    thread.unwake = options.wakeOn?.(() => thread.post({ kind: 'wake' }));
    return thread;
  }

  async start(): Promise<void> {
    this.started = true;
    await this.call('start', []);
  }

  /** Stops the runner (it applies what it received), closes what the worker opened, and waits for the worker to end. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.respawn);
    this.unwake?.();
    // A worker being started again finishes starting (without its runner), then is stopped like any other.
    await this.reviving;
    const worker = this.worker;
    if (worker !== undefined) {
      await this.call('stop', []).catch(() => undefined);
      // The worker ends once it has closed its port and connections; one that has not by then is ended.
      const late = setTimeout(() => void worker.terminate(), STOP_GRACE_MS);
      await this.exited;
      clearTimeout(late);
    }
    await this.exited;
  }

  async whenLive(name?: string): Promise<void> {
    if (name !== undefined) this.mirror(name);
    await this.call('whenLive', [name]);
  }

  async whenAt(name: string, position: bigint): Promise<void> {
    this.mirror(name);
    await this.call('whenAt', [name, position]);
  }

  servesCurrentVersion(name: string): boolean {
    const mirror = this.mirror(name);
    return mirror.activeVersion === mirror.version;
  }

  freshness(name: string): Freshness {
    const mirror = this.mirror(name);
    if (this.down !== undefined || this.worker === undefined)
      return { position: mirror.freshness.position, lag: this.lagCountLimit, stale: true };
    return mirror.freshness;
  }

  downSince(): number | undefined {
    const since = [...this.mirrors.values()].flatMap((mirror) =>
      mirror.outage === undefined ? [] : [mirror.outage.since],
    );
    if (this.down !== undefined) since.push(this.down.since);
    return since.length === 0 ? undefined : Math.min(...since);
  }

  outage(name: string): Outage | undefined {
    return this.down ?? this.mirror(name).outage;
  }

  contentTag(name: string): string {
    return this.mirror(name).contentTag;
  }

  async status(): Promise<ProjectionStatus[]> {
    const down = this.down;
    if (down === undefined) return (await this.call('status', [])) as ProjectionStatus[];
    // The worker is dead: what is known from the mirror, each projection down with the thread's failure.
    return [...this.mirrors.values()].map((mirror) => ({
      name: mirror.name,
      version: mirror.version,
      generation: mirror.generation,
      state: 'stalled',
      position: mirror.freshness.position,
      head: null,
      lag: this.lagCountLimit,
      parked: 0,
      blockedStreams: [],
      lastError: down.lastError,
      rebuilding: null,
      retrying: retryingOf(down),
    }));
  }

  async readiness(): Promise<Readiness> {
    if (this.down === undefined) return (await this.call('readiness', [])) as Readiness;
    const projections = await this.status();
    // The lag is not known while the thread is down; each projection's reason is the outage.
    const reasons = projections.flatMap((status) => unreadyReasons(status, Number.POSITIVE_INFINITY));
    return { ready: false, reasons, projections };
  }

  private mirror(name: string): ProjectionMirror {
    const mirror = this.mirrors.get(name);
    if (mirror === undefined) throw new Error(`no projection named ${name}`);
    return mirror;
  }

  private post(message: ToWorker): void {
    this.worker?.postMessage(message);
  }

  private call(method: Method, args: readonly unknown[]): Promise<unknown> {
    if (this.worker === undefined)
      return Promise.reject(new Error(`the read-model thread is down: ${this.down?.lastError ?? 'not running'}`));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.calls.set(id, { resolve, reject });
      this.post({ kind: 'call', id, method, args });
    });
  }

  /** Starts a worker; resolves when its runner is built, rejects if it failed or died first. */
  private spawn(): Promise<void> {
    const worker = this.options.spawn();
    let ready = false;
    return new Promise<void>((resolve, reject) => {
      let failure: string | undefined;
      this.exited = new Promise<void>((ended) => {
        worker.on('exit', (code) => {
          ended();
          if (this.worker === worker) this.worker = undefined;
          const why = failure ?? `the read-model thread exited with code ${code}`;
          if (!ready) return reject(new Error(why));
          this.lost(why);
        });
      });
      worker.on('error', (error) => (failure ??= describe(error)));
      worker.on('message', (message: FromWorker) => {
        switch (message.kind) {
          case 'ready':
            ready = true;
            this.worker = worker;
            for (const mirror of message.mirror) this.mirrors.set(mirror.name, mirror);
            return resolve();
          case 'failed':
            failure = message.message;
            return;
          case 'mirror':
            for (const mirror of message.mirror) this.mirrors.set(mirror.name, mirror);
            return;
          case 'reply': {
            const call = this.calls.get(message.id);
            this.calls.delete(message.id);
            if (message.error === undefined) call?.resolve(message.value);
            else call?.reject(new Error(message.error));
          }
        }
      });
    });
  }

  /** The worker died: calls in flight fail, every projection reads as down, and a new worker is due after a backoff. */
  private lost(why: string): void {
    const failed = new Error(why);
    for (const call of this.calls.values()) call.reject(failed);
    this.calls.clear();
    if (this.stopping) return;
    this.down = nextOutage(this.down, why, Date.now(), this.options.retry ?? {});
    this.respawn = setTimeout(() => (this.reviving = this.revive()), this.down.retryAt - Date.now());
    // The thread's owner keeps the process alive, not a pending restart.
    this.respawn.unref();
  }

  /** Starts a new worker after a death; its runner carries on from the checkpoints. */
  private async revive(): Promise<void> {
    this.respawn = undefined;
    if (this.stopping) return;
    try {
      await this.spawn();
      if (this.started && !this.stopping) await this.call('start', []);
      this.down = undefined;
    } catch (error) {
      // Died again before it was up: `lost` has already scheduled the next try when it was up.
      if (this.worker === undefined && this.respawn === undefined) this.lost(describe(error));
    }
  }
}
