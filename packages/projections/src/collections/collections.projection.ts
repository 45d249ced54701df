import type { RecordedEvent } from '@salesbook/eventstore';
import { countsOn } from '@salesbook/domain';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { collectionFollowUpsTable, collectionPaymentsTable, collectionReceivablesTable } from './collections.tables.js';

const HANDLED = new Set(['ReceivableOpened', 'PaymentReceived', 'PaymentReversed', 'CollectionFollowUpLogged']);

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  switch (decoded.type) {
    case 'ReceivableOpened': {
      const d = decoded.data;
      return [
        upsert(collectionReceivablesTable, {
          receivable_id: d.receivableId,
          order_id: d.orderId,
          customer_id: d.customerId,
          rep_id: d.repId,
          region: d.region,
          currency: d.currency,
          issue_date: d.issueDate,
          due_date: d.dueDate,
          amount: d.amount,
        }),
      ];
    }
    case 'PaymentReceived': {
      const d = decoded.data;
      return [
        upsert(collectionPaymentsTable, {
          receivable_id: d.receivableId,
          payment_id: d.paymentId,
          received_on: countsOn(d, d.receivedOn),
          amount: d.amount,
          reversed_on: null,
        }),
      ];
    }
    case 'PaymentReversed': {
      const d = decoded.data;
      const key = { receivable_id: d.receivableId, payment_id: d.paymentId };
      const before = rows.get(collectionPaymentsTable, key);
      const received = before ?? { ...key, received_on: d.receivedOn, amount: d.amount };
      return [upsert(collectionPaymentsTable, { ...received, reversed_on: countsOn(d, d.reversedOn) })];
    }
    case 'CollectionFollowUpLogged': {
      const d = decoded.data;
      return [
        upsert(collectionFollowUpsTable, {
          receivable_id: d.receivableId,
          revision: event.revision,
          logged_on: d.loggedOn,
          channel: d.channel,
          promise_date: d.promiseToPay?.date ?? null,
          promise_amount: d.promiseToPay?.amount ?? null,
        }),
      ];
    }
    default:
      return [];
  }
}

/**
 * Collections read model: receivables with their issue date, payments with their reversal date, and follow-ups
 * (channel, date, promise to pay; never the note). Amounts per installment and day come from
 * `receivablesKpiProjection`, which the collections reports join at query time.
 */
export const collectionsProjection: Projection = {
  name: 'collections',
  handles: HANDLED,
  version: 1,
  tables: [collectionReceivablesTable, collectionPaymentsTable, collectionFollowUpsTable],
  project,
};
