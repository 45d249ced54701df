import type { RecordedEvent } from '@salesbook/eventstore';
import type { SatisfactionSurveyRecorded } from '@salesbook/domain';
import { businessDate } from '../model/business-time.js';
import { decodeEvent } from '../model/decode.js';
import type { Projection, ProjectionContext } from '../model/projection.js';
import { projectAnswer } from './satisfaction-answers.evolve.js';
import { openFollowUpsTable, satisfactionAnswersTable } from './satisfaction-answers.tables.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** The item scores of a survey, in the order reports list them. */
export const SATISFACTION_ITEMS = ['product_quality', 'delivery', 'service', 'price'] as const;
/** One item score of a survey (1-5). */
export type SatisfactionItem = (typeof SATISFACTION_ITEMS)[number];

type ItemSums = { readonly [K in `${SatisfactionItem}_${'sum' | 'sum_sq' | 'sum_x_nps'}`]: number };

/**
 * Sufficient statistics of the survey answers of one business day x region x rep x segment x survey period:
 * counts for CSAT and NPS, and per item the sums from which means and the Pearson correlation with the NPS
 * answer are computed exactly at query time for any range of days. Never the comment (personal data).
 */
export type SatisfactionDailyRow = {
  readonly responded_on: string;
  readonly region: string;
  /** The customer's owner rep at the time of the survey. */
  readonly rep_id: string;
  readonly segment: string;
  /** The month the survey asks about (`period` of the survey). */
  readonly survey_period: string;
  readonly responses: number;
  /** CSAT answers of 4 or 5. */
  readonly csat_satisfied: number;
  readonly promoters: number;
  readonly passives: number;
  readonly detractors: number;
  readonly nps_sum: number;
  readonly nps_sum_sq: number;
} & ItemSums;

type Key = 'responded_on' | 'region' | 'rep_id' | 'segment' | 'survey_period';
type Counters = Omit<SatisfactionDailyRow, Key>;

const itemColumns = Object.fromEntries(
  SATISFACTION_ITEMS.flatMap((item) =>
    [`${item}_sum`, `${item}_sum_sq`, `${item}_sum_x_nps`].map((column) => [column, 'INTEGER' as const]),
  ),
) as { readonly [K in keyof ItemSums]: 'INTEGER' };

/** The `satisfaction_daily` read model. */
export const satisfactionDailyTable = defineTable<SatisfactionDailyRow, Key>({
  name: 'satisfaction_daily',
  columns: {
    responded_on: 'TEXT',
    region: 'TEXT',
    rep_id: 'TEXT',
    segment: 'TEXT',
    survey_period: 'TEXT',
    responses: 'INTEGER',
    csat_satisfied: 'INTEGER',
    promoters: 'INTEGER',
    passives: 'INTEGER',
    detractors: 'INTEGER',
    nps_sum: 'INTEGER',
    nps_sum_sq: 'INTEGER',
    ...itemColumns,
  },
  primaryKey: ['responded_on', 'region', 'rep_id', 'segment', 'survey_period'],
});

const scoreOf = (scores: SatisfactionSurveyRecorded['scores'], item: SatisfactionItem): number =>
  ({ product_quality: scores.productQuality, delivery: scores.delivery, service: scores.service, price: scores.price })[
    item
  ];

/** What one answer adds to the counters. */
export function answerCounters(answer: Pick<SatisfactionSurveyRecorded, 'nps' | 'csat' | 'scores'>): Counters {
  const y = answer.nps;
  const items = Object.fromEntries(
    SATISFACTION_ITEMS.flatMap((item) => {
      const x = scoreOf(answer.scores, item);
      return [
        [`${item}_sum`, x],
        [`${item}_sum_sq`, x * x],
        [`${item}_sum_x_nps`, x * y],
      ];
    }),
  ) as ItemSums;
  return {
    responses: 1,
    csat_satisfied: answer.csat >= 4 ? 1 : 0,
    promoters: y >= 9 ? 1 : 0,
    passives: y === 7 || y === 8 ? 1 : 0,
    detractors: y <= 6 ? 1 : 0,
    nps_sum: y,
    nps_sum_sq: y * y,
    ...items,
  };
}

const add = (base: Counters | undefined, more: Counters): Counters =>
  base === undefined
    ? more
    : (Object.fromEntries(
        Object.entries(more).map(([column, value]) => [column, (base[column as keyof Counters] ?? 0) + value]),
      ) as Counters);

const PROJECTED = new Set([
  'SatisfactionSurveyRecorded',
  'DetractorFollowUpOpened',
  'DetractorFollowUpClosed',
  'CustomerReassigned',
]);

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  if (!PROJECTED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  const answers = projectAnswer(decoded, event, rows, context);
  if (decoded.type !== 'SatisfactionSurveyRecorded') return answers;
  const d = decoded.data;
  const key = {
    responded_on: businessDate(d.respondedAt, context.zone),
    region: d.region,
    rep_id: d.ownerRepId,
    segment: d.segment,
    survey_period: d.period,
  };
  const current = rows.get(satisfactionDailyTable, key);
  return [upsert(satisfactionDailyTable, { ...key, ...add(current, answerCounters(d)) }), ...answers];
}

/**
 * Satisfaction (docs/reports.md): survey answers summed per business day of the response, region, owner
 * rep and segment at the time of the survey, and survey period; beside the sums, one row per answer with its
 * closed-loop follow-up (drill-down, closed-loop rate). Sums commute across streams, answer rows depend on
 * their customer stream only; the comment and what was done are never read into the model.
 */
export const satisfactionProjection: Projection = {
  name: 'satisfaction',
  handles: PROJECTED,
  version: 3,
  tables: [satisfactionDailyTable, satisfactionAnswersTable, openFollowUpsTable],
  project,
};
