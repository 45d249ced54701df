import type Database from 'better-sqlite3';
import { sumMinor } from '@salesbook/domain';
import { submittedForecastsAsOf } from '../forecasts/submitted-forecasts.queries.js';
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
 * The plan figures on main: the submitted forecasts; no pipeline yet (its read models have not landed), so 0.
 * TODO(issue 24): the weighted pipeline from `opportunity_history` as it stood at `asOf`.
 */
export const salesPlanSources: PlanSources = {
  projections: ['submitted_forecasts'],
  pipeline: () => [],
  submitted: submittedFigures,
};
