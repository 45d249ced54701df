import autocannon from 'autocannon';

/** One load run's figures. */
export interface LoadFigures {
  readonly rps: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly requests: number;
  /** Non-2xx responses, errors and timeouts (autocannon's 10 s): a run with any is reported, never hidden. */
  readonly failures: number;
  readonly timeouts: number;
  /**
   * The load tool's own CPU over the run, as a share of one core (its process alone). Near 1, the tool, not the
   * server, set the closed loop's rate.
   */
  readonly loadToolCpu?: number;
  /** Why requests failed (status and body, or the socket error), with counts; absent when none did. */
  readonly failureReasons?: Readonly<Record<string, number>>;
}

/** What to send: a GET, or a POST whose body is made per request. */
export interface Target {
  readonly path: string;
  readonly bearer?: string;
  readonly body?: () => string;
  /** More request headers, e.g. `cache-control: no-cache` to have every report computed afresh. */
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Keeps autocannon from holding each response body. autocannon 9 appends every body chunk to a string for its
 * `expectBody`/`onResponse` features (unused here); at thousands of 16-150 KB answers a second that decoding was a
 * whole core of the load tool (`Buffer.toString` under `addBody`: 80% of its CPU profile with gzip bodies), so the
 * tool, not the API, set the report's closed-loop rate. The bytes are still received, parsed and counted. If a later
 * autocannon has no such queue, nothing is changed (and the printed CPU shares show which side was the limit).
 */
const discardBodies = (client: object): void => {
  const queue = (client as { pipelinedRequests?: { addBody?: unknown } }).pipelinedRequests;
  if (queue !== undefined && typeof queue.addBody === 'function') queue.addBody = () => undefined;
};

/** Runs autocannon over loopback: 50 connections, closed loop (as fast as answered) or at `rate` requests/s overall. */
export async function load(url: string, target: Target, seconds: number, rate?: number): Promise<LoadFigures> {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...target.headers,
    ...(target.bearer === undefined ? {} : { authorization: `Bearer ${target.bearer}` }),
  };
  const { body } = target;
  const result = await autocannon({
    url: `${url}${target.path}`,
    connections: 50,
    duration: seconds,
    method: body === undefined ? 'GET' : 'POST',
    headers,
    setupClient: discardBodies,
    ...(rate === undefined ? {} : { overallRate: rate }),
    ...(body === undefined
      ? {}
      : { requests: [{ setupRequest: (request: object) => ({ ...request, body: body() }) }] }),
  });
  return {
    rps: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    timeouts: result.timeouts,
  };
}

/**
 * Resolves once the API answers GET /health within 20 ms three times in a row: requests a finished load run left
 * queued in the server (a closed loop leaves up to 50) must not be charged to the next run.
 */
export async function drained(url: string): Promise<void> {
  const deadline = Date.now() + 15 * 60_000;
  for (let quick = 0; quick < 3;) {
    const started = performance.now();
    try {
      await (await fetch(`${url}/health`)).text();
      quick = performance.now() - started < 20 ? quick + 1 : 0;
    } catch (error) {
      // A server whose event loop was blocked past Node's headersTimeout resets its waiting connections: ask again.
      if (Date.now() > deadline) throw error;
      quick = 0;
    }
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

/** The value at quantile `q` (nearest rank) of a list of numbers. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
}
