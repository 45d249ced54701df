import type Database from 'better-sqlite3';
import { sumMinor } from '@salesbook/domain';
import { submittedForecastsAsOf } from '../forecasts/submitted-forecasts.queries.js';
import { pipelineAsOf } from '../pipeline/pipeline.queries.js';
import type { ReportScope } from '../model/report-filter.js';

/** What the forecast report groups by. */
export type ForecastGroupBy = 'rep' | 'region' | 'segment';

/** One group's figure for one month and currency (minor units). */
export interface PlanFigure {
  readonly group: string;
  readonly month: string;
  readonly currency: string;
  readonly amount: number;
}

/** A rep's submitted forecast of a month as the report counts it (the manager's adjustment where there is one). */
export interface SubmittedFigure {
  readonly group: string;
  readonly month: string;
  readonly currency: string;
  readonly commit: number;
  readonly bestCase: number;
}

/** What the plan sources are asked: the forecast as it stood at the end of `asOf`, for months `fromMonth`-`toMonth`. */
export interface PlanQuery {
  readonly asOf: string;
  readonly fromMonth: string;
  readonly toMonth: string;
  readonly groupBy: ForecastGroupBy;
  readonly scope: ReportScope;
}

/**
 * The figures of the forecast report that the pipeline and the submitted forecasts provide (issue 24, steps 1-2,
 * another read model): the weighted pipeline of open opportunities by expected close month, and the reps' commit and
 * best case. Kept behind this port so the report does not depend on how they are stored.
 */
export interface PlanSources {
  /** The projections the figures are read from (for the answer's freshness). */
  readonly projections: readonly string[];
  pipeline(db: Database.Database, query: PlanQuery): readonly PlanFigure[];
  /** `null` where the figures cannot be split by the group (reps' forecasts by segment). */
  submitted(db: Database.Database, query: PlanQuery): readonly SubmittedFigure[] | null;
}

/**
 * The reps' submitted forecasts as they stood at the end of `asOf`, summed per rep or region: a regional manager's
 * adjustment counts where there is one (it is the region's view), else the rep's own numbers. By segment: `null`.
 */
export function submittedFigures(db: Database.Database, query: PlanQuery): readonly SubmittedFigure[] | null {
  if (query.groupBy === 'segment') return null;
  const sums = new Map<string, SubmittedFigure>();
  for (const row of submittedForecastsAsOf(db, {
    asOf: query.asOf,
    fromMonth: query.fromMonth,
    toMonth: query.toMonth,
    scope: query.scope,
  })) {
    const group = query.groupBy === 'rep' ? row.rep_id : row.region;
    const key = JSON.stringify([group, row.month, row.currency]);
    const before = sums.get(key) ?? { group, month: row.month, currency: row.currency, commit: 0, bestCase: 0 };
    sums.set(key, {
      ...before,
      commit: sumMinor([before.commit, row.adjusted_commit ?? row.commit_amount]),
      bestCase: sumMinor([before.bestCase, row.adjusted_best_case ?? row.best_case_amount]),
    });
  }
  return [...sums.values()];
}

/**
 * The weighted pipeline as it stood at the end of `asOf` (the opportunity history keeps every change with its business
 * date): the opportunities then open, summed per group, expected close month and currency. A month already past at
 * `asOf` cannot appear: the report asks from the month of `asOf` on.
 */
export function pipelineFigures(db: Database.Database, query: PlanQuery): readonly PlanFigure[] {
  const sums = new Map<string, PlanFigure>();
  for (const row of pipelineAsOf(db, query)) {
    const group = query.groupBy === 'rep' ? row.rep_id : query.groupBy === 'region' ? row.region : row.segment;
    const key = JSON.stringify([group, row.expected_close_month, row.currency]);
    const before = sums.get(key) ?? { group, month: row.expected_close_month, currency: row.currency, amount: 0 };
    sums.set(key, { ...before, amount: sumMinor([before.amount, row.weighted]) });
  }
  return [...sums.values()];
}

/** The plan figures: the weighted pipeline from the opportunity history and the submitted forecasts. */
export const salesPlanSources: PlanSources = {
  projections: ['pipeline', 'submitted_forecasts'],
  pipeline: pipelineFigures,
  submitted: submittedFigures,
};
