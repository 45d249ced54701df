import {
  forecastDecider,
  forecastEventRegistry,
  forecastStream,
  type CommandPayload,
  type ForecastCommand,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';

/** A Forecast command on the CommandBus: one of the Forecast payloads. */
export class ForecastCommandMessage extends AggregateCommand<CommandPayload<ForecastCommand>> {}

/** Decides Forecast commands on the rep's forecast stream. */
export const ForecastCommandHandler = singleStreamHandler(ForecastCommandMessage, {
  decider: forecastDecider,
  registry: forecastEventRegistry,
  stream: ({ data }) => forecastStream(data.repId),
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});
