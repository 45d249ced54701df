import { z } from 'zod';
import {
  customerStream,
  READ_ROLES,
  salesbookEventRegistry,
  StoredSegment,
  type CustomerId,
  type SatisfactionSurveyRecorded,
} from '@salesbook/domain';
import type { EventCodec, EventStore } from '@salesbook/eventstore';
import { canReadPersonalData } from '@salesbook/personal-data';
import {
  CSAT_BANDS,
  FOLLOW_UP_FIGURES,
  NPS_BANDS,
  querySatisfactionAnswers,
  SATISFACTION_ANSWER_LIST,
  SATISFACTION_ITEMS,
  type SatisfactionAnswerItem,
} from '@salesbook/projections';
import { afterCursor, idFilter, paging } from '../worklists/list-query.js';
import { SatisfactionAnswerSchema } from './answers/satisfaction-answer-rows.js';
import { reportAnswer } from './answers/report-answer.js';
import { periodQuery, ReportMonth, type CompletionReader, type ReportDefinition } from './report-definition.js';
import { filteredScope, refuseForeignFilter, ScopeFilter } from './report-filters.js';
import { businessToday } from './business-clock.js';

/** `GET /reports/satisfaction/answers`: a satisfaction figure's filters, the part of it asked for, and a page. */
export const SatisfactionAnswersQuery = periodQuery({
  ...ScopeFilter,
  segment: StoredSegment.optional(),
  surveyPeriod: ReportMonth.optional(),
  campaign: idFilter('campaign'),
  nps: z.enum(NPS_BANDS).optional(),
  csat: z.enum(CSAT_BANDS).optional(),
  followUp: z.enum(FOLLOW_UP_FIGURES).optional(),
  item: z.enum(SATISFACTION_ITEMS).optional(),
  score: z.coerce.number().int().min(1).max(5).optional(),
  ...paging(SATISFACTION_ANSWER_LIST, 3),
}).refine((query) => (query.item === undefined) === (query.score === undefined), {
  path: ['score'],
  message: 'item and score go together',
});
export type SatisfactionAnswersQuery = z.infer<typeof SatisfactionAnswersQuery>;

/** What the comment of one answer reads as for this reader: opened, `[erased]` after erasure, or `***` masked. */
async function commentOf(store: EventStore, codec: EventCodec, row: SatisfactionAnswerItem): Promise<string | null> {
  if (row.has_comment === 0) return null;
  const stream = customerStream(row.customer_id as CustomerId);
  const events = await store.readStream(stream, { fromRevision: row.revision, maxCount: 1 });
  const decoded = await codec.decode(events, salesbookEventRegistry);
  if (decoded._tag === 'Left') throw new Error(`${stream}@${row.revision}: ${decoded.left.code}`);
  const [event] = decoded.right;
  if (event?.type !== 'SatisfactionSurveyRecorded') throw new Error(`${stream}@${row.revision} is not the answer`);
  return (event.data as SatisfactionSurveyRecorded).comment ?? null;
}

/** The codec of this reader: opening (and logging) personal data for the roles that may read it, masking for the others. */
const codecFor = ({ actor, personalData }: CompletionReader): { codec: EventCodec; shown: 'unmasked' | 'masked' } =>
  canReadPersonalData(actor.role)
    ? {
        codec: personalData.unmasked({
          actorId: actor.id,
          role: actor.role,
          purpose: 'GET /reports/satisfaction/answers',
        }),
        shown: 'unmasked',
      }
    : { codec: personalData.masked(), shown: 'masked' };

/** The answers behind a satisfaction figure, a page at a time, with their comments as the reader may see them. */
export const satisfactionAnswersReport: ReportDefinition<SatisfactionAnswersQuery, SatisfactionAnswerItem> = {
  route: {
    method: 'GET',
    path: '/reports/satisfaction/answers',
    audience: READ_ROLES.reports,
    summary:
      'The answers behind a satisfaction figure (drill-down): the figure’s period, region, rep, segment, survey period and campaign, narrowed to an NPS or CSAT band, a closed-loop figure or an item score; comments opened for roles that may read personal data, masked for the others, [erased] after erasure',
    tag: 'reports',
    query: SatisfactionAnswersQuery,
    status: 200,
    projection: 'satisfaction',
    response: reportAnswer(SatisfactionAnswerSchema, {
      nextCursor: z.string().nullable().describe('The cursor of the next page; null on the last'),
      personalData: z.enum(['unmasked', 'masked']).describe('How comments are shown to this reader'),
    }),
  },
  authorize: (query, { actor }) => refuseForeignFilter(query, actor),
  run(query, { db, lagOf, actor, zone, now, followUpBusinessDays }) {
    const { limit, cursor, campaign, rep: _rep, region: _region, ...filter } = query;
    const result = querySatisfactionAnswers(db, lagOf, {
      ...filter,
      ...(campaign === undefined ? {} : { campaignId: campaign }),
      scope: filteredScope(actor, query),
      limit,
      after: afterCursor(SATISFACTION_ANSWER_LIST, cursor, 3),
      // The overdue part is judged on today's business date, as the satisfaction report counts it.
      followUpsDue: { today: businessToday(now(), zone), businessDays: followUpBusinessDays },
    });
    return { ...result, personalData: canReadPersonalData(actor.role) ? 'unmasked' : 'masked' };
  },
  // Comments are personal data, sealed in the events: opened here per reader, and every opening is logged.
  async complete(result, store, reader) {
    const { codec, shown } = codecFor(reader);
    const rows = [];
    for (const row of result.rows) rows.push({ ...row, comment: await commentOf(store, codec, row) });
    return { ...result, rows, personalData: shown };
  },
  // Each read of a comment is logged, so an answer is never served again without reading.
  reusable: () => false,
};
