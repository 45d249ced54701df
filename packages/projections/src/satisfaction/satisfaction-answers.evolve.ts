import type { SalesbookEvent } from '@salesbook/domain';
import type { RecordedEvent } from '@salesbook/eventstore';
import { businessDate } from '../model/business-time.js';
import type { ProjectionContext } from '../model/projection.js';
import { remove, upsert, type RowReader, type RowWrite } from '../model/table.js';
import {
  openFollowUpsTable,
  satisfactionAnswersTable,
  type SatisfactionAnswerRow,
} from './satisfaction-answers.tables.js';

const openIds = (rows: RowReader, customerId: string): string[] => {
  const row = rows.get(openFollowUpsTable, { customer_id: customerId });
  return row === undefined ? [] : (JSON.parse(row.survey_ids) as string[]);
};

const setOpenIds = (customerId: string, ids: readonly string[]): RowWrite =>
  ids.length === 0
    ? remove(openFollowUpsTable, { customer_id: customerId })
    : upsert(openFollowUpsTable, { customer_id: customerId, survey_ids: JSON.stringify(ids) });

/** Hands the customer's open follow-ups to its new owner and region. */
function reassign(rows: RowReader, customerId: string, ownerRepId: string, ownerRegion: string): RowWrite[] {
  return openIds(rows, customerId).flatMap((surveyId) => {
    const answer = rows.get(satisfactionAnswersTable, { customer_id: customerId, survey_id: surveyId });
    return answer === undefined
      ? []
      : [upsert(satisfactionAnswersTable, { ...answer, owner_rep_id: ownerRepId, owner_region: ownerRegion })];
  });
}

/** Updates the answer a follow-up event names; an event for an answer the model never saw is an error (parked). */
function withAnswer(
  rows: RowReader,
  customerId: string,
  surveyId: string,
  change: (row: SatisfactionAnswerRow) => SatisfactionAnswerRow,
): RowWrite {
  const answer = rows.get(satisfactionAnswersTable, { customer_id: customerId, survey_id: surveyId });
  if (answer === undefined) throw new Error(`follow-up of ${customerId}/${surveyId} without its answer`);
  return upsert(satisfactionAnswersTable, change(answer));
}

/** The writes of one decoded customer event to the answers and their follow-ups. */
export function projectAnswer(
  decoded: SalesbookEvent,
  event: RecordedEvent,
  rows: RowReader,
  context: ProjectionContext,
): readonly RowWrite[] {
  switch (decoded.type) {
    case 'SatisfactionSurveyRecorded': {
      const d = decoded.data;
      const row: SatisfactionAnswerRow = {
        customer_id: d.customerId,
        survey_id: d.surveyId,
        revision: event.revision,
        responded_at: d.respondedAt,
        responded_on: businessDate(d.respondedAt, context.zone),
        region: d.region,
        rep_id: d.ownerRepId,
        segment: d.segment,
        survey_period: d.period,
        campaign_id: d.campaignId ?? null,
        nps: d.nps,
        csat: d.csat,
        product_quality: d.scores.productQuality,
        delivery: d.scores.delivery,
        service: d.scores.service,
        price: d.scores.price,
        has_comment: d.comment === undefined ? 0 : 1,
        follow_up: 'none',
        owner_rep_id: d.ownerRepId,
        owner_region: d.region,
        opened_at: null,
        opened_on: null,
        closed_at: null,
        closed_by: null,
        recovered: null,
      };
      return [upsert(satisfactionAnswersTable, row)];
    }
    case 'DetractorFollowUpOpened': {
      const { customerId, surveyId, openedAt, ownerRepId, region } = decoded.data;
      const opened = withAnswer(rows, customerId, surveyId, (row) => ({
        ...row,
        follow_up: 'open',
        owner_rep_id: ownerRepId,
        owner_region: region,
        opened_at: openedAt,
        opened_on: businessDate(openedAt, context.zone),
      }));
      return [opened, setOpenIds(customerId, [...openIds(rows, customerId), surveyId])];
    }
    case 'DetractorFollowUpClosed': {
      const { customerId, surveyId, closedAt, closedBy, recovered } = decoded.data;
      const closed = withAnswer(rows, customerId, surveyId, (row) => ({
        ...row,
        follow_up: 'closed',
        closed_at: closedAt,
        closed_by: closedBy,
        recovered: recovered ? 1 : 0,
      }));
      return [
        closed,
        setOpenIds(
          customerId,
          openIds(rows, customerId).filter((id) => id !== surveyId),
        ),
      ];
    }
    case 'CustomerReassigned':
      return reassign(rows, decoded.data.customerId, decoded.data.toRepId, decoded.data.toRegion);
    default:
      return [];
  }
}
