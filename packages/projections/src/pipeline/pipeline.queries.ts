import type Database from 'better-sqlite3';
import type { ReportScope } from '../model/report-filter.js';
import { scopeCondition, scopeParams } from '../model/scope-sql.js';
import { readReport, type LagOf } from '../runner/report.js';
import { prepared } from '../runner/statements.js';
import type { ReportResult } from '../runner/status.js';
import type { OpportunityHistoryRow, OpportunityRow, QuotationRow } from './pipeline.tables.js';

/** Filters of the opportunity list. */
export interface OpportunityFilter {
  readonly scope?: ReportScope;
  /** `open` (qualified, proposal, negotiation), `won` or `lost`. */
  readonly status?: 'open' | 'won' | 'lost';
  readonly customerId?: string;
}

/** Opportunities in the scope (a rep their own, a regional manager their region's), by expected close month and id. */
export function queryOpportunities(
  db: Database.Database,
  lagOf: LagOf,
  filter: OpportunityFilter,
): ReportResult<OpportunityRow> {
  return readReport(
    db,
    'pipeline',
    lagOf,
    () =>
      prepared(
        db,
        `SELECT * FROM opportunities
       WHERE ${scopeCondition()} AND (@customerId IS NULL OR customer_id = @customerId)
         AND (@status IS NULL OR (@status = 'open' AND stage IN ('qualified', 'proposal', 'negotiation')) OR stage = @status)
       ORDER BY expected_close_month, opportunity_id`,
      ).all({
        ...scopeParams(filter.scope),
        customerId: filter.customerId ?? null,
        status: filter.status ?? null,
      }) as OpportunityRow[],
  );
}

/** Filters of the quotation list. */
export interface QuotationFilter {
  readonly scope?: ReportScope;
  readonly opportunityId?: string;
  readonly customerId?: string;
  /** `sent` (not accepted) or `accepted`. */
  readonly status?: 'sent' | 'accepted';
}

/** Quotations in the scope (a rep those of their opportunities, a regional manager their region's), by validity and id. */
export function queryQuotations(
  db: Database.Database,
  lagOf: LagOf,
  filter: QuotationFilter,
): ReportResult<QuotationRow> {
  return readReport(
    db,
    'pipeline',
    lagOf,
    () =>
      prepared(
        db,
        `SELECT * FROM quotations
       WHERE ${scopeCondition()}
         AND (@opportunityId IS NULL OR opportunity_id = @opportunityId) AND (@customerId IS NULL OR customer_id = @customerId)
         AND (@status IS NULL OR status = @status)
       ORDER BY valid_until, quotation_id`,
      ).all({
        ...scopeParams(filter.scope),
        opportunityId: filter.opportunityId ?? null,
        customerId: filter.customerId ?? null,
        status: filter.status ?? null,
      }) as QuotationRow[],
  );
}

/** Which part of the pipeline as it stood at the end of `asOf`: a role scope and a range of expected close months. */
export interface PipelineAsOfFilter {
  readonly asOf: string;
  readonly scope?: ReportScope;
  readonly fromMonth?: string;
  readonly toMonth?: string;
}

/**
 * The open opportunities as they stood at the end of business date `asOf`: per opportunity its latest change on or
 * before `asOf` (the highest revision), kept when its stage then was open and its expected close month is in range.
 */
export function pipelineAsOf(db: Database.Database, filter: PipelineAsOfFilter): readonly OpportunityHistoryRow[] {
  const { asOf, scope } = filter;
  return prepared(
    db,
    `WITH latest AS (SELECT opportunity_id, MAX(revision) AS revision FROM opportunity_history WHERE changed_on <= @asOf GROUP BY opportunity_id)
     SELECT h.* FROM opportunity_history h JOIN latest l ON h.opportunity_id = l.opportunity_id AND h.revision = l.revision
     WHERE h.stage IN ('qualified', 'proposal', 'negotiation')
       AND ${scopeCondition({ rep: 'h.rep_id', region: 'h.region' })}
       AND (@fromMonth IS NULL OR h.expected_close_month >= @fromMonth) AND (@toMonth IS NULL OR h.expected_close_month <= @toMonth)
     ORDER BY h.expected_close_month, h.opportunity_id`,
  ).all({
    asOf,
    ...scopeParams(scope),
    fromMonth: filter.fromMonth ?? null,
    toMonth: filter.toMonth ?? null,
  }) as OpportunityHistoryRow[];
}

/** How the pipeline report groups: by rep, region, segment, stage, expected close month or customer. */
export type PipelineGroupBy = 'rep' | 'region' | 'segment' | 'stage' | 'month' | 'customer';

/** One group of the pipeline in one currency: how many open opportunities, their amount and weighted amount. */
export type PipelineReportRow = {
  readonly group: string;
  readonly currency: string;
  readonly opportunities: number;
  readonly amount: number;
  readonly weighted: number;
};

const KEY: Readonly<Record<PipelineGroupBy, (row: OpportunityHistoryRow) => string>> = {
  rep: (row) => row.rep_id,
  region: (row) => row.region,
  segment: (row) => row.segment,
  stage: (row) => row.stage,
  month: (row) => row.expected_close_month,
  customer: (row) => row.customer_id,
};

/** The pipeline as it stood at the end of `asOf`, summed per group and currency (sorted by group, then currency). */
export function queryPipeline(
  db: Database.Database,
  lagOf: LagOf,
  filter: PipelineAsOfFilter & { readonly groupBy: PipelineGroupBy },
): ReportResult<PipelineReportRow> {
  return readReport(db, 'pipeline', lagOf, () => {
    const groups = new Map<
      string,
      { group: string; currency: string; opportunities: number; amount: number; weighted: number }
    >();
    for (const row of pipelineAsOf(db, filter)) {
      const group = KEY[filter.groupBy](row);
      const key = `${group}\u0000${row.currency}`;
      const sum = groups.get(key) ?? { group, currency: row.currency, opportunities: 0, amount: 0, weighted: 0 };
      groups.set(key, {
        ...sum,
        opportunities: sum.opportunities + 1,
        amount: sum.amount + row.amount,
        weighted: sum.weighted + row.weighted,
      });
    }
    return [...groups.values()].sort((a, b) =>
      a.group === b.group ? a.currency.localeCompare(b.currency) : a.group < b.group ? -1 : 1,
    );
  });
}
