import type Database from 'better-sqlite3';
import type { LagOf } from '../runner/report.js';
import { readList, type ListPaging, type ListResult } from './list-result.js';
import { Conditions, readPage } from './paging.js';
import { prefixEnd, queryTerm } from './search-terms.js';
import type { WorkCustomerRow } from './worklists.tables.js';

/** `GET /customers` filters (scope first: they narrow it, never widen it). */
export interface CustomerListFilter extends ListPaging {
  /** Prefix of the company name, of a word in it, or of the id. */
  readonly q?: string | undefined;
  readonly region?: string | undefined;
  readonly segment?: string | undefined;
  readonly owner?: string | undefined;
  readonly active?: boolean | undefined;
}

/** A customer in the list: business facts only. */
export interface CustomerListRow {
  readonly customerId: string;
  readonly companyName: string;
  readonly region: string;
  readonly segment: string;
  readonly ownerRepId: string;
  readonly active: boolean;
  readonly lastReviewedOn: string;
}

/** The name of the customer list in its cursors. */
export const CUSTOMER_LIST = 'customers';

const answer = (row: WorkCustomerRow): CustomerListRow => ({
  customerId: row.customer_id,
  companyName: row.company_name,
  region: row.region,
  segment: row.segment,
  ownerRepId: row.owner_rep_id,
  active: row.active === 1,
  lastReviewedOn: row.last_reviewed_on,
});

function searchCondition(where: Conditions, q: string | undefined): void {
  if (q === undefined) return;
  const term = queryTerm(q);
  const id = q.trim().toLowerCase();
  where.add(
    `c.customer_id IN (SELECT customer_id FROM wl_customer_terms WHERE (term >= @term AND term < @termEnd) OR (term >= @id AND term < @idEnd))`,
    { term, termEnd: prefixEnd(term), id, idEnd: prefixEnd(id) },
  );
}

/** Customers in id order, in the caller's scope and the filters; `q` finds by company name or id (see search-terms.ts). */
export function listCustomers(
  db: Database.Database,
  lagOf: LagOf,
  filter: CustomerListFilter,
): ListResult<CustomerListRow> {
  const where = new Conditions()
    .add('c.owner_rep_id = @scopeRep', { scopeRep: filter.scope.repId })
    .add('c.region = @scopeRegion', { scopeRegion: filter.scope.region })
    .add('c.owner_rep_id = @owner', { owner: filter.owner })
    .add('c.region = @region', { region: filter.region })
    .add('c.segment = @segment', { segment: filter.segment })
    .add('c.active = @active', { active: filter.active === undefined ? undefined : filter.active ? 1 : 0 })
    .add('c.customer_id > @after', { after: filter.after?.[0] });
  searchCondition(where, filter.q);
  const sql = `SELECT c.* FROM wl_customers c ${where.sql} ORDER BY c.customer_id`;
  return readList(
    db,
    lagOf,
    () =>
      readPage<WorkCustomerRow>(db, {
        list: CUSTOMER_LIST,
        sql,
        params: where.params,
        limit: filter.limit,
        keyOf: (r) => [r.customer_id],
      }),
    answer,
  );
}
