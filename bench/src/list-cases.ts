import type Database from 'better-sqlite3';
import {
  decodeCursor,
  listApprovals,
  listComplaints,
  listCustomers,
  listOrders,
  listReceivables,
  queryMyDay,
  type LagOf,
  type ListResult,
  type ReportScope,
} from '@salesbook/projections';
import type { CaseWorld, ReportCase } from './report-cases.js';

/** Rows a page asks for (the figure: p99 for a page of 50). */
const PAGE = 50;

const pick = <T>(list: readonly T[], i: number): T => list[((i % list.length) + list.length) % list.length] as T;

/** A manager, a regional manager and a rep in turn, as the API scopes each role. */
function scopeOf(world: CaseWorld, i: number): ReportScope {
  const rep = pick(world.reps, i * 7);
  return i % 3 === 0 ? {} : i % 3 === 1 ? { region: rep.region } : { repId: rep.repId };
}

type Read<T> = (db: Database.Database, lagOf: LagOf, i: number, after: string[] | undefined) => ListResult<T>;

/**
 * A list walked page by page: call `i` asks for the page after the one the previous call answered, and for a first
 * page again once a walk ends, so deep pages are timed as well as first ones (as a client paging with `nextCursor`).
 */
function walking<T>(name: string, list: string, size: number, read: Read<T>): ReportCase {
  let cursor: string | null = null;
  let walk = 0;
  return {
    name,
    call(db, lagOf, i) {
      if (cursor === null) walk = i;
      const result = read(db, lagOf, walk, cursor === null ? undefined : decodeCursor(list, cursor, size));
      cursor = result.nextCursor;
      return result;
    },
  };
}

/** The work lists as the API calls them, on the last day of the history, with varied filters and scopes. */
export function listCases(world: CaseWorld): ReportCase[] {
  const today = world.days.at(-1) ?? '2026-01-01';
  const now = `${today}T10:00:00.000Z`;
  const page = (i: number) => ({ scope: scopeOf(world, i), limit: PAGE });
  const words = ['hua', 'machinery', 'jin', 'foods co', 'tian', 'c000', 'xin', 'logistics'];
  const orderStatuses = [undefined, 'late', 'awaiting_approval', 'delivered', 'confirmed', 'cancelled'] as const;
  const receivableStatuses = [undefined, 'overdue', 'due_soon', 'promised', 'disputed', 'open', 'settled'] as const;
  return [
    walking('list customers', 'customers', 1, (db, lagOf, i, after) =>
      listCustomers(db, lagOf, { ...page(i), after, ...(i % 2 === 0 ? {} : { q: pick(words, i) }) }),
    ),
    walking('list orders', 'orders', 2, (db, lagOf, i, after) =>
      listOrders(db, lagOf, { ...page(i), after, today, status: pick(orderStatuses, i) }),
    ),
    walking('list receivables', 'receivables', 2, (db, lagOf, i, after) =>
      listReceivables(db, lagOf, { ...page(i), after, today, status: pick(receivableStatuses, i) }),
    ),
    walking('list complaints', 'complaints', 2, (db, lagOf, i, after) =>
      listComplaints(db, lagOf, {
        ...page(i),
        after,
        now,
        ...pick([{ status: 'open' as const }, {}, { breachWithinHours: 48 }], i),
      }),
    ),
    {
      name: 'approvals inbox',
      call: (db, lagOf, i) =>
        listApprovals(db, lagOf, {
          approverId: 'bench',
          region: scopeOf(world, i).region,
          discountLimitBp: i % 2 === 0 ? 10_000 : 2_500,
          limit: PAGE,
        }),
    },
    {
      name: 'my day',
      call: (db, lagOf, i) => ({
        rows: [
          queryMyDay(db, lagOf, {
            today,
            now,
            scope: scopeOf(world, i),
            ...(i % 3 === 2 ? {} : { approver: { id: 'bench', discountLimitBp: 10_000 } }),
          }),
        ],
      }),
    },
  ];
}
