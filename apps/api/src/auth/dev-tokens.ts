import type { Actor, ActorId, RegionId, Role } from '@salesbook/domain';
import { signToken } from './jwt.js';

const actor = (id: string, role: Role, region?: string): Actor =>
  region === undefined ? { id: id as ActorId, role } : { id: id as ActorId, role, region: region as RegionId };

/** One demonstration actor per role (region `east` where a role needs one), named as in the generated demonstration data. */
export const ROLE_ACTORS: readonly Actor[] = [
  actor('sm-01', 'sales_manager'),
  actor('rm-east', 'regional_manager', 'east'),
  actor('rep-east-01', 'sales_rep', 'east'),
  actor('analyst-01', 'market_analyst'),
  actor('fin-01', 'finance'),
  actor('auditor-01', 'auditor'),
  actor('system', 'system'),
];

/** An HS256 token for each actor, by role. */
export async function devTokens(secret: string, actors: readonly Actor[]): Promise<[Role, string][]> {
  return Promise.all(actors.map(async (one): Promise<[Role, string]> => [one.role, await signToken(secret, one)]));
}
