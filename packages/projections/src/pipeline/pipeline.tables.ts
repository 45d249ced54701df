import { defineTable } from '../model/table.js';

/** The fields of an opportunity every pipeline table keeps (amounts in minor units of `currency`). */
type OpportunityFigures = {
  readonly customer_id: string;
  readonly rep_id: string;
  readonly region: string;
  /** The customer's segment when the opportunity was opened. */
  readonly segment: string;
  readonly currency: string;
  readonly amount: number;
  /** `YYYY-MM` */
  readonly expected_close_month: string;
  /** `qualified`, `proposal`, `negotiation`, `won` or `lost`. */
  readonly stage: string;
  readonly probability_bp: number;
  /** amount x probability_bp / 10000, rounded half to even. */
  readonly weighted: number;
};

/** An opportunity as it stands now. */
export type OpportunityRow = OpportunityFigures & {
  readonly opportunity_id: string;
  readonly title: string;
  /** 1 when the probability is an override of the stage's default. */
  readonly overridden: number;
  readonly lost_reason: string | null;
  readonly won_order_id: string | null;
  readonly opened_on: string;
  /** Business date of the latest change. */
  readonly changed_on: string;
  /** Business date it was won or lost. */
  readonly closed_on: string | null;
};

/** An opportunity after one change, with the change's business date. */
export type OpportunityHistoryRow = OpportunityFigures & {
  readonly opportunity_id: string;
  /** The stream revision of the change. */
  readonly revision: number;
  readonly changed_on: string;
};

/** A quotation sent from an opportunity. */
export type QuotationRow = {
  readonly quotation_id: string;
  readonly opportunity_id: string;
  readonly customer_id: string;
  readonly rep_id: string;
  readonly region: string;
  readonly currency: string;
  readonly total: number;
  /** The priced order lines as JSON. */
  readonly lines: string;
  readonly valid_until: string;
  /** `sent` or `accepted`. */
  readonly status: string;
  readonly order_id: string | null;
  readonly sent_on: string;
  readonly accepted_on: string | null;
};

const FIGURES = {
  customer_id: 'TEXT',
  rep_id: 'TEXT',
  region: 'TEXT',
  segment: 'TEXT',
  currency: 'TEXT',
  amount: 'INTEGER',
  expected_close_month: 'TEXT',
  stage: 'TEXT',
  probability_bp: 'INTEGER',
  weighted: 'INTEGER',
} as const;

/** The `opportunities` read model: one row per opportunity, as it stands now. */
export const opportunitiesTable = defineTable<OpportunityRow, 'opportunity_id'>({
  name: 'opportunities',
  columns: {
    opportunity_id: 'TEXT',
    title: 'TEXT',
    ...FIGURES,
    overridden: 'INTEGER',
    lost_reason: 'TEXT NULL',
    won_order_id: 'TEXT NULL',
    opened_on: 'TEXT',
    changed_on: 'TEXT',
    closed_on: 'TEXT NULL',
  },
  primaryKey: ['opportunity_id'],
});

/** The `opportunity_history` read model: one row per change of an opportunity, for the pipeline as it stood on a date. */
export const opportunityHistoryTable = defineTable<OpportunityHistoryRow, 'opportunity_id' | 'revision'>({
  name: 'opportunity_history',
  columns: { opportunity_id: 'TEXT', revision: 'INTEGER', changed_on: 'TEXT', ...FIGURES },
  primaryKey: ['opportunity_id', 'revision'],
  indexes: [['changed_on']],
});

/** The `quotations` read model: one row per quotation. */
export const quotationsTable = defineTable<QuotationRow, 'quotation_id'>({
  name: 'quotations',
  columns: {
    quotation_id: 'TEXT',
    opportunity_id: 'TEXT',
    customer_id: 'TEXT',
    rep_id: 'TEXT',
    region: 'TEXT',
    currency: 'TEXT',
    total: 'INTEGER',
    lines: 'TEXT',
    valid_until: 'TEXT',
    status: 'TEXT',
    order_id: 'TEXT NULL',
    sent_on: 'TEXT',
    accepted_on: 'TEXT NULL',
  },
  primaryKey: ['quotation_id'],
});
