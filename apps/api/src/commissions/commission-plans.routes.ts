import type { z } from 'zod';
import { commissionPlanCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) => commandRoute({ path, type, schema, summary, tag: 'commissions', aggregate: 'commission', idField: 'planId' });

/** The CommissionPlan command routes (stream `commission-plans`; `:id` is the plan id). The sales manager only. */
export const commissionPlanRoutes = {
  setVersion: route(
    '/commission-plans/:id/versions',
    'SetCommissionPlan',
    schemas.SetCommissionPlan,
    "Set a commission plan's terms from a month on (a new version; earlier months keep theirs)",
  ),
  end: route(
    '/commission-plans/:id/ending',
    'EndCommissionPlan',
    schemas.EndCommissionPlan,
    'End a commission plan from a month on',
  ),
} as const;
