import { z } from 'zod';
import { Currency, READ_ROLES } from '@salesbook/domain';
import { queryPriceLists, type PriceListListRow } from '@salesbook/projections';
import { ReportDate, scopeOf, type ReportDefinition } from './report-definition.js';
import { reportAnswer } from './answers/report-answer.js';
import { PriceListRowSchema } from './answers/pricing-rows.js';

/** `GET /price-lists?currency=&on=` (both optional: every list, or those in a currency valid on a date). */
export const PriceListsQuery = z.object({ currency: Currency.optional(), on: ReportDate.optional() }).strict();
export type PriceListsQuery = z.infer<typeof PriceListsQuery>;

/**
 * The price lists a reader may see: every default and segment list; region lists of every region (sales manager,
 * analysts, auditors), of their region (regional manager, rep); customer lists of the customers in their scope.
 */
export const priceListsReport: ReportDefinition<PriceListsQuery, PriceListListRow> = {
  route: {
    method: 'GET',
    path: '/price-lists',
    audience: READ_ROLES.reports,
    summary:
      'Price lists in your scope (a rep: the default, segment and own region lists and those of their own customers), with how many skus each prices',
    tag: 'price lists',
    query: PriceListsQuery,
    status: 200,
    projection: 'price_lists',
    response: reportAnswer(PriceListRowSchema, { currency: z.string().nullable(), on: z.string().nullable() }),
  },
  sources: ['price_lists', 'customer_directory'],
  run(query, { db, lagOf, actor }) {
    const scope = scopeOf(actor);
    const filter = {
      scope,
      ...(actor.role === 'sales_rep' && actor.region !== undefined ? { repRegion: actor.region } : {}),
      ...(query.currency === undefined ? {} : { currency: query.currency }),
      ...(query.on === undefined ? {} : { on: query.on }),
    };
    return { ...queryPriceLists(db, lagOf, filter), currency: query.currency ?? null, on: query.on ?? null };
  },
};
