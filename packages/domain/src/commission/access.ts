import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { checkActor, type AccessError, type WithAccess } from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import type { CommissionPlanCommand } from './commands.js';
import { refuse, type CommissionPlanError } from './errors.js';

/** Who sets commission plans: the sales manager (the department's pay policy), and the system for imports. */
export const COMMISSION_PLAN_ROLES: readonly Role[] = ['sales_manager', 'system'];

/**
 * The access rules of a CommissionPlan command, before any state: the token agrees with the register, then the role
 * sets plans. Plans span regions, so there is no region scope: every other role gets the same refusal, whatever the plan.
 */
export function commissionPlanAccess(
  command: WithAccess<CommissionPlanCommand>,
): Either<AccessError | CommissionPlanError, true> {
  const registered = checkActor(command.metadata.actor, command.access);
  if (isLeft(registered)) return registered;
  const { role } = command.metadata.actor;
  return COMMISSION_PLAN_ROLES.includes(role)
    ? right(true)
    : refuse('COMMISSION_PLAN_NOT_AUTHORIZED', `a ${role} may not set commission plans`, { role });
}
