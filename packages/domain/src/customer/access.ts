import { isLeft, type Either } from 'fp-ts/lib/Either.js';
import { checkAccess, checkNamedRep, type AccessError, type RecordScope, type WithAccess } from '../shared/access.js';
import type { CustomerCommand } from './commands.js';
import type { CustomerState } from './state.js';

/** Whose record the command touches: the customer's owner and region; for a new customer, the owner and region it names. */
function recordOf(command: CustomerCommand, state: CustomerState): RecordScope | null {
  if (state.status !== 'none') return { repId: state.ownerRepId, region: state.region };
  return command.type === 'RegisterCustomer' ? { repId: command.data.ownerRepId, region: command.data.region } : null;
}

/**
 * The access rules of a Customer command, before any state check: the token agrees with the register, the
 * customer is in the actor's scope, and an owner it names (registration, reassignment) is an active rep of
 * the customer's region.
 */
export function customerAccess(command: WithAccess<CustomerCommand>, state: CustomerState): Either<AccessError, true> {
  const allowed = checkAccess(command.metadata.actor, command.access, recordOf(command, state));
  if (isLeft(allowed)) return allowed;
  if (command.type === 'RegisterCustomer' && state.status === 'none')
    return checkNamedRep(command.data.ownerRepId, command.data.region, command.access);
  if (command.type === 'ReassignCustomer' && state.status !== 'none') {
    return checkNamedRep(command.data.ownerRepId, command.data.region ?? state.region, command.access);
  }
  return allowed;
}
