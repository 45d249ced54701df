import { z } from 'zod';
import { IsoDateTime, type Role } from '@salesbook/domain';
import type { RouteSpec } from '../http/route-spec.js';

const AUDITORS: readonly Role[] = ['auditor', 'sales_manager', 'system'];

const StreamParams = z.object({
  stream: z.string().regex(/^(customer|order|receivable|complaint|target)-[A-Za-z0-9][A-Za-z0-9._-]{0,80}$/, 'must be a stream name such as order-42'),
});

const count = (name: string, min: number, max: number) =>
  z.coerce.number({ message: `${name} must be a number` }).int(`${name} must be a whole number`).min(min).max(max).optional();

/** Query of a stream's history: from a revision, at most `maxCount` events. */
export const HistoryQuery = z.object({ fromRevision: count('fromRevision', 0, Number.MAX_SAFE_INTEGER), maxCount: count('maxCount', 1, 1_000) }).strict();
export type HistoryQuery = z.infer<typeof HistoryQuery>;

/** Query of an aggregate's state: `asOf` a revision (an integer) or a time (ISO 8601 UTC). */
export const StateQuery = z.object({ asOf: z.union([z.string().regex(/^\d{1,15}$/), IsoDateTime], { message: 'asOf must be a revision or an ISO 8601 UTC time' }).optional() }).strict();
export type StateQuery = z.infer<typeof StateQuery>;

/** The audit routes: history with metadata, and state as of a time or revision (personal data masked). */
export const auditRoutes = {
  history: { method: 'GET', path: '/audit/streams/:stream/events', audience: AUDITORS, summary: "A stream's history with metadata", tag: 'audit', params: StreamParams, query: HistoryQuery, status: 200 },
  state: { method: 'GET', path: '/audit/streams/:stream/state', audience: AUDITORS, summary: "An aggregate's state as of a time or revision", tag: 'audit', params: StreamParams, query: StateQuery, status: 200 },
} as const satisfies Record<string, RouteSpec>;
