import type Database from 'better-sqlite3';
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
 * No pipeline and no submitted forecasts yet: the pipeline read models are not on this branch, so the report shows
 * 0 for them (and `null` by segment). TODO(issue 24): read `opportunity_history` and `forecast_submissions`.
 */
export const noPlanSources: PlanSources = {
  projections: [],
  pipeline: () => [],
  submitted: (_db, query) => (query.groupBy === 'segment' ? null : []),
};
