import {
  COMMISSION_PLAN_STREAM,
  commissionPlanDecider,
  commissionPlanEventRegistry,
  type CommandPayload,
  type CommissionPlanCommand,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';

/** A CommissionPlan command on the CommandBus: one of the CommissionPlan payloads. */
export class CommissionPlanCommandMessage extends AggregateCommand<CommandPayload<CommissionPlanCommand>> {}

/** Decides commission plan commands on the one `commission-plans` stream (every plan, so overlaps are seen). */
export const CommissionPlanCommandHandler = singleStreamHandler(CommissionPlanCommandMessage, {
  decider: commissionPlanDecider,
  registry: commissionPlanEventRegistry,
  stream: () => COMMISSION_PLAN_STREAM,
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});
