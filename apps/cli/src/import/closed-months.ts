import { closedMonths, periodDecider, periodEventRegistry, PERIOD_STREAM } from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';

/** The months closed now in `store` (none when the import starts on an empty store). */
export async function readClosedMonths(store: EventStore | undefined, codec: EventCodec): Promise<readonly string[]> {
  if (store === undefined) return [];
  const decoded = await codec.decode(await store.readStream(PERIOD_STREAM), periodEventRegistry);
  if (decoded._tag === 'Left') throw new Error(`${PERIOD_STREAM}: ${decoded.left.code}: ${decoded.left.message}`);
  return closedMonths(decoded.right.reduce(periodDecider.evolve, periodDecider.initialState()));
}
