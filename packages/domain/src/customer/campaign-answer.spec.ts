import { InvitationId, SurveyId } from '../shared/ids.js';
import { deciderSpec } from '../testing/decider-spec.js';
import type { Actor } from '../shared/actors.js';
import type { RecordCampaignAnswer, RecordCampaignAnswerCommand } from './commands.js';
import { registeredCustomerDecider as customerDecider } from './testing.js';
import * as t from './testing.js';

const given = deciderSpec(customerDecider);
const registered = t.customerRegistered();
const CAMPAIGN = SurveyId.parse('q1-2026');
const INVITATION = InvitationId.parse('q1-2026.7');

const answer = (overrides: Partial<RecordCampaignAnswer> = {}, by: Actor = t.system): RecordCampaignAnswerCommand => ({
  type: 'RecordCampaignAnswer',
  data: {
    ...t.surveyData({ surveyId: CAMPAIGN }),
    campaignId: CAMPAIGN,
    invitationId: INVITATION,
    channel: by === t.system ? 'link' : 'phone',
    ...overrides,
    customerId: t.CUSTOMER_ID,
  },
  metadata: { actor: by, occurredAt: t.at(10) },
});
const answered = (channel: 'link' | 'phone' = 'link') =>
  t.surveyRecorded({ surveyId: CAMPAIGN, campaignId: CAMPAIGN, invitationId: INVITATION, channel });

describe('RecordCampaignAnswer', () => {
  it('opens the follow-up of an unhappy answer in the same append, as a rep-recorded answer does', () => {
    given([registered])
      .when(answer({ nps: 5, csat: 2 }))
      .then([
        t.surveyRecorded({
          surveyId: CAMPAIGN,
          campaignId: CAMPAIGN,
          invitationId: INVITATION,
          channel: 'link',
          nps: 5,
          csat: 2,
        }),
        {
          type: 'DetractorFollowUpOpened',
          data: {
            customerId: t.CUSTOMER_ID,
            surveyId: CAMPAIGN,
            nps: 5,
            csat: 2,
            region: t.EAST,
            ownerRepId: t.rep.id,
            segment: 'smb',
            openedAt: t.at(10),
          },
        },
      ]);
  });
  it('records the answer given through the link as a survey of the campaign, with the invitation and its channel', () => {
    given([registered]).when(answer()).then([answered()]);
  });
  it('takes an answer by phone from the owner rep or a manager of the region, not another rep', () => {
    given([registered])
      .when(answer({}, t.rep))
      .then([answered('phone')]);
    given([registered])
      .when(answer({}, t.eastManager))
      .then([answered('phone')]);
    given([registered]).when(answer({}, t.otherRep)).then('FORBIDDEN_SCOPE');
    given([]).when(answer()).then('CUSTOMER_NOT_FOUND');
  });
  it('is single-use: a second answer is refused even when it says the same', () => {
    given([registered, answered()]).when(answer()).then('CUSTOMER_SURVEY_ALREADY_ANSWERED');
    given([registered, answered()])
      .when(answer({ nps: 2 }, t.rep))
      .then('CUSTOMER_SURVEY_ALREADY_ANSWERED');
  });
  it('is refused for a deactivated customer, and with a comment once personal data was erased', () => {
    given([registered, t.deactivated()]).when(answer()).then('CUSTOMER_DEACTIVATED');
    given([registered, t.personalDataForgotten()]).when(answer()).then('CUSTOMER_PERSONAL_DATA_ERASED');
    const { comment: _comment, ...withoutComment } = answered().data;
    given([registered, t.personalDataForgotten()])
      .when(answer({ comment: undefined }))
      .then([{ type: 'SatisfactionSurveyRecorded', data: withoutComment }]);
  });
});
