import type { Actor } from '../shared/actors.js';
import { ActorId, CustomerId, InvitationId, RegionId, SurveyId } from '../shared/ids.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { PlanSurveyCampaign, PopulationMember, SurveyCampaignCommand } from './commands.js';
import { CAMPAIGN_QUESTIONS } from './commands.js';
import { surveyCampaignDecider } from './decide.js';
import type { SurveyCampaignEvent, SurveyCampaignPlannedEvent } from './events.js';

/** Test data for the SurveyCampaign aggregate: the Q1 2026 survey of customers who ordered in the last 6 months. */
export const CAMPAIGN = SurveyId.parse('q1-2026');
export const EAST = RegionId.parse('east');
export const WEST = RegionId.parse('west');
export const analyst = actor('an-1', 'market_analyst');
export const salesManager = actor('sm-1', 'sales_manager');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const rep = actor('rep-1', 'sales_rep', 'east');
export const finance = actor('fin-1', 'finance');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The campaign decider with every actor registered as their token says. */
export const registeredCampaignDecider = registeredDecider(surveyCampaignDecider);

export const planData = (overrides: Partial<PlanSurveyCampaign> = {}): PlanSurveyCampaign => ({
  campaignId: CAMPAIGN,
  name: 'Q1 2026 satisfaction',
  period: '2026-03',
  population: { segments: [], regions: [], orderedWithinMonths: 6 },
  sample: { kind: 'all' },
  opensOn: '2026-04-01',
  closesOn: '2026-04-30',
  ...overrides,
});
export const plan = (overrides: Partial<PlanSurveyCampaign> = {}, by: Actor = analyst): SurveyCampaignCommand => ({
  type: 'PlanSurveyCampaign',
  data: planData(overrides),
  metadata: { actor: by, occurredAt: at(20) },
});
export const planned = (
  overrides: Partial<PlanSurveyCampaign> = {},
  by: Actor = analyst,
): SurveyCampaignPlannedEvent => ({
  type: 'SurveyCampaignPlanned',
  data: {
    ...planData(overrides),
    questions: [...CAMPAIGN_QUESTIONS],
    plannedBy: by.id,
    plannerRole: by.role,
    plannedAt: at(20),
  },
});

/** A customer of region `region`, segment `smb`, owned by `rep-<region>`, who last ordered on `lastOrderOn`. */
export const member = (id: string, region: RegionId = EAST, lastOrderOn = '2026-02-10'): PopulationMember => ({
  customerId: CustomerId.parse(id),
  region,
  segment: 'smb',
  ownerRepId: ActorId.parse(`rep-${region}`),
  lastOrderOn,
});

export const launch = (
  population: readonly PopulationMember[],
  by: Actor = salesManager,
  launchedOn = '2026-03-31',
): SurveyCampaignCommand => ({
  type: 'LaunchSurveyCampaign',
  data: { campaignId: CAMPAIGN, launchedOn, population: [...population] },
  metadata: { actor: by, occurredAt: at(31) },
});

/** The events of launching with these customers drawn (in customer-id order) out of `populationSize`. */
export const launched = (
  drawn: readonly PopulationMember[],
  populationSize: number = drawn.length,
  by: Actor = salesManager,
): SurveyCampaignEvent[] => [
  {
    type: 'SurveyCampaignLaunched',
    data: { campaignId: CAMPAIGN, populationSize, invited: drawn.length, launchedBy: by.id, launchedAt: at(31) },
  },
  ...drawn.map(({ customerId, region, segment, ownerRepId }, index): SurveyCampaignEvent => ({
    type: 'SurveyInvitationIssued',
    data: {
      campaignId: CAMPAIGN,
      invitationId: InvitationId.parse(`${CAMPAIGN}.${index + 1}`),
      customerId,
      region,
      segment,
      ownerRepId,
      issuedAt: at(31),
    },
  })),
];
