import type { Actor } from '../shared/actors.js';
import { ActorId, RegionId } from '../shared/ids.js';

/**
 * An actor for tests and examples, with its id and region validated like a token's claims.
 *
 * @example
 * const rep = testActor('rep-1', 'sales_rep', 'east');
 */
export const testActor = (id: string, role: Actor['role'], region?: string): Actor => ({
  id: ActorId.parse(id),
  role,
  ...(region === undefined ? {} : { region: RegionId.parse(region) }),
});
