import type { z } from 'zod';
import { commissionStatementCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

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
    tag: 'commissions',
    aggregate: 'commission-statement',
    idField: 'month',
  });

/** The CommissionStatement command routes (stream `statement-<YYYY-MM>`; `:id` is the month): two people, in order. */
export const commissionStatementRoutes = {
  approve: route(
    '/commission-statements/:id/approval',
    'ApproveCommissionStatement',
    schemas.ApproveCommissionStatement,
    "Approve a month's commission statement (sales manager): its figures as they stand now are frozen, with their position",
  ),
  confirm: route(
    '/commission-statements/:id/confirmation',
    'ConfirmCommissionStatement',
    schemas.ConfirmCommissionStatement,
    'Confirm the approved statement (finance, another person than the approver)',
  ),
} as const;
