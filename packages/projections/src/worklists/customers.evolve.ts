import type { CustomerEvent } from '@salesbook/domain';
import { businessDate } from '../model/business-time.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { searchTerms } from './search-terms.js';
import { workCustomersTable, workCustomerTermsTable, type WorkCustomerRow } from './worklists.tables.js';

const existing = (rows: RowReader, customerId: string): WorkCustomerRow => {
  const row = rows.get(workCustomersTable, { customer_id: customerId });
  if (row === undefined) throw new Error(`customer ${customerId} has no CustomerRegistered before this event`);
  return row;
};

const terms = (row: WorkCustomerRow): RowWrite[] =>
  searchTerms(row.customer_id, row.company_name).map((term) =>
    upsert(workCustomerTermsTable, { term, customer_id: row.customer_id }),
  );

/** The customer list's rows and search terms from a customer event. */
export function evolveCustomer(event: CustomerEvent, rows: RowReader, zone: string): readonly RowWrite[] {
  switch (event.type) {
    case 'CustomerRegistered': {
      const d = event.data;
      if (rows.get(workCustomersTable, { customer_id: d.customerId }) !== undefined) return [];
      const row: WorkCustomerRow = {
        customer_id: d.customerId,
        company_name: d.companyName,
        region: d.region,
        segment: d.segment,
        owner_rep_id: d.ownerRepId,
        active: 1,
        last_reviewed_on: businessDate(d.registeredAt, zone),
      };
      return [upsert(workCustomersTable, row), ...terms(row)];
    }
    case 'CustomerProfileUpdated': {
      const row = existing(rows, event.data.customerId);
      return [
        upsert(workCustomersTable, {
          ...row,
          segment: event.data.segment,
          last_reviewed_on: businessDate(event.data.reviewedAt, zone),
        }),
      ];
    }
    case 'CustomerReassigned':
      return [
        upsert(workCustomersTable, {
          ...existing(rows, event.data.customerId),
          owner_rep_id: event.data.toRepId,
          region: event.data.toRegion,
        }),
      ];
    case 'CustomerDeactivated':
      return [upsert(workCustomersTable, { ...existing(rows, event.data.customerId), active: 0 })];
    default:
      return [];
  }
}
