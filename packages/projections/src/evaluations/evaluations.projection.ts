import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** One rep's evaluation of one quarter, as it stands: the frozen snapshot, the latest assessment, its progress. */
export type EvaluationRow = {
  readonly rep_id: string;
  /** `YYYY-Qn`. */
  readonly quarter: string;
  /** The rep's region when it was opened (scopes reads). */
  readonly region: string;
  /** `open`, `finalised` or `acknowledged`. */
  readonly status: string;
  /** 1 to 5; `null` before the first assessment. */
  readonly rating: number | null;
  readonly strengths: string | null;
  readonly comments: string | null;
  /** JSON list of `{ action, dueOn }`. */
  readonly actions: string;
  /** JSON list of `{ kind, note, amount?, currency? }`. */
  readonly outcomes: string;
  /** The scorecard rows of the quarter's months as the evaluating manager read them (JSON text), and their position. */
  readonly snapshot: string;
  readonly snapshot_position: string | null;
  readonly opened_by: string;
  readonly opened_at: string;
  readonly assessed_by: string | null;
  readonly assessed_at: string | null;
  readonly finalised_by: string | null;
  readonly finalised_at: string | null;
  readonly acknowledged_at: string | null;
  readonly acknowledgement: string | null;
};

/** The `evaluations` read model: one row per rep and quarter. */
export const evaluationsTable = defineTable<EvaluationRow, 'rep_id' | 'quarter'>({
  name: 'evaluations',
  columns: {
    rep_id: 'TEXT',
    quarter: 'TEXT',
    region: 'TEXT',
    status: 'TEXT',
    rating: 'INTEGER NULL',
    strengths: 'TEXT NULL',
    comments: 'TEXT NULL',
    actions: 'TEXT',
    outcomes: 'TEXT',
    snapshot: 'TEXT',
    snapshot_position: 'TEXT NULL',
    opened_by: 'TEXT',
    opened_at: 'TEXT',
    assessed_by: 'TEXT NULL',
    assessed_at: 'TEXT NULL',
    finalised_by: 'TEXT NULL',
    finalised_at: 'TEXT NULL',
    acknowledged_at: 'TEXT NULL',
    acknowledgement: 'TEXT NULL',
  },
  primaryKey: ['rep_id', 'quarter'],
  indexes: [['region', 'quarter'], ['quarter']],
});

const TYPES = new Set(['EvaluationOpened', 'EvaluationAssessed', 'EvaluationFinalised', 'EvaluationAcknowledged']);

const existing = (rows: RowReader, repId: string, quarter: string): EvaluationRow => {
  const row = rows.get(evaluationsTable, { rep_id: repId, quarter });
  if (row === undefined) throw new Error(`the evaluation of ${repId} for ${quarter} was never opened`);
  return row;
};

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!TYPES.has(event.type)) return [];
  const decoded = decodeEvent(event);
  switch (decoded.type) {
    case 'EvaluationOpened': {
      const d = decoded.data;
      const row: EvaluationRow = {
        rep_id: d.repId,
        quarter: d.quarter,
        region: d.region,
        status: 'open',
        rating: null,
        strengths: null,
        comments: null,
        actions: '[]',
        outcomes: '[]',
        snapshot: d.snapshot.scorecards,
        snapshot_position: d.snapshot.position,
        opened_by: d.openedBy,
        opened_at: d.openedAt,
        assessed_by: null,
        assessed_at: null,
        finalised_by: null,
        finalised_at: null,
        acknowledged_at: null,
        acknowledgement: null,
      };
      return [upsert(evaluationsTable, row)];
    }
    case 'EvaluationAssessed': {
      const d = decoded.data;
      const row = existing(rows, d.repId, d.quarter);
      return [
        upsert(evaluationsTable, {
          ...row,
          rating: d.rating,
          strengths: d.strengths,
          comments: d.comments,
          actions: JSON.stringify(d.actions),
          outcomes: JSON.stringify(d.outcomes),
          assessed_by: d.assessedBy,
          assessed_at: d.assessedAt,
        }),
      ];
    }
    case 'EvaluationFinalised': {
      const d = decoded.data;
      return [
        upsert(evaluationsTable, {
          ...existing(rows, d.repId, d.quarter),
          status: 'finalised',
          finalised_by: d.finalisedBy,
          finalised_at: d.finalisedAt,
        }),
      ];
    }
    case 'EvaluationAcknowledged': {
      const d = decoded.data;
      return [
        upsert(evaluationsTable, {
          ...existing(rows, d.repId, d.quarter),
          status: 'acknowledged',
          acknowledged_at: d.acknowledgedAt,
          acknowledgement: d.comment,
        }),
      ];
    }
    default:
      return [];
  }
}

/** Every rep's quarterly evaluations: the evaluation history the evaluation routes and the dashboard read. */
export const evaluationsProjection: Projection = {
  name: 'evaluations',
  handles: TYPES,
  version: 1,
  tables: [evaluationsTable],
  project,
};
