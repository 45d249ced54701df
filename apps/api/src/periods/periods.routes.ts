import { z } from 'zod';
import { periodCommandSchemas as schemas, type Role } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';
import type { RouteSpec } from '../http/route-spec.js';
import { PeriodsAnswer } from './periods.answers.js';

/** Who lists the months' status: everyone who reads reports or collections. */
const READERS: readonly Role[] = [
  'sales_manager',
  'regional_manager',
  'sales_rep',
  'market_analyst',
  'finance',
  'auditor',
  'system',
];
const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) => commandRoute({ path, type, schema, summary, tag: 'periods', aggregate: 'period', idField: 'month' });

/** The period close (stream `period-closes`): finance closes a month; a sales manager and finance reopen it together. */
export const periodRoutes = {
  close: route(
    '/periods/:id/closure',
    'ClosePeriod',
    schemas.ClosePeriod,
    'Close a business month that has ended (finance): its reports stop moving; later facts dated in it count in the month they are recorded in',
  ),
  requestReopening: route(
    '/periods/:id/reopening',
    'RequestPeriodReopening',
    schemas.RequestPeriodReopening,
    'Ask to reopen a closed month, with the reason (sales manager or finance)',
  ),
  approveReopening: route(
    '/periods/:id/reopening/approval',
    'ApprovePeriodReopening',
    schemas.ApprovePeriodReopening,
    'Approve the pending reopening: a different person of the other role',
  ),
  list: {
    method: 'GET',
    path: '/periods',
    audience: READERS,
    summary:
      'Each month from `from` to `to` (default: the last twelve months to the current one) with its close status',
    tag: 'periods',
    query: z.object({ from: Month.optional(), to: Month.optional() }).strict(),
    response: PeriodsAnswer,
    status: 200,
  } satisfies RouteSpec,
} as const;
