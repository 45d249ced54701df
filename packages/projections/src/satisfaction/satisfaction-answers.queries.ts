import type Database from 'better-sqlite3';
import { businessDateRange, type ReportScope } from '../model/report-filter.js';
import { readReport, type LagOf } from '../runner/report.js';
import type { ReportResult } from '../runner/status.js';
import { Conditions, readPage } from '../worklists/paging.js';
import type { SatisfactionAnswerRow } from './satisfaction-answers.tables.js';
import type { FollowUpsDue } from './closed-loop.queries.js';
import { overdueBefore } from './follow-ups.queries.js';
import { SATISFACTION_ITEMS, type SatisfactionItem } from './satisfaction.projection.js';

/** The list name of drill-down cursors (a cursor of another list is refused). */
export const SATISFACTION_ANSWER_LIST = 'satisfaction-answers';

/** NPS bands: promoters 9-10, passives 7-8, detractors 0-6. */
export const NPS_BANDS = ['promoters', 'passives', 'detractors'] as const;
/** CSAT bands: satisfied 4-5 (the CSAT share's numerator), not satisfied 1-3. */
export const CSAT_BANDS = ['satisfied', 'not_satisfied'] as const;
/** Closed-loop figures: follow-ups opened, closed, closed with the customer recovered, still open, overdue today. */
export const FOLLOW_UP_FIGURES = ['opened', 'closed', 'recovered', 'open', 'overdue'] as const;

const NPS_SQL: Readonly<Record<(typeof NPS_BANDS)[number], string>> = {
  promoters: 'nps >= 9',
  passives: 'nps BETWEEN 7 AND 8',
  detractors: 'nps <= 6',
};
const CSAT_SQL: Readonly<Record<(typeof CSAT_BANDS)[number], string>> = {
  satisfied: 'csat >= 4',
  not_satisfied: 'csat <= 3',
};
const FOLLOW_UP_SQL: Readonly<Record<(typeof FOLLOW_UP_FIGURES)[number], string>> = {
  opened: "follow_up <> 'none'",
  closed: "follow_up = 'closed'",
  recovered: 'recovered = 1',
  open: "follow_up = 'open'",
  overdue: "follow_up = 'open' AND COALESCE(opened_on, responded_on) < @overdueBefore",
};

/** The answers behind a satisfaction figure: the figure's own filters, which part of it, and a page. */
export interface SatisfactionAnswerFilter {
  /** First and last business date or month of the responses, as the satisfaction report takes them. */
  readonly from: string;
  readonly to: string;
  readonly scope: ReportScope;
  readonly segment?: string;
  readonly surveyPeriod?: string;
  readonly campaignId?: string;
  readonly nps?: (typeof NPS_BANDS)[number];
  readonly csat?: (typeof CSAT_BANDS)[number];
  readonly followUp?: (typeof FOLLOW_UP_FIGURES)[number];
  /** The day and business days `followUp: 'overdue'` is judged by; without them no follow-up is overdue. */
  readonly followUpsDue?: FollowUpsDue;
  /** With `score`: answers that gave this item that score (1-5). */
  readonly item?: SatisfactionItem;
  readonly score?: number;
  readonly limit: number;
  /** The sort key (responded_on, customer_id, survey_id) after which the page starts. */
  readonly after?: readonly string[] | undefined;
}

/** One answer behind a figure; business facts only (the comment is read from the event by whoever may). */
export type SatisfactionAnswerItem = Omit<SatisfactionAnswerRow, 'owner_rep_id' | 'owner_region' | 'opened_on'>;

/** The first opening date not yet overdue, for the overdue part only (`null` matches nothing without a day). */
const followUpParams = ({ followUp, followUpsDue: due }: SatisfactionAnswerFilter) =>
  followUp !== 'overdue'
    ? {}
    : { overdueBefore: due === undefined ? null : overdueBefore(due.today, due.businessDays) };

const conditionsOf = (filter: SatisfactionAnswerFilter): Conditions => {
  const range = businessDateRange(filter.from, filter.to);
  const after = filter.after;
  const item = filter.item !== undefined && SATISFACTION_ITEMS.includes(filter.item) ? filter.item : undefined;
  return new Conditions()
    .add('responded_on BETWEEN @from AND @to', { from: range.from, to: range.to })
    .add('rep_id = @repId', { repId: filter.scope.repId })
    .add('region = @region', { region: filter.scope.region })
    .add('segment = @segment', { segment: filter.segment })
    .add('survey_period = @surveyPeriod', { surveyPeriod: filter.surveyPeriod })
    .add('campaign_id = @campaignId', { campaignId: filter.campaignId })
    .add(NPS_SQL[filter.nps ?? 'promoters'], {}, filter.nps !== undefined)
    .add(CSAT_SQL[filter.csat ?? 'satisfied'], {}, filter.csat !== undefined)
    .add(FOLLOW_UP_SQL[filter.followUp ?? 'opened'], followUpParams(filter), filter.followUp !== undefined)
    .add(`${item ?? 'price'} = @score`, { score: filter.score }, item !== undefined && filter.score !== undefined)
    .add(
      '(responded_on, customer_id, survey_id) > (@afterOn, @afterCustomer, @afterSurvey)',
      { afterOn: after?.[0], afterCustomer: after?.[1], afterSurvey: after?.[2] },
      after !== undefined,
    );
};

/**
 * The answers behind a satisfaction figure (docs/reports.md, drill-down), oldest response first, a page at a time:
 * the same business dates, scope (the owner rep and region at the time of the answer), segment, survey period and
 * campaign as the figure, narrowed to the part of it asked for (an NPS or CSAT band, a closed-loop figure, an item
 * score).
 */
export function querySatisfactionAnswers(
  db: Database.Database,
  lagOf: LagOf,
  filter: SatisfactionAnswerFilter,
): ReportResult<SatisfactionAnswerItem> & { readonly nextCursor: string | null } {
  const where = conditionsOf(filter);
  let nextCursor: string | null = null;
  const result = readReport(db, 'satisfaction', lagOf, () => {
    const page = readPage<SatisfactionAnswerRow>(db, {
      list: SATISFACTION_ANSWER_LIST,
      sql: `SELECT * FROM satisfaction_answers ${where.sql} ORDER BY responded_on, customer_id, survey_id`,
      params: where.params,
      limit: filter.limit,
      keyOf: (row) => [row.responded_on, row.customer_id, row.survey_id],
    });
    nextCursor = page.nextCursor;
    return page.rows.map(({ owner_rep_id: _rep, owner_region: _region, opened_on: _on, ...row }) => row);
  });
  return { ...result, nextCursor };
}
