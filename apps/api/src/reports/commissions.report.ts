import { z } from 'zod';
import { ID_PATTERN, READ_ROLES } from '@salesbook/domain';
import {
  COMMISSIONS_SOURCES,
  queryCommissionLines,
  queryCommissionRegions,
  queryCommissionStatements,
  type CommissionRegionRow,
  type CommissionStatementRow,
} from '@salesbook/projections';
import {
  CommissionLineSchema,
  CommissionRegionRowSchema,
  CommissionStatementRowSchema,
  StatementApprovalSchema,
  type CommissionLineAnswer,
} from './answers/commission-rows.js';
import { groupedBy, reportAnswer } from './answers/report-answer.js';
import { ReportMonth, scopeOf, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';

const groupBy = groupedBy(['rep', 'region']);

/** `GET /reports/commissions?month=&groupBy=rep|region&region=&rep=`. */
export const CommissionsQuery = z.object({ month: ReportMonth, groupBy, ...ScopeFilter }).strict();
export type CommissionsQuery = z.infer<typeof CommissionsQuery>;

/** `GET /reports/commissions/lines?rep=&month=`. */
export const CommissionLinesQuery = z
  .object({ month: ReportMonth, rep: z.string().regex(ID_PATTERN, 'must be a rep id') })
  .strict();
export type CommissionLinesQuery = z.infer<typeof CommissionLinesQuery>;

const sources = [...COMMISSIONS_SOURCES];

/**
 * Commission statements of a month: per rep (or summed per region) the base, attainment, tier, commission,
 * clawbacks and total. A rep reads their own, a regional manager their region; a filter outside that is 403. An
 * approved month answers its frozen figures (`frozen`, with who approved them and the position they were read at).
 */
export const commissionsReport: ReportDefinition<CommissionsQuery, CommissionStatementRow | CommissionRegionRow> = {
  route: {
    method: 'GET',
    path: '/reports/commissions',
    audience: READ_ROLES.commissions,
    summary:
      'Commission statements of a month per rep (or region): collected base, attainment, tier, commission, clawbacks, total',
    tag: 'reports',
    query: CommissionsQuery,
    status: 200,
    projection: 'commissions',
    response: reportAnswer(z.union([CommissionStatementRowSchema, CommissionRegionRowSchema]), {
      month: z.string(),
      groupBy,
      frozen: z
        .boolean()
        .describe('The month was approved: the rows are the figures as approved, whatever was recorded after'),
      approval: StatementApprovalSchema.nullable(),
    }),
  },
  sources,
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor }) {
    const filter = { month: query.month, scope: filteredScope(actor, query) };
    const result =
      query.groupBy === 'rep'
        ? queryCommissionStatements(db, lagOf, filter)
        : queryCommissionRegions(db, lagOf, filter);
    return { ...result, month: query.month, groupBy: query.groupBy };
  },
};

/**
 * Every line of a rep's month: each payment, reversal, credit note and write-off with its stream, revision and
 * global position, what it added to the base or took back. Scoped as the statements are.
 */
export const commissionLinesReport: ReportDefinition<CommissionLinesQuery, CommissionLineAnswer> = {
  route: {
    method: 'GET',
    path: '/reports/commissions/lines',
    audience: READ_ROLES.commissions,
    summary: "The lines of a rep's commission statement, each traced to its event (stream, revision, position)",
    tag: 'reports',
    query: CommissionLinesQuery,
    status: 200,
    projection: 'commissions',
    response: reportAnswer(CommissionLineSchema, { month: z.string(), rep: z.string() }),
  },
  sources,
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor }) {
    const region = scopeOf(actor).region;
    const result = queryCommissionLines(db, lagOf, { repId: query.rep, month: query.month });
    const rows = result.rows
      .filter((line) => region === undefined || line.region === region)
      .map((line) => ({ ...line, event_position: null }));
    return { ...result, rows, month: query.month, rep: query.rep };
  },
  // Positions differ between stores (the read model digests alike everywhere), so they are read from the store here.
  async complete(result, store) {
    const rows = await Promise.all(
      result.rows.map(async (line) => ({
        ...line,
        event_position:
          (
            await store.readStream(line.stream_name, { fromRevision: line.revision, maxCount: 1 })
          )[0]?.position.toString() ?? null,
      })),
    );
    return { ...result, rows };
  },
};
