import type { z } from 'zod';
import { improvementActionCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
  idField?: 'actionId',
) =>
  commandRoute({
    path,
    type,
    schema,
    summary,
    tag: 'improvement actions',
    aggregate: 'action',
    ...(idField === undefined ? {} : { idField }),
  });

/** Improvement actions (stream `action-<id>`): a manager turns a finding into an action and moves it on. */
export const improvementActionRoutes = {
  open: route(
    '/improvement-actions',
    'OpenImprovementAction',
    schemas.OpenImprovementAction,
    'Turn a finding (the report, metric, group, months and value it came from) into an action of a department, with an owner and a due date (the sales manager; a regional manager for their region)',
  ),
  changeStatus: route(
    '/improvement-actions/:id/status',
    'ChangeImprovementActionStatus',
    schemas.ChangeImprovementActionStatus,
    'Move an action on (open -> in_progress -> done, or dropped), with a note saying what was done or why',
    'actionId',
  ),
} as const;
