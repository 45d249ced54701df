import { applyBasisPoints, type SalesbookEvent } from '@salesbook/domain';
import type { RecordedEvent } from '@salesbook/eventstore';
import { businessDate } from '../model/business-time.js';
import { decodeEvent } from '../model/decode.js';
import { occurredAt, type Projection, type ProjectionContext } from '../model/projection.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import {
  opportunitiesTable,
  opportunityHistoryTable,
  quotationsTable,
  type OpportunityRow,
  type QuotationRow,
} from './pipeline.tables.js';

const TYPES = new Set([
  'OpportunityOpened',
  'OpportunityRevised',
  'OpportunityStageMoved',
  'OpportunityLost',
  'OpportunityWon',
  'QuotationSent',
  'QuotationAccepted',
]);

type OpportunityEvent = Extract<
  SalesbookEvent,
  { type: 'OpportunityRevised' | 'OpportunityStageMoved' | 'OpportunityLost' | 'OpportunityWon' }
>;

const existing = (rows: RowReader, id: string): OpportunityRow => {
  const row = rows.get(opportunitiesTable, { opportunity_id: id });
  if (row === undefined) throw new Error(`opportunity ${id} was never opened`);
  return row;
};

const withWeight = (row: Omit<OpportunityRow, 'weighted'>): OpportunityRow => ({
  ...row,
  weighted: applyBasisPoints(row.amount, row.probability_bp),
});

/** The opportunity row and its history row after the change at stream revision `revision`. */
function changed(row: OpportunityRow, revision: number): readonly RowWrite[] {
  const {
    title: _t,
    overridden: _o,
    lost_reason: _l,
    won_order_id: _w,
    opened_on: _op,
    closed_on: _c,
    ...figures
  } = row;
  return [upsert(opportunitiesTable, row), upsert(opportunityHistoryTable, { ...figures, revision })];
}

/** An opportunity after a revision, a stage move, a loss or a win. */
function after(row: OpportunityRow, event: OpportunityEvent, on: string): OpportunityRow {
  switch (event.type) {
    case 'OpportunityRevised': {
      const { amount, expectedCloseMonth, probabilityBp, overridden } = event.data;
      return withWeight({
        ...row,
        amount,
        expected_close_month: expectedCloseMonth,
        probability_bp: probabilityBp,
        overridden: overridden ? 1 : 0,
        changed_on: on,
      });
    }
    case 'OpportunityStageMoved':
      return withWeight({
        ...row,
        stage: event.data.to,
        probability_bp: event.data.probabilityBp,
        overridden: event.data.overridden ? 1 : 0,
        changed_on: on,
      });
    case 'OpportunityLost':
      return withWeight({
        ...row,
        stage: 'lost',
        probability_bp: 0,
        overridden: 0,
        lost_reason: event.data.reason,
        changed_on: on,
        closed_on: on,
      });
    case 'OpportunityWon':
      return withWeight({
        ...row,
        stage: 'won',
        amount: event.data.amount,
        probability_bp: 10_000,
        overridden: 0,
        won_order_id: event.data.orderId,
        changed_on: on,
        closed_on: on,
      });
  }
}

function quotation(
  event: Extract<SalesbookEvent, { type: 'QuotationSent' | 'QuotationAccepted' }>,
  rows: RowReader,
  on: string,
): RowWrite {
  if (event.type === 'QuotationAccepted') {
    const sent = rows.get(quotationsTable, { quotation_id: event.data.quotationId });
    if (sent === undefined) throw new Error(`quotation ${event.data.quotationId} was never sent`);
    return upsert(quotationsTable, {
      ...sent,
      status: 'accepted',
      order_id: event.data.orderId,
      accepted_on: event.data.acceptedOn,
    });
  }
  const d = event.data;
  const opportunity = existing(rows, d.opportunityId);
  const row: QuotationRow = {
    quotation_id: d.quotationId,
    opportunity_id: d.opportunityId,
    customer_id: opportunity.customer_id,
    rep_id: opportunity.rep_id,
    region: opportunity.region,
    currency: d.currency,
    total: d.total,
    lines: JSON.stringify(d.lines),
    valid_until: d.validUntil,
    status: 'sent',
    order_id: null,
    sent_on: on,
    accepted_on: null,
  };
  return upsert(quotationsTable, row);
}

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  if (!TYPES.has(event.type)) return [];
  const decoded = decodeEvent(event);
  const on = businessDate(occurredAt(event), context.zone);
  switch (decoded.type) {
    case 'OpportunityOpened': {
      const d = decoded.data;
      const row = withWeight({
        opportunity_id: d.opportunityId,
        title: d.title,
        customer_id: d.customerId,
        rep_id: d.repId,
        region: d.region,
        segment: d.segment,
        currency: d.currency,
        amount: d.amount,
        expected_close_month: d.expectedCloseMonth,
        stage: d.stage,
        probability_bp: d.probabilityBp,
        overridden: d.overridden ? 1 : 0,
        lost_reason: null,
        won_order_id: null,
        opened_on: on,
        changed_on: on,
        closed_on: null,
      });
      return changed(row, event.revision);
    }
    case 'OpportunityRevised':
    case 'OpportunityStageMoved':
    case 'OpportunityLost':
    case 'OpportunityWon':
      return changed(after(existing(rows, decoded.data.opportunityId), decoded, on), event.revision);
    case 'QuotationSent':
    case 'QuotationAccepted':
      return [quotation(decoded, rows, on)];
    default:
      return [];
  }
}

/** The pipeline: opportunities as they stand, every change of them by business date, and the quotations sent from them. */
export const pipelineProjection: Projection = {
  name: 'pipeline',
  handles: TYPES,
  version: 1,
  tables: [opportunitiesTable, opportunityHistoryTable, quotationsTable],
  project,
};
