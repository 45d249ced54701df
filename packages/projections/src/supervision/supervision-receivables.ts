import type { ReceivableEvent } from '@salesbook/domain';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { supervisionPromisesTable, supervisionWriteOffsTable } from './supervision.tables.js';

// Instants are kept as toISOString text, so alert queries compare them as text.
const iso = (instant: string): string => new Date(instant).toISOString();

/** The writes of one receivable event: promises to pay, write-off requests and their approval. */
export function projectReceivable(event: ReceivableEvent, revision: number, rows: RowReader): readonly RowWrite[] {
  const d = event.data;
  switch (event.type) {
    case 'CollectionFollowUpLogged': {
      const promise = event.data.promiseToPay;
      if (promise === null) return [];
      const row = {
        receivable_id: d.receivableId,
        revision,
        rep_id: d.repId,
        region: d.region,
        made_on: event.data.loggedOn,
        promise_date: promise.date,
        amount: promise.amount,
      };
      return [upsert(supervisionPromisesTable, row)];
    }
    case 'WriteOffRequested': {
      const row = {
        receivable_id: d.receivableId,
        rep_id: d.repId,
        region: d.region,
        requested_at: iso(event.data.requestedAt),
        requested_by: event.data.requestedBy,
        approved_at: null,
      };
      return [upsert(supervisionWriteOffsTable, row)];
    }
    case 'ReceivableWrittenOff': {
      const row = rows.get(supervisionWriteOffsTable, { receivable_id: d.receivableId });
      return row === undefined
        ? []
        : [upsert(supervisionWriteOffsTable, { ...row, approved_at: iso(event.data.approvedAt) })];
    }
    default:
      return [];
  }
}
