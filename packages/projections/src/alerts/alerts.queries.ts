import type Database from 'better-sqlite3';
import { addDays, type AlertKind, type ComplaintTimeline } from '@salesbook/domain';
import { promiseStatusAsOf } from '../collections/promise-status.js';
import { readJoinedReport } from '../kpi/kpi-report.js';
import { businessDate, startOfBusinessDate } from '../model/business-time.js';
import type { ReportScope } from '../model/report-filter.js';
import type { LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import { prepared } from '../runner/statements.js';
import type {
  SupervisionComplaintRow,
  SupervisionCompensationRow,
  SupervisionOrderRow,
  SupervisionPromiseRow,
  SupervisionWriteOffRow,
} from '../supervision/supervision.tables.js';
import { acknowledgeWarningAt, isoAt, resolveWarningAt } from './alert-rules.js';

/** An alert: what fired when, about which record, and whose it is. `id` is stable: the same alert has the same id on every read. */
export interface Alert {
  readonly id: string;
  readonly kind: AlertKind;
  readonly fires_at: string;
  readonly subject: 'complaint' | 'order' | 'receivable';
  readonly subject_id: string;
  readonly rep_id: string;
  readonly region: string;
  /** The complaint's handler (complaint alerts), else null. */
  readonly handler_id: string | null;
  /** What the alert is about: `acknowledge`/`resolve`, the promise's or promised delivery date, `discount`/`write_off`. */
  readonly detail: string;
}

/** The alerts' window and rules: alerts firing after `since` up to `now` (instants passed in: queries read no clock). */
export interface AlertsFilter {
  readonly since: string;
  readonly now: string;
  readonly zone: string;
  /** How long before an SLA target "about to breach" fires. */
  readonly slaWarningMs: number;
  readonly scope?: ReportScope;
}

const DAY_MS = 86_400_000;
/** Sources of the alerts, for freshness. */
export const ALERTS_SOURCES = ['supervision', 'collections'] as const;

type Window = { readonly since: number; readonly now: number };
const within = (w: Window, at: number | null): at is number => at !== null && at > w.since && at <= w.now;
const notBy = (instant: string | null, at: number): boolean => instant === null || Date.parse(instant) > at;

function complaintAlerts(db: Database.Database, w: Window, warnMs: number): Alert[] {
  // Two indexed reads rather than one OR, which SQLite would answer with a scan.
  const rows = prepared(
    db,
    'SELECT * FROM supervision_complaints WHERE open = 1 UNION SELECT * FROM supervision_complaints WHERE changed_at > ?',
  ).all(isoAt(w.since)) as SupervisionComplaintRow[];
  return rows.flatMap((row) => {
    const timeline = JSON.parse(row.timeline) as ComplaintTimeline;
    const who = {
      subject: 'complaint' as const,
      subject_id: row.complaint_id,
      rep_id: row.owner_rep_id,
      region: row.region,
      handler_id: row.handler_id,
    };
    const fired: Alert[] = [];
    const acknowledge = acknowledgeWarningAt(timeline, warnMs);
    if (within(w, acknowledge))
      fired.push({
        id: `sla_acknowledge_due:${row.complaint_id}`,
        kind: 'sla_acknowledge_due',
        fires_at: isoAt(acknowledge),
        ...who,
        detail: 'acknowledge',
      });
    const resolve = resolveWarningAt(timeline, warnMs, w.since, w.now);
    if (within(w, resolve))
      fired.push({
        id: `sla_resolve_due:${row.complaint_id}`,
        kind: 'sla_resolve_due',
        fires_at: isoAt(resolve),
        ...who,
        detail: 'resolve',
      });
    return fired;
  });
}

/** Days whose next day starts in the window: a promise or delivery dated one of them turns broken or late then. */
const datesBefore = (w: Window, zone: string) => ({
  first: addDays(businessDate(isoAt(w.since), zone), -1),
  last: businessDate(isoAt(w.now), zone),
});

function promiseAlerts(db: Database.Database, w: Window, zone: string): Alert[] {
  const { first, last } = datesBefore(w, zone);
  const promises = prepared(db, 'SELECT * FROM supervision_promises WHERE promise_date BETWEEN ? AND ?').all(
    first,
    last,
  ) as SupervisionPromiseRow[];
  const payments = prepared(
    db,
    'SELECT received_on, amount, reversed_on FROM collection_payments WHERE receivable_id = ?',
  );
  return promises.flatMap((p) => {
    const fires = startOfBusinessDate(addDays(p.promise_date, 1), zone);
    if (!within(w, fires)) return [];
    const paid = payments.all(p.receivable_id) as Array<{
      received_on: string;
      amount: number;
      reversed_on: string | null;
    }>;
    if (
      promiseStatusAsOf({ madeOn: p.made_on, date: p.promise_date, amount: p.amount }, paid, addDays(p.promise_date, 1))
        .status !== 'broken'
    )
      return [];
    return [
      {
        id: `promise_broken:${p.receivable_id}:${p.revision}`,
        kind: 'promise_broken',
        fires_at: isoAt(fires),
        subject: 'receivable',
        subject_id: p.receivable_id,
        rep_id: p.rep_id,
        region: p.region,
        handler_id: null,
        detail: p.promise_date,
      },
    ];
  });
}

function lateOrderAlerts(db: Database.Database, w: Window, zone: string): Alert[] {
  const { first, last } = datesBefore(w, zone);
  const orders = prepared(db, 'SELECT * FROM supervision_orders WHERE promised_date BETWEEN ? AND ?').all(
    first,
    last,
  ) as SupervisionOrderRow[];
  return orders.flatMap((o) => {
    const promised = o.promised_date ?? '';
    const fires = startOfBusinessDate(addDays(promised, 1), zone);
    if (!within(w, fires) || (o.delivered_on !== null && o.delivered_on <= promised) || !notBy(o.cancelled_at, fires))
      return [];
    return [
      {
        id: `order_late:${o.order_id}:${promised}`,
        kind: 'order_late',
        fires_at: isoAt(fires),
        subject: 'order',
        subject_id: o.order_id,
        rep_id: o.rep_id,
        region: o.region,
        handler_id: null,
        detail: promised,
      },
    ];
  });
}

function approvalAlerts(db: Database.Database, w: Window): Alert[] {
  const range = [isoAt(w.since - DAY_MS), isoAt(w.now - DAY_MS)];
  const orders = prepared(
    db,
    'SELECT * FROM supervision_orders WHERE approval_asked_at > ? AND approval_asked_at <= ?',
  ).all(...range) as SupervisionOrderRow[];
  const writeOffs = prepared(
    db,
    'SELECT * FROM supervision_write_offs WHERE requested_at > ? AND requested_at <= ?',
  ).all(...range) as SupervisionWriteOffRow[];
  const discount = orders.flatMap((o): Alert[] => {
    const fires = Date.parse(o.approval_asked_at ?? '') + DAY_MS;
    if (!within(w, fires) || !notBy(o.approved_at, fires) || !notBy(o.cancelled_at, fires)) return [];
    return [
      {
        id: `approval_waiting:order:${o.order_id}:${o.approval_asked_at ?? ''}`,
        kind: 'approval_waiting',
        fires_at: isoAt(fires),
        subject: 'order',
        subject_id: o.order_id,
        rep_id: o.rep_id,
        region: o.region,
        handler_id: null,
        detail: 'discount',
      },
    ];
  });
  const writeOff = writeOffs.flatMap((r): Alert[] => {
    const fires = Date.parse(r.requested_at) + DAY_MS;
    if (!within(w, fires) || !notBy(r.approved_at, fires)) return [];
    return [
      {
        id: `approval_waiting:write_off:${r.receivable_id}:${r.requested_at}`,
        kind: 'approval_waiting',
        fires_at: isoAt(fires),
        subject: 'receivable',
        subject_id: r.receivable_id,
        rep_id: r.rep_id,
        region: r.region,
        handler_id: null,
        detail: 'write_off',
      },
    ];
  });
  const compensations = prepared(
    db,
    'SELECT * FROM supervision_compensations WHERE requested_at > ? AND requested_at <= ?',
  ).all(...range) as SupervisionCompensationRow[];
  const compensation = compensations.flatMap((c): Alert[] => {
    const fires = Date.parse(c.requested_at) + DAY_MS;
    if (!within(w, fires) || !notBy(c.decided_at, fires)) return [];
    return [
      {
        id: `approval_waiting:compensation:${c.complaint_id}:${c.requested_at}`,
        kind: 'approval_waiting',
        fires_at: isoAt(fires),
        subject: 'complaint',
        subject_id: c.complaint_id,
        rep_id: c.rep_id,
        region: c.region,
        handler_id: null,
        detail: 'compensation',
      },
    ];
  });
  return [...discount, ...writeOff, ...compensation];
}

/** A rep sees alerts of their own records and the complaints they handle; a regional manager their region's. */
const inScope = (alert: Alert, scope: ReportScope): boolean =>
  (scope.repId === undefined || alert.rep_id === scope.repId || alert.handler_id === scope.repId) &&
  (scope.region === undefined || alert.region === scope.region);

/**
 * The alerts that fired after `since` up to `now`, oldest first (then by id), as the read models know the records
 * now: a complaint's SLA about to breach (acknowledge or resolve, `slaWarningMs` before the target), a promise to pay
 * broken (at the start of the day after its date), an approval (discount, write-off or compensation) still waiting a day after it
 * was asked, an order not delivered by its promised date (at the start of the next day). Each is judged at the
 * instant it fires, so a later approval or delivery does not take back an alert that fired before it.
 * @example queryAlerts(db, lagOf, { since: '2026-04-01T00:00:00Z', now: '2026-04-02T00:00:00Z', zone: 'Asia/Shanghai', slaWarningMs: 7_200_000 })
 */
export function queryAlerts(db: Database.Database, lagOf: LagOf, filter: AlertsFilter): ReportResult<Alert> {
  const w: Window = { since: Date.parse(filter.since), now: Date.parse(filter.now) };
  if (Number.isNaN(w.since) || Number.isNaN(w.now)) throw new RangeError('since and now must be ISO 8601 instants');
  const result = readJoinedReport(db, ALERTS_SOURCES, lagOf, () => [
    ...complaintAlerts(db, w, filter.slaWarningMs),
    ...promiseAlerts(db, w, filter.zone),
    ...lateOrderAlerts(db, w, filter.zone),
    ...approvalAlerts(db, w),
  ]);
  const rows = result.report
    .filter((alert) => inScope(alert, filter.scope ?? {}))
    .sort((a, b) => (a.fires_at === b.fires_at ? (a.id < b.id ? -1 : 1) : a.fires_at < b.fires_at ? -1 : 1));
  return { rows, position: result.position, lag: result.lag };
}
