import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js';
import { checkActor, type AccessError, type WithAccess } from '../shared/access.js';
import { domainError } from '../shared/domain-error.js';
import type { CompetitionCommand } from './commands.js';

/**
 * The access rules of a competition command, before any state: the token agrees with the register, and the actor is
 * a sales manager (a competition's prize is the department's to give) or the system.
 */
export function competitionAccess(command: WithAccess<CompetitionCommand>): Either<AccessError, true> {
  const { actor } = command.metadata;
  const registered = checkActor(actor, command.access);
  if (isLeft(registered)) return registered;
  return actor.role === 'sales_manager' || actor.role === 'system'
    ? right(true)
    : left(domainError('FORBIDDEN_SCOPE', 'only a sales manager sets up or cancels a competition'));
}
