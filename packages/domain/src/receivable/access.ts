import type { Either } from 'fp-ts/lib/Either.js';
import { checkAccess, type AccessError, type RecordScope, type WithAccess } from '../shared/access.js';
import type { ReceivableCommand } from './commands.js';
import type { ReceivableState } from './state.js';

/** Whose record the command touches: the receivable's rep and region; for a new one, the rep and region it names. */
function recordOf(command: ReceivableCommand, state: ReceivableState): RecordScope | null {
  if (state.status !== 'none') return { repId: state.repId, region: state.region };
  return command.type === 'OpenReceivable' ? { repId: command.data.repId, region: command.data.region } : null;
}

/** The access rules of a Receivable command, before any state check: the token agrees with the register and the receivable is in scope. */
export const receivableAccess = (
  command: WithAccess<ReceivableCommand>,
  state: ReceivableState,
): Either<AccessError, true> => checkAccess(command.metadata.actor, command.access, recordOf(command, state));
