import type { Either } from 'fp-ts/lib/Either.js';
import { checkAccess, type AccessError, type RecordScope, type WithAccess } from '../shared/access.js';
import type { ComplaintCommand } from './commands.js';
import type { ComplaintState } from './state.js';

/**
 * Whose record the command touches. Filing and reopening speak for the customer: its owner rep and region.
 * Work on a complaint is its handler's (never the owner rep) in the complaint's region.
 */
function recordOf(command: ComplaintCommand, state: ComplaintState): RecordScope | null {
  if (state.status === 'none') {
    const customer = command.type === 'FileComplaint' ? command.inputs.customer : null;
    return customer === null ? null : { repId: customer.ownerRepId, region: customer.region };
  }
  const customerFacing = command.type === 'FileComplaint' || command.type === 'ReopenComplaint';
  return { repId: customerFacing ? state.ownerRepId : (state.handlerId ?? undefined), region: state.region };
}

/** The access rules of a Complaint command, before any state check: the token agrees with the register and the complaint is in scope. */
export const complaintAccess = (
  command: WithAccess<ComplaintCommand>,
  state: ComplaintState,
): Either<AccessError, true> => checkAccess(command.metadata.actor, command.access, recordOf(command, state));
