import { DISCOUNT_LIMIT_BP, type Actor, type Role } from '@salesbook/domain';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import { queryMyDay, WORKLISTS, type MyDay, type MyDaySection, type ProjectionHost } from '@salesbook/projections';
import type { RouteSpec } from '../http/route-spec.js';
import { businessToday } from '../reports/business-clock.js';
import { scopeOf } from '../reports/report-definition.js';
import { MyDayAnswer, type ApprovalAnswerRow } from './worklists.answers.js';
import { APPROVERS, withApproveLink } from './approvals.js';

/** `GET /my-day`: a rep's day, or a manager's for their scope with the approvals waiting. */
export const myDayRoute = {
  method: 'GET',
  path: '/my-day',
  audience: ['sales_manager', 'regional_manager', 'sales_rep'] satisfies readonly Role[],
  summary:
    "Today's work: follow-ups and promises due, deliveries due, late orders, complaints to acknowledge or resolve with their deadlines, profiles due for review, follow-ups of unhappy survey answers; managers also their approvals and the overdue follow-ups of their scope",
  tag: 'lists',
  query: z.object({}).strict(),
  response: MyDayAnswer,
  status: 200,
} satisfies RouteSpec;

/** The answer of `GET /my-day`: the approvals with the link that approves each. */
export type MyDayReply = Omit<MyDay, 'approvals'> & {
  readonly approvals: MyDaySection<ApprovalAnswerRow> | null;
  readonly today: string;
  readonly stale: boolean;
};

/** Reads the day of `actor` at `now` (the register has already vouched for the actor). */
export function myDay(
  db: Database.Database,
  runner: ProjectionHost,
  actor: Actor,
  now: Date,
  settings: { readonly zone: string; readonly followUpBusinessDays: number },
): MyDayReply {
  const { zone, followUpBusinessDays } = settings;
  const today = businessToday(now, zone);
  const manager = APPROVERS.includes(actor.role);
  const approver = manager ? { id: actor.id, discountLimitBp: DISCOUNT_LIMIT_BP[actor.role] } : undefined;
  const day = queryMyDay(db, (name) => runner.freshness(name).lag, {
    today,
    now: now.toISOString(),
    scope: scopeOf(actor),
    approver,
    followUpBusinessDays,
  });
  const approvals =
    day.approvals === null ? null : { ...day.approvals, items: day.approvals.items.map(withApproveLink) };
  return { ...day, approvals, today, stale: runner.freshness(WORKLISTS).stale === true };
}
