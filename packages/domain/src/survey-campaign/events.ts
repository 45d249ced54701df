import { z } from 'zod';
import { StoredSegment } from '../customer/vocabulary.js';
import { Role } from '../shared/actors.js';
import { createEventRegistry, defineEvent, type EventDefinition } from '../shared/event-registry.js';
import { ActorId, CustomerId, InvitationId, RegionId, SurveyId } from '../shared/ids.js';
import type { Event } from '../shared/message.js';
import { IsoDate, IsoDateTime, YearMonth } from '../shared/time.js';
import { CAMPAIGN_QUESTIONS, CampaignPopulation, CampaignSample } from './commands.js';

/** A campaign was planned: what it surveys, whom, how many (the sample's seed included) and when it takes answers. */
export const SurveyCampaignPlanned = z.object({
  campaignId: SurveyId,
  name: z.string().min(1),
  period: YearMonth,
  population: CampaignPopulation,
  sample: CampaignSample,
  questions: z.array(z.enum(CAMPAIGN_QUESTIONS)).min(1),
  opensOn: IsoDate,
  closesOn: IsoDate,
  plannedBy: ActorId,
  plannerRole: Role,
  plannedAt: IsoDateTime,
});
export type SurveyCampaignPlanned = z.infer<typeof SurveyCampaignPlanned>;

/** A sales manager launched the campaign: `populationSize` customers qualified, `invited` were drawn (one invitation each follows). */
export const SurveyCampaignLaunched = z.object({
  campaignId: SurveyId,
  populationSize: z.number().int().min(0),
  invited: z.number().int().min(1),
  launchedBy: ActorId,
  launchedAt: IsoDateTime,
});
export type SurveyCampaignLaunched = z.infer<typeof SurveyCampaignLaunched>;

/** One customer drawn was invited; region, segment and owner rep at launch are kept for coverage by group. */
export const SurveyInvitationIssued = z.object({
  campaignId: SurveyId,
  invitationId: InvitationId,
  customerId: CustomerId,
  region: RegionId,
  segment: StoredSegment,
  ownerRepId: ActorId,
  issuedAt: IsoDateTime,
});
export type SurveyInvitationIssued = z.infer<typeof SurveyInvitationIssued>;

/** SurveyCampaignPlanned as an event. */
export type SurveyCampaignPlannedEvent = Event<'SurveyCampaignPlanned', SurveyCampaignPlanned>;
/** SurveyCampaignLaunched as an event. */
export type SurveyCampaignLaunchedEvent = Event<'SurveyCampaignLaunched', SurveyCampaignLaunched>;
/** SurveyInvitationIssued as an event. */
export type SurveyInvitationIssuedEvent = Event<'SurveyInvitationIssued', SurveyInvitationIssued>;

/** Every SurveyCampaign event. */
export type SurveyCampaignEvent =
  SurveyCampaignPlannedEvent | SurveyCampaignLaunchedEvent | SurveyInvitationIssuedEvent;

/** Schemas and versions of the SurveyCampaign events, for the event registry. */
export const surveyCampaignEventDefinitions: readonly EventDefinition<SurveyCampaignEvent>[] = [
  defineEvent('SurveyCampaignPlanned', SurveyCampaignPlanned),
  defineEvent('SurveyCampaignLaunched', SurveyCampaignLaunched),
  defineEvent('SurveyInvitationIssued', SurveyInvitationIssued),
];

/** Reads the events of a SurveyCampaign stream (`campaign-<id>`), validated, as SurveyCampaign events. */
export const surveyCampaignEventRegistry = createEventRegistry(surveyCampaignEventDefinitions);
