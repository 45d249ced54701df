import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { prepared } from '../runner/statements.js';
import type { SatisfactionAnswerRow } from './satisfaction-answers.tables.js';

/** Business days a follow-up is given when nothing is configured: call back within 2 business days. */
export const DEFAULT_FOLLOW_UP_BUSINESS_DAYS = 2;

const weekday = (date: string): number => new Date(`${date}T00:00:00Z`).getUTCDay();
const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** `date` plus `days` business days (Monday to Friday; public holidays are not known to the library). */
export function addBusinessDays(date: string, days: number): string {
  let current = date;
  for (let left = days; left > 0;) {
    current = nextDay(current);
    if (weekday(current) !== 0 && weekday(current) !== 6) left -= 1;
  }
  return current;
}

const previousDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * The first opening date whose follow-up is not yet overdue on `today`: a follow-up opened before it is due before
 * `today` (due dates only grow with the opening date, so one date splits open follow-ups into overdue and not).
 */
export function overdueBefore(today: string, businessDays: number): string {
  let first = today;
  while (addBusinessDays(previousDay(first), businessDays) >= today) first = previousDay(first);
  return first;
}

/** An open follow-up of an unhappy answer, as a work list shows it. */
export interface DetractorFollowUpItem {
  readonly customerId: string;
  readonly surveyId: string;
  readonly ownerRepId: string;
  readonly region: string;
  readonly nps: number;
  readonly csat: number;
  readonly openedAt: string;
  readonly dueOn: string;
  readonly overdue: boolean;
}

/** Whose follow-ups, as of which business date, given how many business days; `overdueOnly` for a manager's inbox. */
export interface FollowUpListFilter {
  readonly scope: ReportScope;
  readonly today: string;
  readonly businessDays: number;
  readonly overdueOnly: boolean;
  readonly limit: number;
}

const item = (row: SatisfactionAnswerRow, filter: FollowUpListFilter): DetractorFollowUpItem => {
  const dueOn = addBusinessDays(row.opened_on ?? row.responded_on, filter.businessDays);
  return {
    customerId: row.customer_id,
    surveyId: row.survey_id,
    ownerRepId: row.owner_rep_id,
    region: row.owner_region,
    nps: row.nps,
    csat: row.csat,
    openedAt: row.opened_at ?? row.responded_at,
    dueOn,
    overdue: dueOn < filter.today,
  };
};

/**
 * Open follow-ups in the scope (the current owner's, a region's or all), oldest first. Overdue ones are the oldest,
 * so for a manager's inbox the overdue ones are a prefix of this order: `limit` + 1 rows say whether there are more.
 */
export function listDetractorFollowUps(
  db: Database.Database,
  filter: FollowUpListFilter,
): { readonly items: DetractorFollowUpItem[]; readonly more: boolean } {
  const { repId, region } = filter.scope;
  const scope =
    repId !== undefined ? 'AND owner_rep_id = @repId' : region !== undefined ? 'AND owner_region = @region' : '';
  const sql = `SELECT * FROM satisfaction_answers WHERE follow_up = 'open' ${scope} ORDER BY opened_on, opened_at, customer_id, survey_id LIMIT @limit + 0`;
  const rows = prepared(db, sql).all({
    limit: filter.limit + 1,
    ...(repId === undefined ? {} : { repId }),
    ...(region === undefined ? {} : { region }),
  }) as SatisfactionAnswerRow[];
  const items = rows.map((row) => item(row, filter)).filter((entry) => !filter.overdueOnly || entry.overdue);
  return { items: items.slice(0, filter.limit), more: items.length > filter.limit };
}
