import { z } from 'zod';
import { ID_PATTERN, type Role } from '@salesbook/domain';
import type { CommandBinding, RouteSpec } from '../http/route-spec.js';

/** Sales roles that place and run orders and customers (and the system, for imports). */
export const SALES: readonly Role[] = ['sales_manager', 'regional_manager', 'sales_rep', 'system'];
/** Managers (and the system). */
export const MANAGERS: readonly Role[] = ['sales_manager', 'regional_manager', 'system'];
/** Finance (and the system). */
export const FINANCE: readonly Role[] = ['finance', 'system'];

/** The `:id` of a path, checked like every caller-supplied id. */
export const IdParams = z.object({ id: z.string().regex(ID_PATTERN, 'must be 1-64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit') });

interface CommandRouteOptions extends CommandBinding {
  readonly path: string;
  readonly schema: z.ZodType;
  readonly audience: readonly Role[];
  readonly summary: string;
  readonly tag: string;
}

/** A row of the route table for a command: POST, 201, the command's schema as body, `:id` folded into `idField`. */
export const commandRoute = ({ path, schema, audience, summary, tag, ...command }: CommandRouteOptions): RouteSpec => ({
  method: 'POST',
  path,
  audience,
  summary,
  tag,
  bodyName: command.type,
  body: schema,
  ...(path.includes(':id') ? { params: IdParams } : {}),
  status: 201,
  command,
});
