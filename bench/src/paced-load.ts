import { Agent, request } from 'node:http';
import { quantile, type LoadFigures, type Target } from './api-load.js';

const TIMEOUT_MS = 10_000;

/**
 * An open-loop load at a fixed offered rate: request i is due at start + i / rate, whatever became of the ones
 * before it, over a pool of `connections` keep-alive connections; a request that finds every connection busy
 * waits for one. Latency is timed from when the request was due, not from when it could be sent, so a server
 * that stalls is charged for every request that piled up behind it (no coordinated omission).
 *
 * autocannon's `overallRate` is not this: each connection sends its share of a second's requests back to back
 * as soon as the second starts, then idles, so "1,000/s" over 50 connections is a 50-connection closed-loop
 * burst at the start of every second, whose latency is that of a closed loop (connections / throughput).
 */
export async function pacedLoad(
  url: string,
  target: Target,
  seconds: number,
  rate: number,
  connections = 50,
): Promise<LoadFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const { hostname, port } = new URL(url);
  const total = Math.round(seconds * rate);
  const latencies: number[] = [];
  let failures = 0;
  const reasons = new Map<string, number>();
  let timeouts = 0;
  let finished = 0;
  const started = performance.now();
  const send = (due: number): Promise<void> =>
    new Promise((resolve) => {
      const body = target.body?.();
      const headers: Record<string, string> = {
        ...target.headers,
        ...(target.bearer === undefined ? {} : { authorization: `Bearer ${target.bearer}` }),
        ...(body === undefined
          ? {}
          : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) }),
      };
      let settled = false;
      const done = (ok: boolean, reason: string): void => {
        if (settled) return;
        settled = true;
        if (ok) latencies.push(performance.now() - due);
        else {
          failures += 1;
          reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
        }
        finished += 1;
        resolve();
      };
      const outgoing = request(
        {
          agent,
          hostname,
          port,
          path: target.path,
          method: body === undefined ? 'GET' : 'POST',
          headers,
          timeout: TIMEOUT_MS,
        },
        (response) => {
          const status = response.statusCode ?? 0;
          const chunks: Buffer[] = [];
          // A failure's body (its error code) is kept to say why; a success's is only read to its end.
          response.on('data', (chunk: Buffer) => status >= 300 && chunks.push(chunk));
          response.on('end', () =>
            done(status >= 200 && status < 300, `${status} ${Buffer.concat(chunks).toString('utf8').slice(0, 200)}`),
          );
          response.on('error', (error) => done(false, error.message));
        },
      );
      outgoing.on('timeout', () => {
        timeouts += 1;
        outgoing.destroy(new Error('timed out'));
      });
      outgoing.on('error', (error) => done(false, error.message));
      outgoing.end(body);
    });
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    // Every request due by now goes out, each stamped with its own due time.
    while (sent < total && started + (sent * 1_000) / rate <= now) {
      inFlight.push(send(started + (sent * 1_000) / rate));
      sent += 1;
    }
    await new Promise((wake) => setTimeout(wake, 1));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1_000;
  agent.destroy();
  return {
    rps: Math.round(finished / elapsed),
    p50Ms: round(quantile(latencies, 0.5)),
    p99Ms: round(quantile(latencies, 0.99)),
    requests: finished,
    failures,
    timeouts,
    ...(reasons.size === 0 ? {} : { failureReasons: Object.fromEntries(reasons) }),
  };
}

const round = (ms: number): number => Math.round(ms * 10) / 10;
