import { defineTable } from '../model/table.js';

/** A survey campaign as planned and, once launched, when (from the campaign stream alone). */
export type SurveyCampaignRow = {
  readonly campaign_id: string;
  readonly name: string;
  /** The month the campaign surveys (`YYYY-MM`). */
  readonly period: string;
  readonly opens_on: string;
  readonly closes_on: string;
  /** `planned` or `launched`. */
  readonly status: string;
  readonly planned_at: string;
  readonly launched_at: string | null;
  /** Business date of the launch. */
  readonly launched_on: string | null;
  /** Customers who qualified at the launch (all of them or the sample's pool). */
  readonly population_size: number | null;
};

/** The `survey_campaigns` read model. */
export const surveyCampaignsTable = defineTable<SurveyCampaignRow, 'campaign_id'>({
  name: 'survey_campaigns',
  columns: {
    campaign_id: 'TEXT',
    name: 'TEXT',
    period: 'TEXT',
    opens_on: 'TEXT',
    closes_on: 'TEXT',
    status: 'TEXT',
    planned_at: 'TEXT',
    launched_at: 'TEXT NULL',
    launched_on: 'TEXT NULL',
    population_size: 'INTEGER NULL',
  },
  primaryKey: ['campaign_id'],
});

/** One invitation a launch issued, with the customer's region, segment and owner rep at the launch. */
export type SurveyInvitationRow = {
  readonly invitation_id: string;
  readonly campaign_id: string;
  readonly customer_id: string;
  readonly region: string;
  readonly segment: string;
  readonly rep_id: string;
  readonly issued_at: string;
  /** Business date the invitation was issued. */
  readonly issued_on: string;
};

/** The `survey_invitations` read model (from the campaign streams). */
export const surveyInvitationsTable = defineTable<SurveyInvitationRow, 'invitation_id'>({
  name: 'survey_invitations',
  columns: {
    invitation_id: 'TEXT',
    campaign_id: 'TEXT',
    customer_id: 'TEXT',
    region: 'TEXT',
    segment: 'TEXT',
    rep_id: 'TEXT',
    issued_at: 'TEXT',
    issued_on: 'TEXT',
  },
  primaryKey: ['invitation_id'],
  indexes: [['campaign_id']],
});

/**
 * The answer to an invitation (from the customer streams): kept apart from the invitation so that each row depends on
 * one stream only, and joined to it at query time. Scores only: the comment is personal data and stays in the event.
 */
export type SurveyInvitationAnswerRow = {
  readonly invitation_id: string;
  readonly campaign_id: string;
  readonly customer_id: string;
  readonly responded_at: string;
  /** Business date of the answer. */
  readonly responded_on: string;
  readonly nps: number;
  readonly csat: number;
  /** `link` or `phone`. */
  readonly channel: string;
};

/** The `survey_invitation_answers` read model. */
export const surveyInvitationAnswersTable = defineTable<SurveyInvitationAnswerRow, 'invitation_id'>({
  name: 'survey_invitation_answers',
  columns: {
    invitation_id: 'TEXT',
    campaign_id: 'TEXT',
    customer_id: 'TEXT',
    responded_at: 'TEXT',
    responded_on: 'TEXT',
    nps: 'INTEGER',
    csat: 'INTEGER',
    channel: 'TEXT',
  },
  primaryKey: ['invitation_id'],
  indexes: [['campaign_id']],
});
