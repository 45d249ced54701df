import { defineTable } from '../model/table.js';
import { BOOKED_COLUMNS, type BookedFigures } from './booking-counters.js';

/**
 * A confirmed order as the sales read model keeps it: attribution fixed at confirmation (rep, region and the
 * customer's segment then) and the current lines, so later amendments, short closes and cancellations are
 * attributed and split per product without looking anything up.
 */
export type SalesOrderRow = {
  readonly order_id: string;
  readonly customer_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly segment: string;
  readonly currency: string;
  /** Business date of the confirmation. */
  readonly confirmed_on: string;
  /** `BookedLine[]` as JSON. */
  readonly lines: string;
  /** Booked now (0 once cancelled). */
  readonly booked: number;
  /** `confirmed` or `cancelled`. */
  readonly status: string;
};

/** The `sales_orders` read model: one row per confirmed order. */
export const salesOrdersTable = defineTable<SalesOrderRow, 'order_id'>({
  name: 'sales_orders',
  columns: {
    order_id: 'TEXT',
    customer_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    segment: 'TEXT',
    currency: 'TEXT',
    confirmed_on: 'TEXT',
    lines: 'TEXT',
    booked: 'INTEGER',
    status: 'TEXT',
  },
  primaryKey: ['order_id'],
});

/** Booked sales of one customer in one business month, attributed as at confirmation (amounts in minor units). */
export type SalesMonthlyCustomerRow = {
  readonly business_month: string;
  readonly rep_id: string;
  readonly region: string;
  readonly segment: string;
  readonly currency: string;
  readonly customer_id: string;
} & BookedFigures;

/** Key columns of the monthly tables. */
export type MonthlyKey = 'business_month' | 'rep_id' | 'region' | 'segment' | 'currency';

/** The `sales_monthly_customers` read model: month x rep x region x segment x currency x customer. */
export const salesMonthlyCustomersTable = defineTable<SalesMonthlyCustomerRow, MonthlyKey | 'customer_id'>({
  name: 'sales_monthly_customers',
  columns: {
    business_month: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    segment: 'TEXT',
    currency: 'TEXT',
    customer_id: 'TEXT',
    ...BOOKED_COLUMNS,
  },
  primaryKey: ['business_month', 'rep_id', 'region', 'segment', 'currency', 'customer_id'],
});

/** Booked sales of one product (sku) in one business month. */
export type SalesMonthlyProductRow = {
  readonly business_month: string;
  readonly rep_id: string;
  readonly region: string;
  readonly segment: string;
  readonly currency: string;
  readonly sku: string;
  readonly booked: number;
};

/** The `sales_monthly_products` read model: month x rep x region x segment x currency x sku. */
export const salesMonthlyProductsTable = defineTable<SalesMonthlyProductRow, MonthlyKey | 'sku'>({
  name: 'sales_monthly_products',
  columns: {
    business_month: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    segment: 'TEXT',
    currency: 'TEXT',
    sku: 'TEXT',
    booked: 'INTEGER',
  },
  primaryKey: ['business_month', 'rep_id', 'region', 'segment', 'currency', 'sku'],
});

/** Booked sales of one business month x rep x region x segment x currency: `sales_monthly_customers` summed over customers. */
export type SalesMonthlyGroupRow = Omit<SalesMonthlyCustomerRow, 'customer_id'>;

/** The `sales_monthly_groups` read model: what the monthly report's booked figures and comparisons read. */
export const salesMonthlyGroupsTable = defineTable<SalesMonthlyGroupRow, MonthlyKey>({
  name: 'sales_monthly_groups',
  columns: {
    business_month: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    segment: 'TEXT',
    currency: 'TEXT',
    ...BOOKED_COLUMNS,
  },
  primaryKey: ['business_month', 'rep_id', 'region', 'segment', 'currency'],
});
