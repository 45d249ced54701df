import { ALERT_KINDS, READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import { ALERTS_SOURCES, queryAlerts, type Alert } from '@salesbook/projections';
import { reportAnswer } from './answers/report-answer.js';
import { scopeOf, type ReportDefinition } from './report-definition.js';

const DAY_MS = 86_400_000;
/** The longest window a feed reads back: a poller that was away longer gets the last 31 days. */
const MAX_WINDOW_DAYS = 31;

/** `GET /alerts?since=` (an instant; default 24 hours before now). */
export const AlertsQuery = z
  .object({
    since: z.iso
      .datetime({ offset: false, error: 'must be an ISO 8601 instant in UTC, e.g. 2026-04-01T00:00:00Z' })
      .optional(),
  })
  .strict();
export type AlertsQuery = z.infer<typeof AlertsQuery>;

/** One alert as the feed answers it. */
export const AlertSchema = z.strictObject({
  id: z.string().describe('Stable: the same alert has the same id in every answer and webhook delivery'),
  kind: z.enum(ALERT_KINDS),
  fires_at: z.string(),
  subject: z.enum(['complaint', 'order', 'receivable']),
  subject_id: z.string(),
  rep_id: z.string(),
  region: z.string(),
  handler_id: z.string().nullable(),
  detail: z.string().describe('acknowledge/resolve, the promised date, or discount/write_off'),
}) satisfies z.ZodType<Alert>;

/** The window the feed reads: after `since` (at most 31 days back) up to now. */
const windowOf = (query: AlertsQuery, now: Date) => ({
  since: query.since ?? new Date(now.getTime() - DAY_MS).toISOString(),
  until: now.toISOString(),
});

/** The alert feed: `{ since, until, rows, position, lag, stale }`; poll again with `since` = the last `until`. */
export const alertsReport: ReportDefinition<AlertsQuery, Alert> = {
  route: {
    method: 'GET',
    path: '/alerts',
    audience: READ_ROLES.alerts,
    summary:
      'Alerts fired after `since` (default: the last 24 hours, at most 31 days back) up to now: SLA about to breach, promise broken, approval waiting over a day, order late; a rep sees their own and the complaints they handle, a regional manager their region',
    tag: 'alerts',
    query: AlertsQuery,
    status: 200,
    projection: 'supervision',
    response: reportAnswer(AlertSchema, { since: z.string(), until: z.string() }),
  },
  sources: ALERTS_SOURCES,
  authorize(query, { now }) {
    if (query.since === undefined || Date.parse(query.since) >= now().getTime() - MAX_WINDOW_DAYS * DAY_MS)
      return undefined;
    return {
      kind: 'invalid-input',
      issues: [{ in: 'query', path: ['since'], message: 'must be an instant within the 31 days before now' }],
    };
  },
  // Measured up to now: never reused.
  reusable: () => false,
  run(query, { db, lagOf, actor, zone, now, slaWarningMs }) {
    const { since, until } = windowOf(query, now());
    const result = queryAlerts(db, lagOf, { since, now: until, zone, slaWarningMs, scope: scopeOf(actor) });
    return { ...result, since, until };
  },
};
