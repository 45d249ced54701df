import { AGGREGATES, STREAM_CATEGORIES, streamCategory, type DomainError, type Event } from '@salesbook/domain';
import type { Either } from 'fp-ts/lib/Either.js';
import {
  loadAggregate,
  type AsOf,
  type EventCodec,
  type EventStore,
  type LoadedAggregate,
} from '@salesbook/eventstore';
import { CliError } from './cli-error.js';

/** Folds `streamName` with its aggregate's decider, up to `asOf`; a stream of no known aggregate is a usage error. */
export async function loadStreamState(
  store: EventStore,
  codec: EventCodec,
  streamName: string,
  asOf?: AsOf,
): Promise<LoadedAggregate<Event, unknown>> {
  const category = streamCategory(streamName);
  if (category === undefined)
    throw new CliError(
      `${streamName} is not a stream of a known aggregate (${STREAM_CATEGORIES.map((name) => `${name}-`).join(', ')})`,
      2,
    );
  const loaded = await AGGREGATES[category](
    (decider, registry): Promise<Either<DomainError, LoadedAggregate<Event, unknown>>> =>
      loadAggregate({ store, codec, decider, registry, streamName, ...(asOf === undefined ? {} : { asOf }) }),
  );
  if (loaded._tag === 'Left') throw new CliError(`${streamName}: ${loaded.left.code}: ${loaded.left.message}`);
  return loaded.right;
}
