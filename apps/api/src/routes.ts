import { auditRoutes } from './audit/audit.routes.js';
import { complaintRoutes } from './complaints/complaints.routes.js';
import { customerRoutes } from './customers/customers.routes.js';
import type { RouteSpec } from './http/route-spec.js';
import { operationRoutes } from './operations/operations.routes.js';
import { orderRoutes } from './orders/orders.routes.js';
import { receivableRoutes } from './receivables/receivables.routes.js';
import { reportRoutes } from './reports/reports.module.js';
import { targetRoutes } from './targets/targets.routes.js';
import { teamRoutes } from './team/team.routes.js';
import { webhookRoutes } from './webhooks/webhooks.routes.js';

/** The whole route table, in document order: each area's rows. */
export const ROUTES: readonly RouteSpec[] = [customerRoutes, orderRoutes, receivableRoutes, complaintRoutes, targetRoutes, teamRoutes, reportRoutes, webhookRoutes, auditRoutes, operationRoutes].flatMap(
  (table): RouteSpec[] => Object.values(table),
);
