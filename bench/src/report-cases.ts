import type Database from 'better-sqlite3';
import * as projections from '@salesbook/projections';
import { shiftDate, shiftMonth, type LagOf, type ReportScope } from '@salesbook/projections';

/** The report queries the cases call (this build's by default; another build's to compare answers). */
export type ReportQueries = Pick<
  typeof projections,
  | 'queryDailySalesReport'
  | 'queryMonthlySalesReport'
  | 'queryRepScorecard'
  | 'querySatisfaction'
  | 'queryComplaints'
  | 'queryAging'
  | 'queryCollectionsSummary'
  | 'queryOverdue'
  | 'queryStaleProfiles'
>;

/** What the cases draw their varied parameters from: the generated history's days, reps and regions. */
export interface CaseWorld {
  /** Business days with booked sales, oldest first. */
  readonly days: readonly string[];
  /** Months with booked sales, oldest first. */
  readonly months: readonly string[];
  /** Reps with the region they own customers in. */
  readonly reps: readonly { readonly repId: string; readonly region: string }[];
  readonly zone: string;
}

/** One report as the API calls it, with the parameters of call `i` (varied: dates, grouping, role scope). */
export interface ReportCase {
  readonly name: string;
  call(db: Database.Database, lagOf: LagOf, i: number): { readonly rows: readonly unknown[] };
}

/** Reads the days, months, reps and regions of the rebuilt read models. */
export function caseWorld(db: Database.Database, zone: string): CaseWorld {
  const days = (
    db.prepare('SELECT DISTINCT business_date FROM daily_sales ORDER BY 1').pluck().all() as string[]
  ).filter((d) => d >= '1900');
  const months = [...new Set(days.map((d) => d.slice(0, 7)))];
  const reps = db
    .prepare(
      'SELECT owner_rep_id AS repId, MIN(region) AS region FROM customer_directory GROUP BY owner_rep_id ORDER BY 1',
    )
    .all() as CaseWorld['reps'];
  if (days.length === 0 || reps.length === 0) throw new Error('the read models hold no sales: nothing to report on');
  return { days, months, reps, zone };
}

const pick = <T>(list: readonly T[], i: number): T => {
  if (list.length === 0) throw new Error('empty list');
  return list[((i % list.length) + list.length) % list.length] as T;
};

/**
 * The role scope of call `i`: as `scopeOf` in apps/api maps roles (a manager sees everything, a regional manager
 * a region, a rep their own rows), in turn, so each report is timed over all three.
 */
function scopeOf(world: CaseWorld, i: number): ReportScope {
  const rep = pick(world.reps, i * 7);
  return i % 3 === 0 ? {} : i % 3 === 1 ? { region: rep.region } : { repId: rep.repId };
}

/** The last millisecond of a business date in Asia/Shanghai (UTC+8, no DST), as the API's `periodAsOf` gives it. */
const endOfDay = (date: string, zone: string): string => {
  if (zone !== 'Asia/Shanghai') throw new Error('the bench dates complaints in Asia/Shanghai only');
  return new Date(Date.parse(`${shiftDate(date, 1)}T00:00:00+08:00`) - 1).toISOString();
};

/** Recent days weigh more (most reports ask about the current period), but every day of the history is asked. */
const dayOf = (world: CaseWorld, i: number): string =>
  i % 2 === 0 ? pick(world.days, world.days.length - 1 - (i % 30)) : pick(world.days, i * 13);
const monthOf = (world: CaseWorld, i: number): string =>
  pick(world.months, world.months.length - 1 - (i % world.months.length));

/** Every report of docs/reports.md with the parameters the API's report definitions pass (see apps/api/src/reports). */
export function reportCases(world: CaseWorld, q: ReportQueries = projections): ReportCase[] {
  const sales = ['rep', 'region', 'segment'] as const;
  const collections = ['rep', 'region', 'customer', 'none'] as const;
  const satisfaction = [undefined, 'region', 'rep', 'segment', 'period', 'surveyPeriod'] as const;
  const complaints = [undefined, 'category', 'severity', 'channel', 'region', 'rep'] as const;
  return [
    {
      name: 'sales daily',
      call: (db, lagOf, i) =>
        q.queryDailySalesReport(db, lagOf, {
          date: dayOf(world, i),
          groupBy: i % 2 === 0 ? 'rep' : 'region',
          scope: scopeOf(world, i),
          zone: world.zone,
        }),
    },
    {
      name: 'sales monthly',
      call: (db, lagOf, i) =>
        q.queryMonthlySalesReport(db, lagOf, {
          month: monthOf(world, i),
          groupBy: pick(sales, i),
          scope: scopeOf(world, i),
        }),
    },
    {
      name: 'rep scorecard',
      call: (db, lagOf, i) => {
        const rep = pick(world.reps, i * 11);
        const scope = i % 3 === 0 ? {} : i % 3 === 1 ? { region: rep.region } : { repId: rep.repId };
        return q.queryRepScorecard(db, lagOf, { repId: rep.repId, month: monthOf(world, i), scope });
      },
    },
    {
      name: 'satisfaction',
      call: (db, lagOf, i) => {
        // A quarter of months ending at a recent month, or one month.
        const to = monthOf(world, i);
        const from = i % 2 === 0 ? shiftMonth(to, -2) : to;
        const groupBy = pick(satisfaction, i);
        return q.querySatisfaction(db, lagOf, {
          from,
          to,
          ...(groupBy === undefined ? {} : { groupBy }),
          scope: scopeOf(world, i),
        });
      },
    },
    {
      name: 'complaints',
      call: (db, lagOf, i) => {
        const to = monthOf(world, i);
        const from = i % 2 === 0 ? shiftMonth(to, -2) : to;
        const last = world.days.filter((d) => d.startsWith(to)).at(-1) ?? `${to}-28`;
        const groupBy = pick(complaints, i);
        return q.queryComplaints(db, lagOf, {
          from,
          to,
          asOf: endOfDay(last, world.zone),
          ...(groupBy === undefined ? {} : { groupBy }),
          scope: scopeOf(world, i),
        });
      },
    },
    {
      name: 'collections aging',
      call: (db, lagOf, i) =>
        q.queryAging(db, lagOf, { asOf: dayOf(world, i), groupBy: pick(collections, i), scope: scopeOf(world, i) }),
    },
    {
      name: 'collections summary',
      call: (db, lagOf, i) =>
        q.queryCollectionsSummary(db, lagOf, {
          month: monthOf(world, i),
          groupBy: pick(collections, i),
          scope: scopeOf(world, i),
        }),
    },
    {
      name: 'collections overdue',
      call: (db, lagOf, i) => q.queryOverdue(db, lagOf, { asOf: dayOf(world, i), scope: scopeOf(world, i) }),
    },
    {
      name: 'stale profiles',
      call: (db, lagOf, i) =>
        q.queryStaleProfiles(db, lagOf, {
          asOf: dayOf(world, i),
          months: pick([3, 6, 12], i),
          scope: scopeOf(world, i),
        }),
    },
  ];
}
