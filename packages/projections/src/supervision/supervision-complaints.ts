import { recordInComplaintTimeline, type ComplaintEvent, type ComplaintTimeline } from '@salesbook/domain';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import { supervisionComplaintsTable, type SupervisionComplaintRow } from './supervision.tables.js';

/** Open while never resolved, or reopened since its latest resolution. */
const isOpen = (timeline: ComplaintTimeline): number => {
  const latest = timeline.resolutions.at(-1);
  return latest === undefined || latest.reopenedAt !== null ? 1 : 0;
};

const handlerOf = (event: ComplaintEvent): string | undefined => {
  if (event.type === 'ComplaintAssigned' || event.type === 'ComplaintAcknowledged') return event.data.handlerId;
  if (event.type === 'ComplaintEscalated') return event.data.escalatedTo;
  return undefined;
};

function filedRow(event: Extract<ComplaintEvent, { type: 'ComplaintFiled' }>, at: string): SupervisionComplaintRow {
  const timeline = recordInComplaintTimeline(null, event);
  return {
    complaint_id: event.data.complaintId,
    owner_rep_id: event.data.ownerRepId,
    region: event.data.region,
    handler_id: null,
    timeline: JSON.stringify(timeline),
    open: 1,
    changed_at: at,
  };
}

/** The writes of one complaint event: its SLA timeline, current handler and whether its clocks may still run. */
export function projectComplaint(event: ComplaintEvent, at: string, rows: RowReader): readonly RowWrite[] {
  const row = rows.get(supervisionComplaintsTable, { complaint_id: event.data.complaintId });
  if (event.type === 'ComplaintFiled')
    return row === undefined ? [upsert(supervisionComplaintsTable, filedRow(event, at))] : [];
  if (row === undefined)
    throw new Error(`complaint ${event.data.complaintId} was never filed (${event.type} before ComplaintFiled)`);
  const timeline = recordInComplaintTimeline(JSON.parse(row.timeline) as ComplaintTimeline, event);
  const next = {
    ...row,
    handler_id: handlerOf(event) ?? row.handler_id,
    timeline: JSON.stringify(timeline),
    open: isOpen(timeline),
    changed_at: at,
  };
  return [upsert(supervisionComplaintsTable, next)];
}
