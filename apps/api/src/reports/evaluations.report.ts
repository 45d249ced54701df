import { z } from 'zod';
import { ID_PATTERN, Quarter, READ_ROLES, type Actor } from '@salesbook/domain';
import { queryEvaluations, type EvaluationFilter, type EvaluationRow } from '@salesbook/projections';
import { scopeOf, type ReportContext, type ReportDefinition } from './report-definition.js';
import { refuseForeignFilter } from './report-filters.js';
import { reportAnswer } from './answers/report-answer.js';
import { EvaluationAnswerRow } from './answers/evaluation-rows.js';

const RepId = z.string().regex(ID_PATTERN, 'must be a rep id');

/** `GET /evaluations?rep=&year=` */
export const EvaluationsQuery = z
  .object({
    rep: RepId.optional(),
    year: z
      .string()
      .regex(/^\d{4}$/, 'must be a year YYYY')
      .optional(),
  })
  .strict();
export type EvaluationsQuery = z.infer<typeof EvaluationsQuery>;
/** The path of one evaluation: `/evaluations/:rep/:quarter`. */
export const EvaluationParams = z.object({ rep: RepId, quarter: Quarter });
type EvaluationParams = z.infer<typeof EvaluationParams>;

/** A stored row as answered: the JSON lists and the snapshot parsed. */
const answerRow = ({
  actions,
  outcomes,
  snapshot,
  snapshot_position,
  status,
  ...row
}: EvaluationRow): EvaluationAnswerRow =>
  EvaluationAnswerRow.parse({
    ...row,
    status,
    actions: JSON.parse(actions),
    outcomes: JSON.parse(outcomes),
    snapshot: { scorecards: JSON.parse(snapshot), position: snapshot_position },
  });

/** The reader's scope (a rep their own, a regional manager their region's reps) and the asked filters. */
const run = (actor: Actor, context: ReportContext, filter: EvaluationFilter) => {
  const result = queryEvaluations(context.db, context.lagOf, { ...filter, scope: scopeOf(actor) });
  return { ...result, rows: result.rows.map(answerRow) };
};

/** The evaluation history: every evaluation in the reader's scope, newest quarter first; a rep asking for another rep is refused. */
export const evaluationsReport: ReportDefinition<EvaluationsQuery, EvaluationAnswerRow> = {
  route: {
    method: 'GET',
    path: '/evaluations',
    audience: READ_ROLES.evaluations,
    summary:
      "Quarterly evaluations, newest first: a rep their own, a regional manager their region's reps; `rep` and `year` narrow",
    tag: 'evaluations',
    query: EvaluationsQuery,
    status: 200,
    projection: 'evaluations',
    response: reportAnswer(EvaluationAnswerRow, { rep: z.string().nullable(), year: z.string().nullable() }),
  },
  authorize: (query, { actor }) => refuseForeignFilter({ rep: query.rep }, actor),
  run(query, context) {
    const filter = {
      ...(query.rep === undefined ? {} : { repId: query.rep }),
      ...(query.year === undefined ? {} : { year: query.year }),
    };
    return { ...run(context.actor, context, filter), rep: query.rep ?? null, year: query.year ?? null };
  },
};

/** One evaluation: zero or one row (none outside the reader's scope or before it was opened). */
export const evaluationReport: ReportDefinition<Record<string, never>, EvaluationAnswerRow> = {
  route: {
    method: 'GET',
    path: '/evaluations/:rep/:quarter',
    audience: READ_ROLES.evaluations,
    summary:
      "A rep's evaluation of a quarter, with the scorecards it froze: zero rows when it was not opened or is outside your scope",
    tag: 'evaluations',
    params: EvaluationParams,
    query: z.object({}).strict(),
    status: 200,
    projection: 'evaluations',
    response: reportAnswer(EvaluationAnswerRow, { rep: z.string(), quarter: z.string() }),
  },
  authorize: (_query, context) => refuseForeignFilter({ rep: (context.params as EvaluationParams).rep }, context.actor),
  run(_query, context) {
    const { rep, quarter } = context.params as EvaluationParams;
    return { ...run(context.actor, context, { repId: rep, quarter }), rep, quarter };
  },
};
