import { z } from 'zod';
import { ID_PATTERN, READ_ROLES, type Actor } from '@salesbook/domain';
import {
  queryRankings,
  rankedMonths,
  RANKING_PERIOD,
  RANKINGS_SOURCES,
  type LeagueTableRow,
} from '@salesbook/projections';
import type { ApiFailure } from '../http/failures.js';
import { LeagueTableRowSchema } from './answers/ranking-rows.js';
import { reportAnswer } from './answers/report-answer.js';
import type { ReportDefinition } from './report-definition.js';
import { businessToday } from './business-clock.js';

/** The metrics a league table ranks by. */
export const RankingMetricSchema = z.enum(['attainment', 'collected', 'collectionRate', 'csat']);
/** A month `YYYY-MM`, a quarter `YYYY-Qn` or a year `YYYY`. */
export const RankingPeriod = z
  .string()
  .regex(RANKING_PERIOD, 'must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY');
/** `all`, or one region's id. */
export const RankingScope = z.union([z.literal('all'), z.string().regex(ID_PATTERN, 'must be all or a region id')]);

/** `GET /reports/rankings?period=&metric=&scope=`. */
export const RankingsQuery = z
  .object({ period: RankingPeriod, metric: RankingMetricSchema, scope: RankingScope.optional() })
  .strict();
export type RankingsQuery = z.infer<typeof RankingsQuery>;

/** Reps and regional managers see their own region's table; the other readers any region or all. */
const limitedToRegion = (actor: Actor): boolean => actor.role === 'sales_rep' || actor.role === 'regional_manager';

/** The scope a query asks for, defaulting to the caller's region (reps, regional managers) or `all`. */
export function rankingScope(actor: Actor, asked: string | undefined): string {
  return asked ?? (limitedToRegion(actor) && actor.region !== undefined ? actor.region : 'all');
}

/** A scope outside the caller's region is refused (403 `FILTER_NOT_AUTHORIZED`), as the report filters are. */
export function refuseForeignScope(actor: Actor, scope: string): ApiFailure | undefined {
  if (!limitedToRegion(actor) || scope === actor.region) return undefined;
  return {
    kind: 'forbidden',
    code: 'FILTER_NOT_AUTHORIZED',
    message: "a sales rep or regional manager may read their own region's league table only",
  };
}

/**
 * A league table: every rep of the scope with a figure in the period, ranked by the metric (ties share the rank).
 * A rep reads their whole region's table, colleagues' figures included: a sales team's league table is shared.
 */
export const rankingsReport: ReportDefinition<RankingsQuery, LeagueTableRow> = {
  route: {
    method: 'GET',
    path: '/reports/rankings',
    audience: READ_ROLES.reports,
    summary:
      'League table of reps for a month, quarter or year by attainment, collected sales, collection rate or CSAT, ties stated',
    tag: 'reports',
    query: RankingsQuery,
    status: 200,
    projection: 'sales_monthly',
    response: reportAnswer(LeagueTableRowSchema, {
      period: z.string(),
      metric: RankingMetricSchema,
      scope: z.string(),
      months: z.array(z.string()).describe('The months counted: those of the period up to the current business month'),
    }),
  },
  sources: RANKINGS_SOURCES,
  authorize: (query, { actor }) => refuseForeignScope(actor, rankingScope(actor, query.scope)),
  run(query, { db, lagOf, actor, now, zone }) {
    const scope = rankingScope(actor, query.scope);
    const filter = {
      period: query.period,
      metric: query.metric,
      throughMonth: businessToday(now(), zone).slice(0, 7),
      ...(scope === 'all' ? {} : { region: scope }),
    };
    const result = queryRankings(db, lagOf, filter);
    return { ...result, period: query.period, metric: query.metric, scope, months: rankedMonths(filter) };
  },
};
