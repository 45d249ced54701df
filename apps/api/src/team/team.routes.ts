import { z } from 'zod';
import { teamCommandSchemas as schemas, type Role } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';
import type { RouteSpec } from '../http/route-spec.js';

/** One person on the team on the asked date, as `GET /team/members` lists them. */
export const TeamMemberRowSchema = z
  .object({
    memberId: z.string(),
    role: z.string(),
    region: z.string().nullable(),
    managerId: z.string().nullable(),
    since: z.iso.date(),
  })
  .strict();

/** Who lists the register: the sales team (each in their scope), auditors and the system. */
const READERS: readonly Role[] = [
  'sales_manager',
  'regional_manager',
  'sales_rep',
  'market_analyst',
  'auditor',
  'system',
];

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) =>
  commandRoute({
    path,
    type,
    schema,
    summary,
    tag: 'team',
    aggregate: 'team',
    ...(path.includes(':id') ? { idField: 'memberId' } : {}),
  });

/** The sales team register (stream `team-register`): managers change it, everyone in scope lists it. */
export const teamRoutes = {
  join: route(
    '/team/members',
    'JoinTeam',
    schemas.JoinTeam,
    'Put a person on the sales team from a date (sales managers; regional managers for reps of their region)',
  ),
  transfer: route(
    '/team/members/:id/transfer',
    'TransferTeamMember',
    schemas.TransferTeamMember,
    'Move a regional manager or rep to another region from a date',
  ),
  leave: route(
    '/team/members/:id/leaving',
    'LeaveTeam',
    schemas.LeaveTeam,
    'Record that a person leaves the team on a date',
  ),
  list: {
    method: 'GET',
    path: '/team/members',
    audience: READERS,
    summary:
      'The team on a date (default today): sales managers, analysts and auditors see everyone, regional managers their region, reps themselves',
    tag: 'team',
    query: z.object({ on: z.iso.date({ message: 'on must be a date YYYY-MM-DD' }).optional() }).strict(),
    response: z.object({ on: z.iso.date(), members: z.array(TeamMemberRowSchema) }).strict(),
    status: 200,
  } satisfies RouteSpec,
} as const;
