import type { AccessFacts, Standing, WithAccess } from '../shared/access.js';
import type { Actor } from '../shared/actors.js';
import type { Decider } from '../shared/decider.js';
import type { RegionId } from '../shared/ids.js';
import type { CommandMetadata } from '../shared/message.js';

/** The register's view of an actor that is exactly what their token says (active, same role and region). */
export const standingOf = (actor: Actor): Standing | null =>
  actor.role === 'finance' || actor.role === 'auditor' || actor.role === 'system'
    ? null
    : { active: true, role: actor.role, ...(actor.region === undefined ? {} : { region: actor.region }) };

/**
 * Access facts for tests and examples: the actor is registered as their token says and, when `repRegion` is
 * given, the rep the command names is an active rep of that region.
 *
 * @example
 * const access = registeredAccess(testActor('rep-1', 'sales_rep', 'east'), 'east');
 */
export const registeredAccess = (actor: Actor, repRegion?: RegionId): AccessFacts => ({
  actor: standingOf(actor),
  ...(repRegion === undefined ? {} : { rep: { active: true, role: 'sales_rep', region: repRegion } }),
});

type Commanded = { readonly metadata: CommandMetadata };

/**
 * A decider for tests of business rules other than access: a command without `access` gets
 * {@link registeredAccess} of its actor, the named rep registered in the region `repRegion` picks.
 * Commands that carry `access` keep theirs.
 */
export function registeredDecider<C extends Commanded, E, S>(
  decider: Decider<WithAccess<C>, E, S>,
  repRegion: (command: C, state: S) => RegionId | undefined = () => undefined,
): Decider<C | WithAccess<C>, E, S> {
  return {
    initialState: decider.initialState,
    evolve: decider.evolve,
    decide: (command, state) =>
      decider.decide(
        'access' in command
          ? command
          : { ...command, access: registeredAccess(command.metadata.actor, repRegion(command, state)) },
        state,
      ),
  };
}
