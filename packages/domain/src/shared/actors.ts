import { z } from 'zod';
import { ActorId, RegionId } from './ids.js';

/** The roles (docs/domain-rules.md#roles). */
export const Role = z.enum([
  'sales_manager',
  'regional_manager',
  'sales_rep',
  'market_analyst',
  'finance',
  'auditor',
  'system',
]);
export type Role = z.infer<typeof Role>;

/** Who acts: the `sub`, `role` and `region` of a token, or the system for imports and policies. */
export const Actor = z.object({ id: ActorId, role: Role, region: RegionId.optional() });
export type Actor = z.infer<typeof Actor>;

/** Managers: the only roles that reassign customers, set credit limits, approve write-offs and large compensation. */
export const isManager = (actor: Pick<Actor, 'role'>): boolean =>
  actor.role === 'sales_manager' || actor.role === 'regional_manager';

/** The highest line discount, in basis points, each role may grant without approval. */
export const DISCOUNT_LIMIT_BP: Readonly<Record<Role, number>> = {
  sales_rep: 1_000,
  regional_manager: 2_500,
  sales_manager: 10_000,
  market_analyst: 0,
  finance: 0,
  auditor: 0,
  system: 10_000,
};

/** A manager may act in a region: a sales manager anywhere, a regional manager only in their own. */
export const managesRegion = (actor: Actor, region: RegionId): boolean =>
  actor.role === 'sales_manager' ||
  actor.role === 'system' ||
  (actor.role === 'regional_manager' && actor.region === region);
