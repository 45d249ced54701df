import { READ_ROLES } from '@salesbook/domain';
import type { RouteSpec } from '../http/route-spec.js';

/** Probes and projection status. */
export const operationRoutes = {
  health: { method: 'GET', path: '/health', audience: 'public', summary: 'Liveness: the process answers', tag: 'operations', status: 200 },
  ready: { method: 'GET', path: '/ready', audience: 'public', summary: 'Readiness: the store answers and no projection is stalled or lagging (else 503)', tag: 'operations', status: 200 },
  projections: {
    method: 'GET',
    path: '/projections/status',
    audience: READ_ROLES.projectionStatus,
    summary: 'Each projection: checkpoint, head, lag, parked events, state',
    tag: 'operations',
    status: 200,
  },
} as const satisfies Record<string, RouteSpec>;
