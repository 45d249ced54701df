import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import type { Actor } from './actors.js';
import { domainError, type DomainError } from './domain-error.js';
import { ActorId, RegionId } from './ids.js';

/** The roles the sales team register holds; every other role (finance, auditor, system) is outside it. */
export const TeamRole = z.enum(['sales_manager', 'regional_manager', 'sales_rep', 'market_analyst'], {
  message: 'role must be sales_manager, regional_manager, sales_rep or market_analyst',
});
export type TeamRole = z.infer<typeof TeamRole>;

/** What the register says of one person at one business date: on the team or not, in which role and region. */
export const Standing = z.object({
  active: z.boolean(),
  role: TeamRole,
  region: RegionId.optional(),
  managerId: ActorId.optional(),
});
export type Standing = z.infer<typeof Standing>;

/**
 * What the handler loads for the access rules of a command, at the command's business date:
 * the register's view of the acting person and, when the command names a rep (an order's rep, a customer's
 * new owner, a target's rep), of that rep. `null` means "not on the register".
 */
export interface AccessFacts {
  readonly actor: Standing | null;
  readonly rep?: Standing | null;
  /** When the command names several reps (a target split's parts): each one's standing, by rep id. */
  readonly reps?: Readonly<Record<string, Standing | null>>;
}

/** A command with the access facts its handler loaded. */
export type WithAccess<C> = C & { readonly access: AccessFacts };

/** Whose record it is: the owning rep and the region (an order's or receivable's rep, a customer's owner, ...). */
export interface RecordScope {
  readonly repId?: ActorId | undefined;
  readonly region: RegionId;
}

/** Stable codes of the access rules. */
export type AccessErrorCode = 'ACTOR_NOT_REGISTERED' | 'FORBIDDEN_SCOPE' | 'REP_NOT_REGISTERED';

/** A refusal of the access rules. */
export type AccessError = DomainError<AccessErrorCode>;

const isTeamRole = (role: Actor['role']): role is TeamRole => TeamRole.safeParse(role).success;

/** The token's role and region must be what the register says of its subject at the business date. */
export function checkActor(actor: Actor, facts: AccessFacts): Either<AccessError, true> {
  if (!isTeamRole(actor.role)) return right(true);
  const standing = facts.actor;
  const agrees =
    standing !== null &&
    standing.active &&
    standing.role === actor.role &&
    (actor.role === 'sales_manager' || actor.role === 'market_analyst' || standing.region === actor.region);
  return agrees
    ? right(true)
    : left(
        domainError(
          'ACTOR_NOT_REGISTERED',
          `${actor.id} is not on the sales team register as an active ${actor.role}${actor.region === undefined ? '' : ` of ${actor.region}`} at this date`,
        ),
      );
}

/**
 * Whether a record is in the actor's scope: a regional manager's region, a rep's own records in their
 * region; every record for the other roles (what each role may do there is the decider's role rule). A record that does not exist (`null`)
 * is outside every limited scope, so a refusal never tells whether it exists.
 */
export function inScope(actor: Actor, record: RecordScope | null): boolean {
  switch (actor.role) {
    case 'regional_manager':
      return record !== null && record.region === actor.region;
    case 'sales_rep':
      return record !== null && record.region === actor.region && record.repId === actor.id;
    default:
      return true;
  }
}

/** The one refusal for a record outside the caller's scope, whether or not it exists: no ids, no state. */
export const forbiddenScope = (): AccessError =>
  domainError('FORBIDDEN_SCOPE', 'this record is outside your scope, or does not exist');

/** The register agrees with the token, then the record is in the actor's scope: both before any state check. */
export function checkAccess(actor: Actor, facts: AccessFacts, record: RecordScope | null): Either<AccessError, true> {
  const registered = checkActor(actor, facts);
  if (registered._tag === 'Left') return registered;
  return inScope(actor, record) ? right(true) : left(forbiddenScope());
}

/** A rep a command names (an order's rep, a customer's owner, a target's rep) is an active rep of `region`. */
export function checkNamedRep(repId: ActorId, region: RegionId, facts: AccessFacts): Either<AccessError, true> {
  const rep = facts.rep ?? null;
  return rep !== null && rep.active && rep.role === 'sales_rep' && rep.region === region
    ? right(true)
    : left(
        domainError(
          'REP_NOT_REGISTERED',
          `${repId} is not an active sales rep of region ${region} on the sales team register at this date`,
          { repId, region },
        ),
      );
}
