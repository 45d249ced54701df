import type { ComplaintCompensationEvent } from '@salesbook/domain';
import { remove, upsert, type RowReader, type RowWrite } from '../model/table.js';
import {
  supervisionComplaintsTable,
  supervisionCompensationsTable,
  supervisionPendingCompensationsTable,
} from './supervision.tables.js';

/** The writes that end the complaint's waiting request at `at` (approved, rejected, or the complaint resolved). */
export function decidePending(complaintId: string, at: string, rows: RowReader): readonly RowWrite[] {
  const pending = rows.get(supervisionPendingCompensationsTable, { complaint_id: complaintId });
  if (pending === undefined) return [];
  const request = rows.get(supervisionCompensationsTable, { complaint_id: complaintId, revision: pending.revision });
  const decided = request === undefined ? [] : [upsert(supervisionCompensationsTable, { ...request, decided_at: at })];
  return [...decided, remove(supervisionPendingCompensationsTable, { complaint_id: complaintId })];
}

/** The writes of one compensation event: a request waits (attributed to the complaint's owner rep) until decided. */
export function projectCompensation(
  event: ComplaintCompensationEvent,
  revision: number,
  at: string,
  rows: RowReader,
): readonly RowWrite[] {
  const complaintId = event.data.complaintId;
  if (event.type !== 'ComplaintCompensationRequested') return decidePending(complaintId, at, rows);
  const complaint = rows.get(supervisionComplaintsTable, { complaint_id: complaintId });
  const row = {
    complaint_id: complaintId,
    revision,
    rep_id: complaint?.owner_rep_id ?? event.data.requestedBy,
    region: event.data.region,
    requested_at: at,
    decided_at: null,
  };
  return [
    upsert(supervisionCompensationsTable, row),
    upsert(supervisionPendingCompensationsTable, { complaint_id: complaintId, revision }),
  ];
}
