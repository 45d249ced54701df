import { rmSync } from 'node:fs';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { seedStore, type GeneratorOptions } from '@salesbook/generator';
import { openReadModels } from '@salesbook/projections';
import { ORDER_TO_RECEIVABLE_POLICY } from '../policies/order-to-receivable.policy.js';
import { PolicyCheckpoints } from '../policies/policy-checkpoints.js';

/** What the demonstration seed wrote. */
export interface DemoSeed {
  readonly events: number;
  readonly from: string;
  readonly to: string | undefined;
  readonly head: bigint | undefined;
  readonly seconds: number;
}

/** Six whole months before the current one, 240 customers (about 25,000 events): every report has numbers in every month. */
export function demoOptions(now: Date): GeneratorOptions {
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 6, 1)).toISOString().slice(0, 10);
  return { seed: 42, start, months: 6, customers: 240 };
}

/**
 * Seeds an EMPTY store with generated months of activity, written through `codec` (the encrypting one, so the
 * demonstration's personal data is sealed like any other); a store with any event is left alone, so a restart
 * never seeds twice. Read models of an earlier, deleted log would disagree with the new one, so they go first;
 * the generator already ran the order -> receivable policy, so its checkpoint starts at the seed's head.
 */
export async function seedDemoIfEmpty(
  store: EventStore,
  codec: EventCodec,
  readModelsPath: string,
  options: GeneratorOptions,
  onProgress?: (events: number) => void,
): Promise<DemoSeed | undefined> {
  if ((await store.headPosition()) !== undefined) return undefined;
  const started = performance.now();
  if (readModelsPath !== ':memory:')
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${readModelsPath}${suffix}`, { force: true });
  const result = await seedStore(store, { ...options, codec, ...(onProgress === undefined ? {} : { onProgress }) });
  if (result.position !== undefined && readModelsPath !== ':memory:') {
    const db = openReadModels(readModelsPath);
    new PolicyCheckpoints(db).write(ORDER_TO_RECEIVABLE_POLICY, result.position);
    db.close();
  }
  return {
    events: result.events,
    from: options.start ?? '2025-01-01',
    to: result.lastDate,
    head: result.position,
    seconds: (performance.now() - started) / 1_000,
  };
}
