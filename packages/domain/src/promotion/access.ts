import { isLeft, right, type Either } from 'fp-ts/lib/Either.js';
import { checkAccess, type AccessError, type RecordScope, type WithAccess } from '../shared/access.js';
import type { Role } from '../shared/actors.js';
import type { PromotionCommand, PromotionCoverage } from './commands.js';
import { refuse, type PromotionError } from './errors.js';
import type { PromotionState } from './state.js';

/** Who drafts and ends promotions: market analysts and the sales manager; a regional manager for their own region only; imports. */
export const PROMOTION_ROLES: readonly Role[] = ['sales_manager', 'regional_manager', 'market_analyst', 'system'];
/** Who approves a promotion: a sales manager (and imports). */
export const PROMOTION_APPROVERS: readonly Role[] = ['sales_manager', 'system'];

/** A promotion of exactly one region belongs to it; any other is the whole company's (outside a regional scope). */
const scopeOf = (coverage: PromotionCoverage): RecordScope | null =>
  coverage.regions.length === 1 && coverage.regions[0] !== undefined ? { region: coverage.regions[0] } : null;

function coverageOf(command: PromotionCommand, state: PromotionState): PromotionCoverage | null {
  if (state.status !== 'none') return state.coverage;
  return command.type === 'DraftPromotion' ? command.data.coverage : null;
}

/**
 * The access rules of a Promotion command, before any state check: the token agrees with the register; the
 * promotion is in the actor's scope (a regional manager: a promotion of their region alone); approving is a sales
 * manager's, drafting and ending the analysts', the sales manager's and (in scope) a regional manager's.
 */
export function promotionAccess(
  command: WithAccess<PromotionCommand>,
  state: PromotionState,
): Either<AccessError | PromotionError, true> {
  const coverage = coverageOf(command, state);
  const { actor } = command.metadata;
  const scoped = checkAccess(actor, command.access, coverage === null ? null : scopeOf(coverage));
  if (isLeft(scoped)) return scoped;
  const roles = command.type === 'ApprovePromotion' ? PROMOTION_APPROVERS : PROMOTION_ROLES;
  return roles.includes(actor.role)
    ? right(true)
    : refuse(
        'PROMOTION_NOT_AUTHORIZED',
        `a ${actor.role} may not ${command.type === 'ApprovePromotion' ? 'approve' : 'draft or end'} promotions`,
        { role: actor.role },
      );
}
