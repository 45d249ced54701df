import { left, right } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { COMMAND_ROLES, ID_PATTERN, type SalesbookCommand } from '@salesbook/domain';
import type { CommandBinding, CommandRouteSpec, RoutePayload } from '../http/route-spec.js';

/** The `:id` of a path, checked like every caller-supplied id. */
export const IdParams = z.object({
  id: z
    .string()
    .regex(ID_PATTERN, 'must be 1-64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit'),
});

interface CommandRouteOptions<T extends SalesbookCommand['type'], S extends z.ZodType> extends Omit<
  CommandBinding,
  'type'
> {
  readonly path: string;
  readonly type: T;
  readonly schema: S;
  readonly summary: string;
  readonly tag: string;
}

/**
 * A row of the route table for a command: POST, 201, the command's schema as body, `:id` folded into
 * `idField`, the roles of the domain's role matrix ({@link COMMAND_ROLES}).
 */
export function commandRoute<T extends SalesbookCommand['type'], S extends z.ZodType>(
  options: CommandRouteOptions<T, S>,
): CommandRouteSpec<RoutePayload<T, z.output<S>>> {
  const { path, type, schema, summary, tag, ...binding } = options;
  return {
    method: 'POST',
    path,
    audience: COMMAND_ROLES[type],
    summary,
    tag,
    bodyName: type,
    body: schema,
    ...(path.includes(':id') ? { params: IdParams } : {}),
    status: 201,
    command: {
      ...binding,
      type,
      read(body, context) {
        const parsed = schema.safeParse(body, context);
        return parsed.success ? right({ type, data: parsed.data }) : left(parsed.error);
      },
    },
  };
}
