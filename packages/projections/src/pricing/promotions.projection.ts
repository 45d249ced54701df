import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';
import { projectPromotionDiscounts, promotionDiscountsTable } from './promotion-budgets.js';

/** One promotion: period, status, benefit, budget and coverage (lists as JSON arrays; empty segments or regions: everyone). */
export type PromotionRow = {
  readonly promotion_id: string;
  readonly name: string;
  readonly currency: string;
  readonly starts_on: string;
  /** The last day, after an early end. */
  readonly ends_on: string;
  /** `draft`, `approved` or `withdrawn`. */
  readonly status: string;
  /** `percent_off` or `fixed_price`. */
  readonly benefit: string;
  readonly percent_bp: number | null;
  readonly fixed_price: number | null;
  readonly budget: number | null;
  readonly skus: string;
  readonly categories: string;
  readonly segments: string;
  readonly regions: string;
  /** The one region of a regional promotion, `''` for a wider one (scopes reads). */
  readonly region: string;
  readonly drafted_by: string;
  readonly approved_by: string | null;
};

/** The `promotions` read model: one row per promotion. */
export const promotionsTable = defineTable<PromotionRow, 'promotion_id'>({
  name: 'promotions',
  columns: {
    promotion_id: 'TEXT',
    name: 'TEXT',
    currency: 'TEXT',
    starts_on: 'TEXT',
    ends_on: 'TEXT',
    status: 'TEXT',
    benefit: 'TEXT',
    percent_bp: 'INTEGER NULL',
    fixed_price: 'INTEGER NULL',
    budget: 'INTEGER NULL',
    skus: 'TEXT',
    categories: 'TEXT',
    segments: 'TEXT',
    regions: 'TEXT',
    region: 'TEXT',
    drafted_by: 'TEXT',
    approved_by: 'TEXT NULL',
  },
  primaryKey: ['promotion_id'],
});

const existing = (rows: RowReader, id: string): PromotionRow => {
  const row = rows.get(promotionsTable, { promotion_id: id });
  if (row === undefined) throw new Error(`promotion ${id} was never drafted`);
  return row;
};

const ORDER_EVENTS = new Set(['OrderPlaced', 'OrderAmended', 'OrderCancelled']);

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (ORDER_EVENTS.has(event.type)) return projectPromotionDiscounts(decodeEvent(event), rows);
  if (event.type !== 'PromotionDrafted' && event.type !== 'PromotionApproved' && event.type !== 'PromotionEnded')
    return [];
  const decoded = decodeEvent(event);
  switch (decoded.type) {
    case 'PromotionDrafted': {
      const d = decoded.data;
      const { coverage, benefit } = d;
      return [
        upsert(promotionsTable, {
          promotion_id: d.promotionId,
          name: d.name,
          currency: d.currency,
          starts_on: d.startsOn,
          ends_on: d.endsOn,
          status: 'draft',
          benefit: benefit.kind,
          percent_bp: benefit.kind === 'percent_off' ? benefit.percentBp : null,
          fixed_price: benefit.kind === 'fixed_price' ? benefit.unitPrice : null,
          budget: d.budget,
          skus: JSON.stringify(coverage.skus),
          categories: JSON.stringify(coverage.categories),
          segments: JSON.stringify(coverage.segments),
          regions: JSON.stringify(coverage.regions),
          region: coverage.regions.length === 1 ? (coverage.regions[0] ?? '') : '',
          drafted_by: d.draftedBy,
          approved_by: null,
        }),
      ];
    }
    case 'PromotionApproved':
      return [
        upsert(promotionsTable, {
          ...existing(rows, decoded.data.promotionId),
          status: 'approved',
          approved_by: decoded.data.approvedBy,
        }),
      ];
    case 'PromotionEnded': {
      const row = existing(rows, decoded.data.promotionId);
      return [
        upsert(promotionsTable, {
          ...row,
          ends_on: decoded.data.endsOn,
          status: decoded.data.wasApproved ? row.status : 'withdrawn',
        }),
      ];
    }
    default:
      return [];
  }
}

/** Promotions as drafted, approved and ended (the promotion list), and the discount orders take of each (their budgets). */
export const promotionsProjection: Projection = {
  name: 'promotions',
  handles: new Set([...ORDER_EVENTS, 'PromotionDrafted', 'PromotionApproved', 'PromotionEnded']),
  version: 2,
  tables: [promotionsTable, promotionDiscountsTable],
  project,
};
