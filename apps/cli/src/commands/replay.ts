import type { EventStore, Subscription, SubscriptionMessage } from '@salesbook/eventstore';
import { openReadModels, ProjectionRunner } from '@salesbook/projections';
import type { StoreContext } from '../support/infrastructure.js';
import { note, out } from '../support/output.js';
import { startProgress } from '../support/progress.js';
import { ALL_PROJECTIONS } from '../support/projections.js';
import { readEverything } from '../support/read-all.js';

/** The store with every subscription's delivered events counted: how far the rebuild is, exactly. */
function countingStore(store: EventStore, counter: { delivered: number }): EventStore {
  return Object.assign(Object.create(store) as EventStore, {
    subscribeToAll(options?: { after?: bigint }): Subscription {
      const inner = store.subscribeToAll(options);
      async function* counted(): AsyncGenerator<SubscriptionMessage> {
        for await (const message of inner) {
          if (message.kind === 'event') counter.delivered += 1;
          yield message;
        }
      }
      const iterator = counted();
      return { [Symbol.asyncIterator]: () => iterator, unsubscribe: () => inner.unsubscribe() };
    },
  });
}

/**
 * `salesbook replay`: rebuilds every read model from the first event into fresh tables beside the live ones
 * and swaps each in when it has caught up, with a progress bar (events/s, time left). Stop the API first:
 * its runner does not see another process swap generations under it.
 */
export async function replay(context: StoreContext): Promise<void> {
  let total = 0;
  for await (const _ of readEverything(context.store)) total += 1;
  const counter = { delivered: 0 };
  const db = openReadModels(context.config.readModelsPath);
  const runner = new ProjectionRunner({
    db,
    store: countingStore(context.store, counter),
    projections: ALL_PROJECTIONS,
    zone: context.config.timeZone,
  });
  const count = ALL_PROJECTIONS.length;
  const started = Date.now();
  const progress = startProgress('replay', total, 'events');
  const timer = setInterval(() => progress.update(Math.min(total, Math.floor(counter.delivered / count))), 100);
  try {
    await Promise.all(ALL_PROJECTIONS.map((projection) => runner.rebuild(projection.name)));
    progress.update(total);
  } finally {
    clearInterval(timer);
    progress.stop();
    await runner.stop();
  }
  const seconds = (Date.now() - started) / 1000;
  for (const projection of ALL_PROJECTIONS) {
    const parked = runner.parked(projection.name).length;
    if (parked > 0) note(`read model ${projection.name}: ${parked} event(s) could not be applied and are parked`);
  }
  const digests = ALL_PROJECTIONS.map(
    (projection) => `${projection.name} ${runner.digest(projection.name).digest.slice(0, 16)}`,
  );
  db.close();
  out(
    `replay: ${count} read models rebuilt from ${total} events in ${seconds.toFixed(1)} s (${Math.round(total / Math.max(seconds, 0.001))} events/s) into ${context.config.readModelsPath}`,
  );
  out(`digests: ${digests.join(', ')}`);
}
