import { z } from 'zod';
import { domainError, READ_ROLES, type Actor } from '@salesbook/domain';
import {
  competitionById,
  competitionRows,
  queryRankings,
  rankedMonths,
  RANKINGS_SOURCES,
  readReport,
  type CompetitionRow,
  type LeagueTableRow,
} from '@salesbook/projections';
import { IdParams } from '../commands/command-route.js';
import type { ApiFailure } from '../http/failures.js';
import { LeagueTableRowSchema } from '../reports/answers/ranking-rows.js';
import { reportAnswer } from '../reports/answers/report-answer.js';
import { businessToday } from '../reports/business-clock.js';
import type { ReportContext, ReportDefinition } from '../reports/report-definition.js';

/** A competition as listed: its terms, and `cancelled` with the reason when it was called off. */
export const CompetitionSchema = z.strictObject({
  competition_id: z.string(),
  name: z.string(),
  period: z.string(),
  metric: z.enum(['attainment', 'collected', 'collectionRate', 'csat']),
  scope: z.string().describe('all, or the region whose reps compete'),
  prize: z.string(),
  starts_on: z.string(),
  ends_on: z.string(),
  created_by: z.string(),
  created_at: z.string(),
  cancelled_at: z.string().nullable(),
  cancel_reason: z.string().nullable(),
}) satisfies z.ZodType<CompetitionRow>;

/** The region a rep or a regional manager competes in; `undefined` for every other reader (they see all). */
const regionOf = (actor: Actor): string | undefined =>
  actor.role === 'sales_rep' || actor.role === 'regional_manager' ? (actor.region ?? '') : undefined;

const idOf = (context: ReportContext): string => (context.params as z.infer<typeof IdParams>).id;

/** `GET /competitions`: a rep and a regional manager see their region's and the company-wide ones, the others all. */
export const competitionsListReport: ReportDefinition<Record<string, never>, CompetitionRow> = {
  route: {
    method: 'GET',
    path: '/competitions',
    audience: READ_ROLES.reports,
    summary:
      'Sales competitions, latest start first (a rep or regional manager: their region’s and the company-wide ones)',
    tag: 'competitions',
    query: z.object({}).strict(),
    status: 200,
    projection: 'competitions',
    response: reportAnswer(CompetitionSchema, {}),
  },
  run(_query, { db, actor, lagOf }) {
    return { ...readReport(db, 'competitions', lagOf, () => competitionRows(db, regionOf(actor))) };
  },
};

/** The competition asked for, or why it is not answered: unknown (404) or another region's (403). */
function competitionFor(context: ReportContext): CompetitionRow | ApiFailure {
  const row = competitionById(context.db, idOf(context));
  if (row === undefined)
    return {
      kind: 'domain',
      error: domainError('COMPETITION_NOT_FOUND', `competition ${idOf(context)} does not exist`),
    };
  const region = regionOf(context.actor);
  if (region !== undefined && row.scope !== 'all' && row.scope !== region)
    return {
      kind: 'forbidden',
      code: 'COMPETITION_NOT_AUTHORIZED',
      message: "a rep or regional manager reads the standings of their region's and company-wide competitions",
    };
  return row;
}

const isRow = (value: CompetitionRow | ApiFailure): value is CompetitionRow => 'competition_id' in value;

/**
 * `GET /competitions/:id/standings`: the league table of the competition's metric, period and scope, up to the current
 * month. Everyone who competes sees the whole standings (a company-wide competition's too); a cancelled one has none.
 */
export const competitionStandingsReport: ReportDefinition<Record<string, never>, LeagueTableRow> = {
  route: {
    method: 'GET',
    path: '/competitions/:id/standings',
    audience: READ_ROLES.reports,
    summary: "A competition's standings: the league table of its metric, period and scope so far, ties stated",
    tag: 'competitions',
    params: IdParams,
    query: z.object({}).strict(),
    status: 200,
    projection: 'competitions',
    response: reportAnswer(LeagueTableRowSchema, {
      competition: CompetitionSchema,
      months: z.array(z.string()).describe('The months counted so far'),
    }),
  },
  sources: [...RANKINGS_SOURCES, 'competitions'],
  authorize(_query, context) {
    const found = competitionFor(context);
    return isRow(found) ? undefined : found;
  },
  run(_query, context) {
    const found = competitionFor(context);
    if (!isRow(found)) throw new Error('standings ran for a competition authorize refused');
    const filter = {
      period: found.period,
      metric: found.metric,
      throughMonth: businessToday(context.now(), context.zone).slice(0, 7),
      ...(found.scope === 'all' ? {} : { region: found.scope }),
    };
    const result = queryRankings(context.db, context.lagOf, filter);
    const cancelled = found.cancelled_at !== null;
    return {
      ...result,
      rows: cancelled ? [] : result.rows,
      competition: found,
      months: cancelled ? [] : rankedMonths(filter),
    };
  },
};
