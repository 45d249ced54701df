import type { Actor, ActorId, RegionId, Role } from '@salesbook/domain';
import { signToken } from './jwt.js';

const actor = (id: string, role: Role, region?: string): Actor =>
  region === undefined ? { id: id as ActorId, role } : { id: id as ActorId, role, region: region as RegionId };

/** One demonstration actor per role (region `east` where a role needs one). */
export const ROLE_ACTORS: readonly Actor[] = [
  actor('manager-1', 'sales_manager'),
  actor('east-manager', 'regional_manager', 'east'),
  actor('rep-east-1', 'sales_rep', 'east'),
  actor('analyst-1', 'market_analyst'),
  actor('finance-1', 'finance'),
  actor('auditor-1', 'auditor'),
  actor('system', 'system'),
];

/** An HS256 token for each actor, by role. */
export async function devTokens(secret: string, actors: readonly Actor[]): Promise<[Role, string][]> {
  return Promise.all(actors.map(async (one): Promise<[Role, string]> => [one.role, await signToken(secret, one)]));
}
