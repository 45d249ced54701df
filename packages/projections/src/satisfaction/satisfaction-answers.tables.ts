import { defineTable } from '../model/table.js';

/**
 * One survey answer with its closed-loop follow-up, the rows behind every satisfaction figure (drill-down).
 * Business facts only: the comment and what was done on the follow-up are personal data, read from the
 * event (`revision` of the customer stream) by whoever may see them, never copied here.
 */
export type SatisfactionAnswerRow = {
  readonly customer_id: string;
  readonly survey_id: string;
  /** Revision of the answer's event in the customer stream. */
  readonly revision: number;
  readonly responded_at: string;
  readonly responded_on: string;
  readonly region: string;
  /** The customer's owner rep at the time of the answer (as the satisfaction figures group). */
  readonly rep_id: string;
  readonly segment: string;
  readonly survey_period: string;
  /** The campaign the answer was given to (an invitation's answer), `null` for one a rep recorded outside any. */
  readonly campaign_id: string | null;
  readonly nps: number;
  readonly csat: number;
  readonly product_quality: number;
  readonly delivery: number;
  readonly service: number;
  readonly price: number;
  readonly has_comment: number;
  /** `none`, `open` or `closed`. */
  readonly follow_up: string;
  /** Who owns the follow-up now: the customer's owner rep and region, following reassignments while it is open. */
  readonly owner_rep_id: string;
  readonly owner_region: string;
  readonly opened_at: string | null;
  readonly opened_on: string | null;
  readonly closed_at: string | null;
  readonly closed_by: string | null;
  /** 1 recovered, 0 not, `null` while open. */
  readonly recovered: number | null;
};

/** The `satisfaction_answers` read model. */
export const satisfactionAnswersTable = defineTable<SatisfactionAnswerRow, 'customer_id' | 'survey_id'>({
  name: 'satisfaction_answers',
  columns: {
    customer_id: 'TEXT',
    survey_id: 'TEXT',
    revision: 'INTEGER',
    responded_at: 'TEXT',
    responded_on: 'TEXT',
    region: 'TEXT',
    rep_id: 'TEXT',
    segment: 'TEXT',
    survey_period: 'TEXT',
    campaign_id: 'TEXT NULL',
    nps: 'INTEGER',
    csat: 'INTEGER',
    product_quality: 'INTEGER',
    delivery: 'INTEGER',
    service: 'INTEGER',
    price: 'INTEGER',
    has_comment: 'INTEGER',
    follow_up: 'TEXT',
    owner_rep_id: 'TEXT',
    owner_region: 'TEXT',
    opened_at: 'TEXT NULL',
    opened_on: 'TEXT NULL',
    closed_at: 'TEXT NULL',
    closed_by: 'TEXT NULL',
    recovered: 'INTEGER NULL',
  },
  primaryKey: ['customer_id', 'survey_id'],
  indexes: [['responded_on'], ['follow_up', 'owner_rep_id', 'opened_on'], ['follow_up', 'owner_region', 'opened_on']],
});

/** The open follow-ups of one customer (survey ids, JSON), so a reassignment hands them to the new owner. */
export type OpenFollowUpsRow = { readonly customer_id: string; readonly survey_ids: string };

/** The `satisfaction_open_follow_ups` read model. */
export const openFollowUpsTable = defineTable<OpenFollowUpsRow, 'customer_id'>({
  name: 'satisfaction_open_follow_ups',
  columns: { customer_id: 'TEXT', survey_ids: 'TEXT' },
  primaryKey: ['customer_id'],
});
