import { READ_ROLES } from '@salesbook/domain';
import type { RouteSpec } from '../http/route-spec.js';
import { HealthAnswer, ProjectionsStatusAnswer } from './operations.answers.js';

/** Probes and projection status. */
export const operationRoutes = {
  health: {
    method: 'GET',
    path: '/health',
    audience: 'public',
    summary:
      'Liveness: the process answers and no subscription has been down longer than SALESBOOK_MAX_DOWN_MS (else 503)',
    tag: 'operations',
    response: HealthAnswer,
    status: 200,
  },
  ready: {
    method: 'GET',
    path: '/ready',
    audience: 'public',
    summary:
      'Readiness: the store answers, no projection is stalled, lagging or resubscribing, and the policy is subscribed (else 503, with the reasons)',
    tag: 'operations',
    response: HealthAnswer,
    status: 200,
  },
  projections: {
    method: 'GET',
    path: '/projections/status',
    audience: READ_ROLES.projectionStatus,
    summary: 'Each projection: checkpoint, head, lag, parked events, state',
    tag: 'operations',
    response: ProjectionsStatusAnswer,
    status: 200,
  },
} as const satisfies Record<string, RouteSpec>;
