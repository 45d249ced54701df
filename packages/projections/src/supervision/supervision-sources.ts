import type Database from 'better-sqlite3';
import { addDays, slaStatus, type ComplaintTimeline } from '@salesbook/domain';
import { readOverdue } from '../collections/overdue.queries.js';
import { promiseStatusAsOf } from '../collections/promise-status.js';
import { addMonths } from '../customers/stale-profiles.queries.js';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { prepared } from '../runner/statements.js';

/** Who a figure is attributed to: a rep and a region. */
export interface Attributed {
  readonly rep_id: string;
  readonly region: string;
}

/** What one source counts for one record, tagged with the record's attribution. */
export type Counted<K extends string> = Attributed & { readonly counts: Readonly<Partial<Record<K, number>>> };

/** The period a supervision report reads: the month's first day, the day it is as of (D) and that day's end or now. */
export interface SupervisionPeriod {
  readonly first: string;
  readonly asOf: string;
  readonly asOfInstant: string;
  readonly scope: ReportScope;
}

const one = (flag: boolean): number => (flag ? 1 : 0);

/** Receivables overdue at the end of D, and whether a follow-up was logged in the 7 days D-6..D. */
export function overdueFollowUps(db: Database.Database, p: SupervisionPeriod): Counted<'overdue' | 'followed_up'>[] {
  const since = addDays(p.asOf, -6);
  return readOverdue(db, { asOf: p.asOf, scope: p.scope }).map((r) => ({
    rep_id: r.rep_id,
    region: r.region,
    counts: { overdue: 1, followed_up: one(r.last_follow_up !== null && r.last_follow_up.on >= since) },
  }));
}

/** Promises to pay whose date falls between the month's first day and D, kept or broken at D (open ones count neither). */
export function promisesDue(
  db: Database.Database,
  p: SupervisionPeriod,
): Counted<'promises_due' | 'kept' | 'broken'>[] {
  const promises = prepared(
    db,
    `SELECT receivable_id, rep_id, region, made_on, promise_date, amount FROM supervision_promises
    WHERE promise_date BETWEEN @first AND @asOf AND ${scopeCondition()}`,
  ).all({ first: p.first, asOf: p.asOf, ...scopeParams(p.scope) }) as Array<
    Attributed & { receivable_id: string; made_on: string; promise_date: string; amount: number }
  >;
  const payments = prepared(
    db,
    'SELECT received_on, amount, reversed_on FROM collection_payments WHERE receivable_id = ?',
  );
  return promises.map((row) => {
    const paid = payments.all(row.receivable_id) as Array<{
      received_on: string;
      amount: number;
      reversed_on: string | null;
    }>;
    const status = promiseStatusAsOf(
      { madeOn: row.made_on, date: row.promise_date, amount: row.amount },
      paid,
      p.asOf,
    ).status;
    return {
      rep_id: row.rep_id,
      region: row.region,
      counts: { promises_due: 1, kept: one(status === 'kept'), broken: one(status === 'broken') },
    };
  });
}

/** Complaints filed in the month (owner rep and region at filing), acknowledged and resolved within their SLA targets as of the period's end. */
export function complaintsWithinSla(
  db: Database.Database,
  p: SupervisionPeriod,
): Counted<'complaints' | 'acknowledged' | 'resolved'>[] {
  const rows = prepared(
    db,
    `SELECT owner_rep_id AS rep_id, region, timeline FROM complaint_facts
    WHERE filed_on BETWEEN @first AND @asOf AND ${scopeCondition({ rep: 'owner_rep_id', region: 'region' })}`,
  ).all({ first: p.first, asOf: p.asOf, ...scopeParams(p.scope) }) as Array<Attributed & { timeline: string }>;
  return rows.map((row) => {
    const sla = slaStatus(JSON.parse(row.timeline) as ComplaintTimeline, p.asOfInstant);
    const counts = {
      complaints: 1,
      acknowledged: one(sla.acknowledged && !sla.acknowledgeBreached),
      resolved: one(sla.resolved && !sla.resolveBreached),
    };
    return { rep_id: row.rep_id, region: row.region, counts };
  });
}

/** Customers active at D (current owner rep and region) and whether their profile was reviewed in the 12 months up to D. */
export function profilesReviewed(db: Database.Database, p: SupervisionPeriod): Counted<'customers' | 'reviewed'>[] {
  const rows = prepared(
    db,
    `SELECT d.owner_rep_id AS rep_id, d.region, MAX(r.reviewed_on) AS last_reviewed_on
    FROM customer_directory d JOIN customer_profile_reviews r ON r.customer_id = d.customer_id AND r.reviewed_on <= @asOf
    WHERE d.registered_on <= @asOf AND (d.deactivated_on IS NULL OR d.deactivated_on > @asOf)
      AND ${scopeCondition({ rep: 'd.owner_rep_id', region: 'd.region' })}
    GROUP BY d.customer_id`,
  ).all({ asOf: p.asOf, ...scopeParams(p.scope) }) as Array<Attributed & { last_reviewed_on: string }>;
  return rows.map((row) => ({
    rep_id: row.rep_id,
    region: row.region,
    counts: { customers: 1, reviewed: one(addMonths(row.last_reviewed_on, 12) > p.asOf) },
  }));
}

/** Deliveries dated between the month's first day and D, on or before the promised date in force. */
export function deliveriesOnTime(db: Database.Database, p: SupervisionPeriod): Counted<'deliveries' | 'on_time'>[] {
  const rows = prepared(
    db,
    `SELECT rep_id, region, SUM(deliveries_on_time) AS on_time, SUM(deliveries_late) AS late FROM fulfilment_daily
    WHERE business_date BETWEEN @first AND @asOf AND ${scopeCondition()}
    GROUP BY rep_id, region`,
  ).all({ first: p.first, asOf: p.asOf, ...scopeParams(p.scope) }) as Array<
    Attributed & { on_time: number; late: number }
  >;
  return rows.map((row) => ({
    rep_id: row.rep_id,
    region: row.region,
    counts: { deliveries: row.on_time + row.late, on_time: row.on_time },
  }));
}

/** Orders placed between the month's first day and D, and those whose discount needed a manager's approval. */
export function discountApprovals(
  db: Database.Database,
  p: SupervisionPeriod,
): Counted<'orders' | 'needing_approval'>[] {
  const rows = prepared(
    db,
    `SELECT rep_id, region, COUNT(*) AS orders, SUM(approval_required) AS needing FROM supervision_orders
    WHERE placed_on BETWEEN @first AND @asOf AND ${scopeCondition()}
    GROUP BY rep_id, region`,
  ).all({ first: p.first, asOf: p.asOf, ...scopeParams(p.scope) }) as Array<
    Attributed & { orders: number; needing: number }
  >;
  return rows.map((row) => ({
    rep_id: row.rep_id,
    region: row.region,
    counts: { orders: row.orders, needing_approval: row.needing },
  }));
}
