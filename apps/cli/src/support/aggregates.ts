import {
  complaintDecider,
  complaintEventRegistry,
  customerDecider,
  customerEventRegistry,
  orderDecider,
  orderEventRegistry,
  receivableDecider,
  receivableEventRegistry,
  streamCategory,
  targetDecider,
  targetEventRegistry,
  teamDecider,
  periodDecider,
  monthlyReportDecider,
  monthlyReportEventRegistry,
  periodEventRegistry,
  teamEventRegistry,
  productDecider,
  priceListDecider,
  promotionDecider,
  promotionEventRegistry,
  priceListEventRegistry,
  productEventRegistry,
  webhookDecider,
  webhookEventRegistry,
  commissionPlanDecider,
  commissionPlanEventRegistry,
  type Decider,
  type Event,
  type EventRegistry,
} from '@salesbook/domain';
import { loadAggregate, type AsOf, type EventCodec, type EventStore, type LoadedAggregate } from '@salesbook/eventstore';
import { CliError } from './cli-error.js';

type Loader = (store: EventStore, codec: EventCodec, streamName: string, asOf: AsOf | undefined) => ReturnType<typeof loadAggregate<unknown, Event, unknown>>;

const loaderOf =
  <C, E extends Event, S>(decider: Decider<C, E, S>, registry: EventRegistry<E>): Loader =>
  (store, codec, streamName, asOf) =>
    loadAggregate({ store, codec, decider, registry, streamName, ...(asOf === undefined ? {} : { asOf }) });

const LOADERS = {
  customer: loaderOf(customerDecider, customerEventRegistry),
  order: loaderOf(orderDecider, orderEventRegistry),
  receivable: loaderOf(receivableDecider, receivableEventRegistry),
  complaint: loaderOf(complaintDecider, complaintEventRegistry),
  target: loaderOf(targetDecider, targetEventRegistry),
  team: loaderOf(teamDecider, teamEventRegistry),
  period: loaderOf(periodDecider, periodEventRegistry),
  report: loaderOf(monthlyReportDecider, monthlyReportEventRegistry),
  product: loaderOf(productDecider, productEventRegistry),
  pricelist: loaderOf(priceListDecider, priceListEventRegistry),
  promotion: loaderOf(promotionDecider, promotionEventRegistry),
  webhook: loaderOf(webhookDecider, webhookEventRegistry),
  commission: loaderOf(commissionPlanDecider, commissionPlanEventRegistry),
};

/** Folds `streamName` with its aggregate's decider, up to `asOf`; a stream of no known aggregate is a usage error. */
export async function loadStreamState(store: EventStore, codec: EventCodec, streamName: string, asOf?: AsOf): Promise<LoadedAggregate<Event, unknown>> {
  const category = streamCategory(streamName);
  if (category === undefined) throw new CliError(`${streamName} is not a stream of a known aggregate (customer-, order-, receivable-, complaint-, target-, team-, period-, report-)`, 2);
  if (category === undefined) throw new CliError(`${streamName} is not a stream of a known aggregate (customer-, order-, receivable-, complaint-, target-, team-, webhook-)`, 2);
  const loaded = await LOADERS[category](store, codec, streamName, asOf);
  if (loaded._tag === 'Left') throw new CliError(`${streamName}: ${loaded.left.code}: ${loaded.left.message}`);
  return loaded.right;
}
