import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Json } from '@salesbook/eventstore';

/**
 * The event every benchmark writes, shaped as the command handler writes them: a small business
 * payload and the full envelope metadata (ids, actor, business time, schema version), about 450
 * bytes of JSON once the store adds the chain hash.
 */
export function sampleEvent(n: number): {
  eventId: string;
  type: string;
  data: { [key: string]: string | number };
  metadata: { [key: string]: Json };
} {
  const eventId = randomUUID();
  const commandId = randomUUID();
  return {
    eventId,
    type: 'CounterIncremented',
    data: { by: 1, total: n, amount: '125.40', currency: 'EUR', note: 'benchmark event' },
    metadata: {
      eventId,
      occurredAt: '2025-03-01T09:30:00.000Z',
      actor: { id: 'rep-17', role: 'sales_rep' },
      correlationId: commandId,
      causationId: commandId,
      commandId,
      schemaVersion: 1,
    },
  };
}

/** A scratch folder for one run's SQLite files, removed by `dispose`. */
export function scratchFolder(): { path(name: string): string; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'salesbook-bench-'));
  return { path: (name) => join(dir, name), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** Runs `step` repeatedly for about `durationMs`; returns how many steps ran and how long they took. */
export async function runFor(
  durationMs: number,
  step: (i: number) => Promise<void> | void,
): Promise<{ count: number; ms: number }> {
  const started = performance.now();
  let count = 0;
  while (performance.now() - started < durationMs) {
    // Check the clock every few steps only: reading it costs little, but not nothing.
    for (let k = 0; k < 16; k += 1) {
      const pending = step(count);
      if (pending !== undefined) await pending;
      count += 1;
    }
  }
  return { count, ms: performance.now() - started };
}

/** Rate per second of `count` things done in `ms`. */
export const perSecond = (count: number, ms: number): number => Math.round((count / ms) * 1000);
