import type { Actor, ActorId, RegionId, Role } from '@salesbook/domain';
import type { TokenRules } from '../config/hardening.js';
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

/** Lifetime of development tokens: 12 hours, or the configured maximum if shorter. */
export const devTokenSeconds = (rules: Partial<TokenRules>): number => Math.min(43_200, rules.maxAgeSeconds ?? 43_200);

/** An HS256 token for each actor, by role, with the configured issuer and audience if any. */
export async function devTokens(
  secret: string,
  actors: readonly Actor[],
  rules: Partial<TokenRules> = {},
): Promise<[Role, string][]> {
  return Promise.all(
    actors.map(async (one): Promise<[Role, string]> => [
      one.role,
      await signToken(secret, one, `${devTokenSeconds(rules)}s`, rules),
    ]),
  );
}
