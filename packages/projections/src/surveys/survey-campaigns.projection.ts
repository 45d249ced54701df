import type { RecordedEvent } from '@salesbook/eventstore';
import { businessDate } from '../model/business-time.js';
import { decodeEvent } from '../model/decode.js';
import type { Projection, ProjectionContext } from '../model/projection.js';
import { upsert, type RowReader, type RowWrite } from '../model/table.js';
import {
  surveyCampaignsTable,
  surveyInvitationAnswersTable,
  surveyInvitationsTable,
} from './survey-campaigns.tables.js';

const PROJECTED = new Set([
  'SurveyCampaignPlanned',
  'SurveyCampaignLaunched',
  'SurveyInvitationIssued',
  'SatisfactionSurveyRecorded',
]);

function project(event: RecordedEvent, rows: RowReader, context: ProjectionContext): readonly RowWrite[] {
  if (!PROJECTED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  switch (decoded.type) {
    case 'SurveyCampaignPlanned': {
      const d = decoded.data;
      return [
        upsert(surveyCampaignsTable, {
          campaign_id: d.campaignId,
          name: d.name,
          period: d.period,
          opens_on: d.opensOn,
          closes_on: d.closesOn,
          status: 'planned',
          planned_at: d.plannedAt,
          launched_at: null,
          launched_on: null,
          population_size: null,
        }),
      ];
    }
    case 'SurveyCampaignLaunched': {
      const d = decoded.data;
      const campaign = rows.get(surveyCampaignsTable, { campaign_id: d.campaignId });
      if (campaign === undefined) throw new Error(`campaign ${d.campaignId} launched before it was planned`);
      const launchedOn = businessDate(d.launchedAt, context.zone);
      return [
        upsert(surveyCampaignsTable, {
          ...campaign,
          status: 'launched',
          launched_at: d.launchedAt,
          launched_on: launchedOn,
          population_size: d.populationSize,
        }),
      ];
    }
    case 'SurveyInvitationIssued': {
      const d = decoded.data;
      return [
        upsert(surveyInvitationsTable, {
          invitation_id: d.invitationId,
          campaign_id: d.campaignId,
          customer_id: d.customerId,
          region: d.region,
          segment: d.segment,
          rep_id: d.ownerRepId,
          issued_at: d.issuedAt,
          issued_on: businessDate(d.issuedAt, context.zone),
        }),
      ];
    }
    case 'SatisfactionSurveyRecorded': {
      const d = decoded.data;
      // Answers a rep recorded outside any campaign have no invitation: not part of a campaign's coverage.
      if (d.invitationId === undefined || d.campaignId === undefined) return [];
      return [
        upsert(surveyInvitationAnswersTable, {
          invitation_id: d.invitationId,
          campaign_id: d.campaignId,
          customer_id: d.customerId,
          responded_at: d.respondedAt,
          responded_on: businessDate(d.respondedAt, context.zone),
          nps: d.nps,
          csat: d.csat,
          channel: d.channel ?? 'phone',
        }),
      ];
    }
    default:
      return [];
  }
}

/**
 * Survey campaigns (docs/reports.md, response and coverage): each campaign, its invitations with the customer's region,
 * segment and owner rep at the launch, and the answers to them. Invitations come from the campaign streams and answers
 * from the customer streams, in separate tables joined at query time, so no row depends on the order of two streams.
 */
export const surveyCampaignsProjection: Projection = {
  name: 'survey_campaigns',
  handles: PROJECTED,
  version: 1,
  tables: [surveyCampaignsTable, surveyInvitationsTable, surveyInvitationAnswersTable],
  project,
};
