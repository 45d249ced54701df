import { complaintDecider, customerDecider, orderDecider, receivableDecider, streamCategory, targetDecider, teamDecider, type Decider, type Event } from '@salesbook/domain';
import { loadAggregate, type AsOf, type EventCodec, type EventStore, type LoadedAggregate } from '@salesbook/eventstore';
import { CliError } from './cli-error.js';

type Loader = (store: EventStore, codec: EventCodec, streamName: string, asOf: AsOf | undefined) => ReturnType<typeof loadAggregate<unknown, Event, unknown>>;

const loaderOf =
  <C, E extends Event, S>(decider: Decider<C, E, S>): Loader =>
  async (store, codec, streamName, asOf) =>
    (await loadAggregate({ store, codec, decider, streamName, ...(asOf === undefined ? {} : { asOf }) })) as Awaited<ReturnType<Loader>>;

const LOADERS = {
  customer: loaderOf(customerDecider),
  order: loaderOf(orderDecider),
  receivable: loaderOf(receivableDecider),
  complaint: loaderOf(complaintDecider),
  target: loaderOf(targetDecider),
  team: loaderOf(teamDecider),
};

/** Folds `streamName` with its aggregate's decider, up to `asOf`; a stream of no known aggregate is a usage error. */
export async function loadStreamState(store: EventStore, codec: EventCodec, streamName: string, asOf?: AsOf): Promise<LoadedAggregate<Event, unknown>> {
  const category = streamCategory(streamName);
  if (category === undefined) throw new CliError(`${streamName} is not a stream of a known aggregate (customer-, order-, receivable-, complaint-, target-, team-)`, 2);
  const loaded = await LOADERS[category](store, codec, streamName, asOf);
  if (loaded._tag === 'Left') throw new CliError(`${streamName}: ${loaded.left.code}: ${loaded.left.message}`);
  return loaded.right;
}
