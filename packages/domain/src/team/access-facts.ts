import type { AccessFacts } from '../shared/access.js';
import { ActorId } from '../shared/ids.js';
import type { IsoDate } from '../shared/time.js';
import type { CustomerCommand } from '../customer/commands.js';
import type { OrderCommand } from '../order/commands.js';
import type { EvaluationCommand } from '../evaluation/commands.js';
import type { TargetCommand } from '../target/commands.js';
import type { ForecastCommand } from '../forecast/commands.js';
import type { OpportunityCommand } from '../opportunity/commands.js';
import { standingOn, type TeamState } from './state.js';

/** The rep a command names and the register must know: an order's rep, a customer's owner, a rep target's rep, an evaluated rep. */
export function namedRepOf(command: { readonly type: string; readonly data: unknown }): ActorId | undefined {
  // The type names the data's shape: the schemas checked it on the way in.
  const typed = command as
    CustomerCommand | OrderCommand | TargetCommand | ForecastCommand | EvaluationCommand | OpportunityCommand;
  switch (typed.type) {
    case 'PlaceOrder':
    case 'SubmitForecast':
    case 'OpenOpportunity':
      return typed.data.repId;
    case 'RegisterCustomer':
    case 'ReassignCustomer':
      return typed.data.ownerRepId;
    case 'OpenEvaluation':
      return typed.data.repId;
    case 'SetSalesTarget': {
      const parsed = ActorId.safeParse(typed.data.scopeId);
      return typed.data.scope === 'rep' && parsed.success ? parsed.data : undefined;
    }
    default:
      return undefined;
  }
}

/** The reps a target split names, each to be checked against the register. */
function splitRepsOf(command: { readonly type: string; readonly data: unknown }): readonly ActorId[] | undefined {
  // The type names the data's shape: the schemas checked it on the way in.
  const typed = command as TargetCommand;
  return typed.type === 'SplitSalesTarget' ? typed.data.parts.map((part) => part.repId) : undefined;
}

/**
 * The access facts of a command from the register: the acting person's standing and, when the command
 * names a rep, that rep's, both on the command's business date.
 *
 * @example
 * const access = accessFacts(register, command, '2026-03-02');
 */
export const accessFacts = (
  register: TeamState,
  command: {
    readonly type: string;
    readonly data: unknown;
    readonly metadata: { readonly actor: { readonly id: ActorId } };
  },
  on: IsoDate,
): AccessFacts => {
  const repId = namedRepOf(command);
  const parts = splitRepsOf(command);
  return {
    actor: standingOn(register, command.metadata.actor.id, on),
    ...(repId === undefined ? {} : { rep: standingOn(register, repId, on) }),
    ...(parts === undefined
      ? {}
      : { reps: Object.fromEntries(parts.map((id) => [id, standingOn(register, id, on)] as const)) }),
  };
};
