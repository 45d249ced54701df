import type Database from 'better-sqlite3';
import type { ComplaintTimeline } from '@salesbook/domain';
import { businessDateRange, type ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { readReport, type LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  COMPLAINT_SEVERITIES,
  complaintFigures,
  type ComplaintFact,
  type ComplaintFigures,
} from './complaint-figures.js';
import type { ComplaintClosing, ComplaintFactsRow } from './complaints.projection.js';
import { prepared } from '../runner/statements.js';

/** What a complaints report groups by; `rep` is the customer's owner rep at filing, `region` the customer's region then. */
export type ComplaintsGroupBy = 'category' | 'severity' | 'channel' | 'region' | 'rep';

/** Filters of the complaints report. */
export interface ComplaintsFilter {
  /** First business date (`YYYY-MM-DD`) or month (`YYYY-MM`) complaints were filed on, inclusive. */
  readonly from: string;
  /** Last business date or month of filing, inclusive. */
  readonly to: string;
  /**
   * The instant (ISO 8601) breaches, times and reopens are computed at: the caller passes the end of the
   * period or now, whichever is earlier (queries never read the clock).
   */
  readonly asOf: string;
  /** Without it, one group (`group: null`) covers every complaint, also when there are none. */
  readonly groupBy?: ComplaintsGroupBy;
  readonly scope?: ReportScope;
}

/** The figures of one group; `group` is the value of the grouping dimension (`null` when not grouped). */
export interface ComplaintsGroup extends ComplaintFigures {
  readonly group: string | null;
}

const COLUMN: Readonly<Record<ComplaintsGroupBy, keyof ComplaintFactsRow>> = {
  category: 'category',
  severity: 'severity',
  channel: 'channel',
  region: 'region',
  rep: 'owner_rep_id',
};

/** Dimensions whose every value is listed, with zeros, so a chart keeps its shape. */
const KNOWN_VALUES: Partial<Record<ComplaintsGroupBy, readonly string[]>> = {
  category: COMPLAINT_CATEGORIES,
  severity: COMPLAINT_SEVERITIES,
  channel: COMPLAINT_CHANNELS,
};

const toFact = (row: ComplaintFactsRow): ComplaintFact => ({
  category: row.category,
  severity: row.severity,
  channel: row.channel,
  timeline: JSON.parse(row.timeline) as ComplaintTimeline,
  closings: JSON.parse(row.closings) as ComplaintClosing[],
});

function groups(
  rows: readonly ComplaintFactsRow[],
  groupBy: ComplaintsGroupBy | undefined,
  asOf: string,
): ComplaintsGroup[] {
  if (groupBy === undefined) return [{ group: null, ...complaintFigures(rows.map(toFact), asOf) }];
  const column = COLUMN[groupBy];
  const byValue = new Map<string, ComplaintFactsRow[]>((KNOWN_VALUES[groupBy] ?? []).map((value) => [value, []]));
  for (const row of rows) {
    const value = String(row[column]);
    byValue.set(value, [...(byValue.get(value) ?? []), row]);
  }
  const known = KNOWN_VALUES[groupBy];
  const keys =
    known === undefined
      ? [...byValue.keys()].sort()
      : [...known, ...[...byValue.keys()].filter((k) => !known.includes(k)).sort()];
  return keys.map((group) => ({ group, ...complaintFigures((byValue.get(group) ?? []).map(toFact), asOf) }));
}

/**
 * The complaints report (docs/reports.md) of the complaints filed between two business dates, as of
 * `asOf`: counts by category, severity and channel, mean and p90 (nearest rank) time to acknowledge and to
 * resolve, SLA breach rates, reopen rate and handling satisfaction, per group. Complaints filed after
 * `asOf` are left out.
 */
export function queryComplaints(
  db: Database.Database,
  lagOf: LagOf,
  filter: ComplaintsFilter,
): ReportResult<ComplaintsGroup> {
  if (Number.isNaN(Date.parse(filter.asOf))) throw new RangeError(`asOf "${filter.asOf}" is not an ISO 8601 instant`);
  const range = businessDateRange(filter.from, filter.to);
  return readReport(db, 'complaints', lagOf, () => {
    const rows = prepared(
      db,
      `SELECT * FROM complaint_facts
         WHERE filed_on BETWEEN @from AND @to AND ${scopeCondition({ rep: 'owner_rep_id', region: 'region' })}
         ORDER BY complaint_id`,
    ).all({
      ...range,
      ...scopeParams(filter.scope),
    }) as ComplaintFactsRow[];
    return groups(rows, filter.groupBy, filter.asOf);
  });
}
