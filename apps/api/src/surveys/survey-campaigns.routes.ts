import {
  CampaignAnswer,
  InvitationId,
  LaunchSurveyCampaignRequest,
  surveyCampaignCommandSchemas as schemas,
} from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

/** An answer taken down by phone: the invitation (the path's `:id`) and the customer's answer. */
const PhoneAnswer = CampaignAnswer.extend({ invitationId: InvitationId }).strict();

/** The survey campaign command routes (stream `campaign-<id>`), and the answer a rep takes down by phone (the customer's stream). */
export const surveyCampaignRoutes = {
  plan: commandRoute({
    path: '/survey-campaigns',
    type: 'PlanSurveyCampaign',
    schema: schemas.PlanSurveyCampaign,
    tag: 'survey campaigns',
    aggregate: 'campaign',
    summary:
      'Plan a survey campaign: the month surveyed, the population (segments, regions, ordered within N months), everyone or a seeded sample, the days it takes answers',
  }),
  launch: commandRoute({
    path: '/survey-campaigns/:id/launch',
    type: 'LaunchSurveyCampaign',
    schema: LaunchSurveyCampaignRequest,
    tag: 'survey campaigns',
    aggregate: 'campaign',
    idField: 'campaignId',
    summary:
      'Launch a planned campaign (sales manager): the population is read from the read models, one invitation per customer drawn',
  }),
  answer: commandRoute({
    path: '/survey-invitations/:id/answer',
    type: 'RecordCampaignAnswer',
    schema: PhoneAnswer,
    tag: 'survey campaigns',
    aggregate: 'customer',
    idField: 'invitationId',
    summary:
      'Record the answer to an invitation that the customer gave by phone (the owner rep or a manager); one answer per invitation',
  }),
} as const;
