import {
  complaintsProjection,
  customerDirectoryProjection,
  dailySalesProjection,
  fulfilmentProjection,
  receivablesKpiProjection,
  salesMonthlyProjection,
  salesTargetsProjection,
  satisfactionProjection,
  type Projection,
} from '@salesbook/projections';

/**
 * Every read model `replay` rebuilds and `verify` checks. The projections package exports them one by one;
 * a shared list there would keep this one and the API's from drifting apart.
 */
export const ALL_PROJECTIONS: readonly Projection[] = [
  dailySalesProjection,
  salesTargetsProjection,
  salesMonthlyProjection,
  fulfilmentProjection,
  receivablesKpiProjection,
  customerDirectoryProjection,
  satisfactionProjection,
  complaintsProjection,
];
