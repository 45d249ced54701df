import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** One improvement action as it stands: the finding it came from, who owns it, when it is due, its last change. */
export type ImprovementActionRow = {
  readonly action_id: string;
  /** `null`: the whole company's action. */
  readonly region: string | null;
  readonly department: string;
  readonly owner_id: string;
  readonly title: string;
  /** The finding as the event holds it (JSON text): report, metric, group, period, value, previous value. */
  readonly finding: string;
  /** `open`, `in_progress`, `done` or `dropped`. */
  readonly status: string;
  readonly due_on: string;
  readonly opened_by: string;
  readonly opened_at: string;
  /** The last status change: when, by whom, its note (`null` while open). */
  readonly changed_at: string | null;
  readonly changed_by: string | null;
  readonly note: string | null;
};

/** The `improvement_actions` read model: one row per action. */
export const improvementActionsTable = defineTable<ImprovementActionRow, 'action_id'>({
  name: 'improvement_actions',
  columns: {
    action_id: 'TEXT',
    region: 'TEXT NULL',
    department: 'TEXT',
    owner_id: 'TEXT',
    title: 'TEXT',
    finding: 'TEXT',
    status: 'TEXT',
    due_on: 'TEXT',
    opened_by: 'TEXT',
    opened_at: 'TEXT',
    changed_at: 'TEXT NULL',
    changed_by: 'TEXT NULL',
    note: 'TEXT NULL',
  },
  primaryKey: ['action_id'],
  indexes: [['department', 'due_on'], ['region'], ['owner_id']],
});

const TYPES = new Set(['ImprovementActionOpened', 'ImprovementActionStatusChanged']);

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!TYPES.has(event.type)) return [];
  const decoded = decodeEvent(event);
  switch (decoded.type) {
    case 'ImprovementActionOpened': {
      const d = decoded.data;
      return [
        upsert(improvementActionsTable, {
          action_id: d.actionId,
          region: d.region ?? null,
          department: d.department,
          owner_id: d.ownerId,
          title: d.title,
          finding: JSON.stringify(d.finding),
          status: 'open',
          due_on: d.dueOn,
          opened_by: d.openedBy,
          opened_at: d.openedAt,
          changed_at: null,
          changed_by: null,
          note: null,
        }),
      ];
    }
    case 'ImprovementActionStatusChanged': {
      const d = decoded.data;
      const row = rows.get(improvementActionsTable, { action_id: d.actionId });
      if (row === undefined) throw new Error(`improvement action ${d.actionId} was never opened`);
      return [
        upsert(improvementActionsTable, {
          ...row,
          status: d.to,
          changed_at: d.changedAt,
          changed_by: d.changedBy,
          note: d.note,
        }),
      ];
    }
    default:
      return [];
  }
}

/** Every improvement action and where it stands: what the actions report reads. */
export const improvementActionsProjection: Projection = {
  name: 'improvement_actions',
  handles: TYPES,
  version: 1,
  tables: [improvementActionsTable],
  project,
};
