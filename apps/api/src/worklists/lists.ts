import { READ_ROLES } from '@salesbook/domain';
import { z } from 'zod';
import {
  COMPLAINT_LIST,
  COMPLAINT_LIST_STATUSES,
  CUSTOMER_LIST,
  listComplaints,
  listCustomers,
  listOrders,
  listReceivables,
  ORDER_LIST,
  ORDER_LIST_STATUSES,
  RECEIVABLE_LIST,
  RECEIVABLE_LIST_STATUSES,
  WORKLISTS,
  type ComplaintListRow,
  type CustomerListRow,
  type OrderListRow,
  type ReceivableListRow,
} from '@salesbook/projections';
import type { Audience } from '../http/route-spec.js';
import { businessToday } from '../reports/business-clock.js';
import { ReportDate, scopeOf, type ReportDefinition } from '../reports/report-definition.js';
import { filteredScope, refuseForeignFilter } from '../reports/report-filters.js';
import { afterCursor, idFilter, paging } from './list-query.js';
import {
  ComplaintListRowSchema,
  CustomerListRowSchema,
  listAnswer,
  OrderListRowSchema,
  ReceivableListRowSchema,
} from './worklists.answers.js';

const route = (path: string, audience: Audience, summary: string, query: z.ZodType, response: z.ZodType) =>
  ({
    method: 'GET',
    path,
    audience,
    summary,
    tag: 'lists',
    query,
    response,
    status: 200,
    projection: WORKLISTS,
  }) as const;

/** `GET /customers?q=&region=&segment=&owner=&active=&limit=&cursor=`. */
export const CustomerListQuery = z
  .object({
    q: z.string().trim().min(1, 'q must not be empty').max(100).optional(),
    region: idFilter('region'),
    segment: z.string().min(1).max(50).optional(),
    owner: idFilter('rep'),
    active: z
      .enum(['true', 'false'])
      .transform((value) => value === 'true')
      .optional(),
    ...paging(CUSTOMER_LIST, 1),
  })
  .strict();
export type CustomerListQuery = z.infer<typeof CustomerListQuery>;

/** Customers in id order; `q` finds by company name (its start or any word's) or id. */
export const customerList: ReportDefinition<CustomerListQuery, CustomerListRow> = {
  route: route(
    '/customers',
    READ_ROLES.reports,
    "Customers in the caller's scope, searched by company name or id (prefix and word match), in id order, a page at a time",
    CustomerListQuery,
    listAnswer(CustomerListRowSchema, {}),
  ),
  authorize: (query, { actor }) => refuseForeignFilter({ rep: query.owner, region: query.region }, actor),
  run(query, { db, lagOf, actor }) {
    const { limit, cursor, ...filter } = query;
    return {
      ...listCustomers(db, lagOf, {
        ...filter,
        scope: scopeOf(actor),
        limit,
        after: afterCursor(CUSTOMER_LIST, cursor, 1),
      }),
    };
  },
};

/** `GET /orders?status=&rep=&region=&customer=&from=&to=&limit=&cursor=`. */
export const OrderListQuery = z
  .object({
    status: z.enum(ORDER_LIST_STATUSES).optional(),
    rep: idFilter('rep'),
    region: idFilter('region'),
    customer: idFilter('customer'),
    from: ReportDate.optional(),
    to: ReportDate.optional(),
    ...paging(ORDER_LIST, 2),
  })
  .strict();
export type OrderListQuery = z.infer<typeof OrderListQuery>;

/** Orders newest placed first; `late` is past the promised date and not delivered. */
export const orderList: ReportDefinition<OrderListQuery, OrderListRow> = {
  route: route(
    '/orders',
    READ_ROLES.reports,
    "Orders in the caller's scope by status (or late), rep, region, customer and placing date, newest first, a page at a time",
    OrderListQuery,
    listAnswer(OrderListRowSchema, { today: z.string() }),
  ),
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor, zone, now }) {
    const { limit, cursor, ...filter } = query;
    const today = businessToday(now(), zone);
    return {
      ...listOrders(db, lagOf, {
        ...filter,
        today,
        scope: filteredScope(actor, {}),
        limit,
        after: afterCursor(ORDER_LIST, cursor, 2),
      }),
      today,
    };
  },
};

/** `GET /receivables?status=&dueWithinDays=&rep=&region=&customer=&limit=&cursor=`. */
export const ReceivableListQuery = z
  .object({
    status: z.enum(RECEIVABLE_LIST_STATUSES).optional(),
    dueWithinDays: z.coerce.number().int().min(0).max(366).optional(),
    rep: idFilter('rep'),
    region: idFilter('region'),
    customer: idFilter('customer'),
    ...paging(RECEIVABLE_LIST, 2),
  })
  .strict();
export type ReceivableListQuery = z.infer<typeof ReceivableListQuery>;

/** Receivables by the collection plan: earliest installment owing first. */
export const receivableList: ReportDefinition<ReceivableListQuery, ReceivableListRow> = {
  route: route(
    '/receivables',
    READ_ROLES.collections,
    "Receivables in the caller's scope by status (open, due_soon, overdue, disputed, promised, settled, written_off), earliest due first, with the last follow-up and whether reminders are paused",
    ReceivableListQuery,
    listAnswer(ReceivableListRowSchema, { today: z.string() }),
  ),
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor, zone, now }) {
    const { limit, cursor, ...filter } = query;
    const today = businessToday(now(), zone);
    return {
      ...listReceivables(db, lagOf, {
        ...filter,
        today,
        scope: filteredScope(actor, {}),
        limit,
        after: afterCursor(RECEIVABLE_LIST, cursor, 2),
      }),
      today,
    };
  },
};

/** `GET /complaints?status=&handler=&customer=&breachWithinHours=&limit=&cursor=`. */
export const ComplaintListQuery = z
  .object({
    status: z.enum(COMPLAINT_LIST_STATUSES).optional(),
    handler: idFilter('handler'),
    customer: idFilter('customer'),
    breachWithinHours: z.coerce.number().int().min(0).max(8_760).optional(),
    ...paging(COMPLAINT_LIST, 2),
  })
  .strict();
export type ComplaintListQuery = z.infer<typeof ComplaintListQuery>;

/** The complaint queue by next SLA deadline, breached first. */
export const complaintList: ReportDefinition<ComplaintListQuery, ComplaintListRow> = {
  route: route(
    '/complaints',
    READ_ROLES.reports,
    "The complaint queue in the caller's scope by the next SLA deadline (acknowledge or resolve), breached first",
    ComplaintListQuery,
    listAnswer(ComplaintListRowSchema, { now: z.string() }),
  ),
  authorize: (query, { actor }) =>
    actor.role === 'sales_rep' && query.handler !== undefined && query.handler !== actor.id
      ? {
          kind: 'forbidden',
          code: 'FILTER_NOT_AUTHORIZED',
          message: 'a sales rep may filter on their own handler id only',
        }
      : undefined,
  run(query, { db, lagOf, actor, now }) {
    const { limit, cursor, ...filter } = query;
    const at = now().toISOString();
    return {
      ...listComplaints(db, lagOf, {
        ...filter,
        now: at,
        scope: scopeOf(actor),
        limit,
        after: afterCursor(COMPLAINT_LIST, cursor, 2),
      }),
      now: at,
    };
  },
  // "breached" is measured at the instant of the request.
  reusable: () => false,
};
