import type Database from 'better-sqlite3';
import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';
import type { RankingMetric } from './league-table.js';

/** A sales competition as announced, and whether it was called off. */
export type CompetitionRow = {
  readonly competition_id: string;
  readonly name: string;
  readonly period: string;
  readonly metric: RankingMetric;
  /** `all`, or the region whose reps compete. */
  readonly scope: string;
  readonly prize: string;
  readonly starts_on: string;
  readonly ends_on: string;
  readonly created_by: string;
  readonly created_at: string;
  readonly cancelled_at: string | null;
  readonly cancel_reason: string | null;
};

/** The `competitions` read model. */
export const competitionsTable = defineTable<CompetitionRow, 'competition_id'>({
  name: 'competitions',
  columns: {
    competition_id: 'TEXT',
    name: 'TEXT',
    period: 'TEXT',
    metric: 'TEXT',
    scope: 'TEXT',
    prize: 'TEXT',
    starts_on: 'TEXT',
    ends_on: 'TEXT',
    created_by: 'TEXT',
    created_at: 'TEXT',
    cancelled_at: 'TEXT NULL',
    cancel_reason: 'TEXT NULL',
  },
  primaryKey: ['competition_id'],
});

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (event.type !== 'CompetitionCreated' && event.type !== 'CompetitionCancelled') return [];
  const decoded = decodeEvent(event);
  if (decoded.type === 'CompetitionCreated') {
    const d = decoded.data;
    return [
      upsert(competitionsTable, {
        competition_id: d.competitionId,
        name: d.name,
        period: d.period,
        metric: d.metric,
        scope: d.scope,
        prize: d.prize,
        starts_on: d.startsOn,
        ends_on: d.endsOn,
        created_by: d.createdBy,
        created_at: d.createdAt,
        cancelled_at: null,
        cancel_reason: null,
      }),
    ];
  }
  if (decoded.type !== 'CompetitionCancelled') return [];
  const row = rows.get(competitionsTable, { competition_id: decoded.data.competitionId });
  if (row === undefined) throw new Error(`competition ${decoded.data.competitionId} was never announced`);
  return [
    upsert(competitionsTable, { ...row, cancelled_at: decoded.data.cancelledAt, cancel_reason: decoded.data.reason }),
  ];
}

/** Sales competitions (one row each): their terms, read by the competition routes and their standings. */
export const competitionsProjection: Projection = {
  name: 'competitions',
  handles: new Set(['CompetitionCreated', 'CompetitionCancelled']),
  version: 1,
  tables: [competitionsTable],
  project,
};

/** One competition, or `undefined` when none has that id. */
export function competitionById(db: Database.Database, id: string): CompetitionRow | undefined {
  return db.prepare('SELECT * FROM competitions WHERE competition_id = ?').get(id) as CompetitionRow | undefined;
}

/** The competitions of a region's reps and those of every rep (`region` given), or all; latest start first. */
export function competitionRows(db: Database.Database, region?: string): CompetitionRow[] {
  return db
    .prepare(
      "SELECT * FROM competitions WHERE @region IS NULL OR scope IN ('all', @region) ORDER BY starts_on DESC, competition_id",
    )
    .all({ region: region ?? null }) as CompetitionRow[];
}
