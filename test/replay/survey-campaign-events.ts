import type { EventStore } from '@salesbook/eventstore';

/** A survey campaign planned and launched with two invitations: campaign rows whatever months the history covers. */
export async function appendSurveyCampaign(store: EventStore): Promise<void> {
  const at = '2026-03-02T02:00:00.000Z';
  const metadata = { occurredAt: at, schemaVersion: 1 };
  const invitation = (n: number, customerId: string) => ({
    eventId: `33000000-0000-4000-8000-00000000010${n}`,
    type: 'SurveyInvitationIssued',
    data: {
      campaignId: 'q1-survey',
      invitationId: `q1-survey.${n}`,
      customerId,
      region: 'east',
      segment: 'smb',
      ownerRepId: 'rep-east-01',
      issuedAt: at,
    },
    metadata,
  });
  await store.appendToStream('campaign-q1-survey', [
    {
      eventId: '33000000-0000-4000-8000-000000000001',
      type: 'SurveyCampaignPlanned',
      data: {
        campaignId: 'q1-survey',
        name: 'Q1 satisfaction',
        period: '2026-02',
        population: { segments: [], regions: ['east'], orderedWithinMonths: 3 },
        sample: { kind: 'all' },
        questions: ['nps', 'csat', 'productQuality', 'delivery', 'service', 'price'],
        opensOn: '2026-03-02',
        closesOn: '2026-03-31',
        plannedBy: 'sm-01',
        plannerRole: 'sales_manager',
        plannedAt: at,
      },
      metadata,
    },
    {
      eventId: '33000000-0000-4000-8000-000000000002',
      type: 'SurveyCampaignLaunched',
      data: { campaignId: 'q1-survey', populationSize: 2, invited: 2, launchedBy: 'sm-01', launchedAt: at },
      metadata,
    },
    invitation(1, 'c-survey-1'),
    invitation(2, 'c-survey-2'),
  ]);
}
