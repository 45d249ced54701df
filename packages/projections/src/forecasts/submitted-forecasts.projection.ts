import type { RecordedEvent } from '@salesbook/eventstore';
import { businessDate } from '../model/business-time.js';
import { decodeEvent } from '../model/decode.js';
import type { Projection, ProjectionContext } from '../model/projection.js';
import { defineTable, upsert, type RowWrite } from '../model/table.js';

/** One submission of a rep's forecast, or a manager's adjustment of it: never overwritten (amounts in minor units). */
export type ForecastSubmissionRow = {
  readonly rep_id: string;
  /** The revision of the rep's forecast stream: orders submissions of the same business date. */
  readonly revision: number;
  /** `rep` (the rep's own numbers) or `adjusted` (a manager's, kept beside them). */
  readonly kind: string;
  readonly region: string;
  /** The month forecast, `YYYY-MM`. */
  readonly month: string;
  readonly currency: string;
  readonly commit_amount: number;
  readonly best_case_amount: number;
  /** Business date of the submission. */
  readonly submitted_on: string;
  readonly submitted_at: string;
  readonly submitted_by: string;
  /** An adjustment's reason; null for the rep's submissions. */
  readonly note: string | null;
};

/** The `forecast_submissions` read model: every submission and adjustment, with its business date. */
export const forecastSubmissionsTable = defineTable<ForecastSubmissionRow, 'rep_id' | 'revision'>({
  name: 'forecast_submissions',
  columns: {
    rep_id: 'TEXT',
    revision: 'INTEGER',
    kind: 'TEXT',
    region: 'TEXT',
    month: 'TEXT',
    currency: 'TEXT',
    commit_amount: 'INTEGER',
    best_case_amount: 'INTEGER',
    submitted_on: 'TEXT',
    submitted_at: 'TEXT',
    submitted_by: 'TEXT',
    note: 'TEXT NULL',
  },
  primaryKey: ['rep_id', 'revision'],
  indexes: [['month', 'submitted_on']],
});

function project(event: RecordedEvent, _rows: unknown, context: ProjectionContext): readonly RowWrite[] {
  if (event.type !== 'ForecastSubmitted' && event.type !== 'ForecastAdjusted') return [];
  const decoded = decodeEvent(event);
  if (decoded.type !== 'ForecastSubmitted' && decoded.type !== 'ForecastAdjusted') return [];
  const d = decoded.data;
  const rep = decoded.type === 'ForecastSubmitted';
  const at = decoded.type === 'ForecastSubmitted' ? decoded.data.submittedAt : decoded.data.adjustedAt;
  return [
    upsert(forecastSubmissionsTable, {
      rep_id: d.repId,
      revision: event.revision,
      kind: rep ? 'rep' : 'adjusted',
      region: d.region,
      month: d.month,
      currency: d.currency,
      commit_amount: d.commit,
      best_case_amount: d.bestCase,
      submitted_on: businessDate(at, context.zone),
      submitted_at: at,
      submitted_by: decoded.type === 'ForecastSubmitted' ? decoded.data.submittedBy : decoded.data.adjustedBy,
      note: decoded.type === 'ForecastAdjusted' ? decoded.data.reason : null,
    }),
  ];
}

/** Submitted forecasts (ForecastSubmitted, ForecastAdjusted): every submission kept, so any past forecast reads as it stood. */
export const submittedForecastsProjection: Projection = {
  name: 'submitted_forecasts',
  handles: new Set(['ForecastSubmitted', 'ForecastAdjusted']),
  version: 1,
  tables: [forecastSubmissionsTable],
  project,
};
