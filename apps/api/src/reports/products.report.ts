import { z } from 'zod';
import { Currency, READ_ROLES, type Actor } from '@salesbook/domain';
import { queryProducts, type ProductListRow } from '@salesbook/projections';
import { businessToday } from './business-clock.js';
import { ReportDate, type ReportDefinition } from './report-definition.js';
import { reportAnswer } from './answers/report-answer.js';
import { ProductListRowSchema } from './answers/pricing-rows.js';

/** `GET /products?currency=&asOf=&category=&status=` (asOf defaults to today in the business zone). */
export const ProductsQuery = z
  .object({
    currency: Currency,
    asOf: ReportDate.optional(),
    category: z.string().trim().min(1).max(100).optional(),
    status: z.enum(['active', 'inactive']).optional(),
  })
  .strict();
export type ProductsQuery = z.infer<typeof ProductsQuery>;

/** Reps sell at list prices and never see what a product costs the company. */
const showsCost = (actor: Actor): boolean => actor.role !== 'sales_rep';

const withoutCost = (row: ProductListRow): ProductListRow => ({
  ...row,
  standard_cost: null,
  cost_effective_from: null,
});

/** The product catalogue with each product's standard cost in force on `asOf` in `currency`: `{ asOf, currency, rows, ... }`. */
export const productsReport: ReportDefinition<ProductsQuery, ProductListRow> = {
  route: {
    method: 'GET',
    path: '/products',
    audience: READ_ROLES.reports,
    summary:
      'The product catalogue, each product with its standard cost in force on a date (default today) in a currency; no costs for reps',
    tag: 'products',
    query: ProductsQuery,
    status: 200,
    projection: 'products',
    response: reportAnswer(ProductListRowSchema, { asOf: z.string(), currency: z.string() }),
  },
  run(query, { db, lagOf, actor, zone, now }) {
    const asOf = query.asOf ?? businessToday(now(), zone);
    const filter = {
      asOf,
      currency: query.currency,
      ...(query.category === undefined ? {} : { category: query.category }),
      ...(query.status === undefined ? {} : { status: query.status }),
    };
    const result = queryProducts(db, lagOf, filter);
    return {
      ...result,
      rows: showsCost(actor) ? result.rows : result.rows.map(withoutCost),
      asOf,
      currency: query.currency,
    };
  },
};
