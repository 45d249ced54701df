import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { readReport, type LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import type { Page } from './paging.js';

/** The projection every list reads. */
export const WORKLISTS = 'worklists';

/** A page of a list with the position its rows were read at and the lag: `{ rows, nextCursor, position, lag }`. */
export type ListResult<T> = ReportResult<T> & { readonly nextCursor: string | null };

/** What every list query takes: the caller's scope, the page size and the sort key after which the page starts. */
export interface ListPaging {
  readonly scope: ReportScope;
  /** 1 to 200. */
  readonly limit: number;
  /** The decoded cursor (see `decodeCursor`), absent for the first page. */
  readonly after?: readonly string[] | undefined;
}

/** Reads a page and the worklists checkpoint in one transaction. */
export function readList<R, T>(
  db: Database.Database,
  lagOf: LagOf,
  read: () => Page<R>,
  toAnswer: (row: R) => T,
): ListResult<T> {
  let nextCursor: string | null = null;
  const result = readReport(db, WORKLISTS, lagOf, () => {
    const page = read();
    nextCursor = page.nextCursor;
    return page.rows.map(toAnswer);
  });
  return { ...result, nextCursor };
}

/** `date` plus `days` calendar days (`YYYY-MM-DD`). */
export function plusDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
