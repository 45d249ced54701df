import { z } from 'zod';
import { READ_ROLES } from '@salesbook/domain';
import { queryPromotions, type PromotionRow } from '@salesbook/projections';
import { ReportDate, scopeOf, type ReportDefinition } from './report-definition.js';
import { reportAnswer } from './answers/report-answer.js';
import { PromotionRowSchema, type PromotionAnswerRow } from './answers/pricing-rows.js';

/** `GET /promotions?on=&status=` */
export const PromotionsQuery = z
  .object({ on: ReportDate.optional(), status: z.enum(['draft', 'approved', 'withdrawn']).optional() })
  .strict();
export type PromotionsQuery = z.infer<typeof PromotionsQuery>;

const list = z.array(z.string());

/** A stored row as answered: the JSON lists parsed, the scoping column dropped. */
const answerRow = ({
  region: _region,
  skus,
  categories,
  segments,
  regions,
  ...row
}: PromotionRow): PromotionAnswerRow => ({
  ...row,
  status: z.enum(['draft', 'approved', 'withdrawn']).parse(row.status),
  benefit: z.enum(['percent_off', 'fixed_price']).parse(row.benefit),
  skus: list.parse(JSON.parse(skus)),
  categories: list.parse(JSON.parse(categories)),
  segments: list.parse(JSON.parse(segments)),
  regions: list.parse(JSON.parse(regions)),
});

/** Promotions in the reader's scope: company-wide ones for everyone, a regional one for its region's people (and the company-wide roles). */
export const promotionsReport: ReportDefinition<PromotionsQuery, PromotionAnswerRow> = {
  route: {
    method: 'GET',
    path: '/promotions',
    audience: READ_ROLES.reports,
    summary: 'Promotions (drafts, approved, withdrawn) by start date; `on` keeps those running that day',
    tag: 'promotions',
    query: PromotionsQuery,
    status: 200,
    projection: 'promotions',
    response: reportAnswer(PromotionRowSchema, { on: z.string().nullable() }),
  },
  run(query, { db, lagOf, actor }) {
    const filter = {
      scope: scopeOf(actor),
      ...(actor.role === 'sales_rep' && actor.region !== undefined ? { repRegion: actor.region } : {}),
      ...(query.on === undefined ? {} : { on: query.on }),
      ...(query.status === undefined ? {} : { status: query.status }),
    };
    const result = queryPromotions(db, lagOf, filter);
    return { ...result, rows: result.rows.map(answerRow), on: query.on ?? null };
  },
};
