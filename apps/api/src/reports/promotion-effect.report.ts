import type Database from 'better-sqlite3';
import { z } from 'zod';
import { domainError, ID_PATTERN, READ_ROLES, type Actor } from '@salesbook/domain';
import {
  effectOf,
  promotionStatisticalBaseline,
  queryPromotionEffect,
  statisticalEffectOf,
  type PromotionWindowRow,
} from '@salesbook/projections';
import type { ApiFailure } from '../http/failures.js';
import { scopeOf, type ReportContext, type ReportDefinition } from './report-definition.js';
import { reportAnswer } from './answers/report-answer.js';
import {
  PromotionEffectSchema,
  PromotionWindowRowSchema,
  StatisticalBaselineSchema,
  StatisticalEffectSchema,
} from './answers/price-report-rows.js';

/** `GET /reports/promotions/:promotionId/effectiveness` takes no query. */
export const PromotionEffectQuery = z.object({}).strict();
export type PromotionEffectQuery = z.infer<typeof PromotionEffectQuery>;
/** The path of the route. */
export const PromotionEffectParams = z.object({ promotionId: z.string().regex(ID_PATTERN, 'must be a promotion id') });

const promotionIdOf = (context: ReportContext): string =>
  (context.params as z.infer<typeof PromotionEffectParams>).promotionId;

/** A regional promotion is its region's: others get the same 404 as for a promotion that does not exist. */
function unseen(db: Database.Database, actor: Actor, promotionId: string): ApiFailure | undefined {
  const row = db.prepare('SELECT region FROM promotions WHERE promotion_id = ?').get(promotionId) as
    { region: string } | undefined;
  const region = scopeOf(actor).region ?? (actor.role === 'sales_rep' ? actor.region : undefined);
  if (row !== undefined && (row.region === '' || region === undefined || row.region === region)) return undefined;
  return {
    kind: 'domain',
    error: domainError('PROMOTION_NOT_FOUND', `promotion ${promotionId} does not exist`, { promotionId }),
  };
}

/**
 * A promotion's effect: `{ promotionId, name, currency, rows: [during, baseline], effect, statisticalBaseline,
 * statisticalEffect, position, lag, stale }`. The windows count the covered lines of the orders the reader may see (a
 * rep their own, a regional manager their region's); the baseline is the same number of days just before the
 * promotion; the statistical baseline the forecast of its period from the whole months before it (`null` without any).
 */
export const promotionEffectReport: ReportDefinition<PromotionEffectQuery, PromotionWindowRow> = {
  route: {
    method: 'GET',
    path: '/reports/promotions/:promotionId/effectiveness',
    audience: READ_ROLES.reports,
    summary:
      "A promotion's effect: units, booked sales and margin of the lines it covers during its period against the same number of days just before it and against the statistical forecast of its period, and the discount it cost",
    tag: 'reports',
    params: PromotionEffectParams,
    query: PromotionEffectQuery,
    status: 200,
    projection: 'sales_monthly',
    response: reportAnswer(PromotionWindowRowSchema, {
      promotionId: z.string(),
      name: z.string(),
      currency: z.string(),
      effect: PromotionEffectSchema,
      statisticalBaseline: StatisticalBaselineSchema.nullable(),
      statisticalEffect: StatisticalEffectSchema.nullable(),
    }),
  },
  sources: ['sales_monthly', 'products', 'promotions'],
  authorize: (_query, context) => unseen(context.db, context.actor, promotionIdOf(context)),
  run(_query, { db, lagOf, actor, params }) {
    const { promotionId } = params as z.infer<typeof PromotionEffectParams>;
    const result = queryPromotionEffect(db, lagOf, promotionId, scopeOf(actor));
    const promotion = db.prepare('SELECT name, currency FROM promotions WHERE promotion_id = ?').get(promotionId) as {
      name: string;
      currency: string;
    };
    const [during, baseline] = result.rows;
    if (during === undefined || baseline === undefined) throw new Error(`promotion ${promotionId} has no windows`);
    const statistical = promotionStatisticalBaseline(db, promotionId, scopeOf(actor));
    return {
      ...result,
      promotionId,
      name: promotion.name,
      currency: promotion.currency,
      effect: effectOf(during, baseline),
      statisticalBaseline: statistical,
      statisticalEffect: statistical === null ? null : statisticalEffectOf(during, statistical),
    };
  },
};
