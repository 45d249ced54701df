import { z } from 'zod';
import { Segment, StoredSegment } from '../customer/vocabulary.js';
import { ActorId, CustomerId, RegionId, SurveyId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { BusinessDate, IsoDate, YearMonth } from '../shared/time.js';

const unique = <T>(items: readonly T[]): boolean => new Set(items).size === items.length;

/**
 * Who is surveyed: the active customers of these segments and regions (none listed: all of them) with an order
 * in the `orderedWithinMonths` months before the launch date.
 */
export const CampaignPopulation = z
  .object({
    segments: z.array(Segment).max(10).default([]),
    regions: z.array(RegionId).max(50).default([]),
    orderedWithinMonths: z
      .number({ message: 'orderedWithinMonths must be a number' })
      .int()
      .min(1, 'orderedWithinMonths must be 1 to 36')
      .max(36, 'orderedWithinMonths must be 1 to 36'),
  })
  .strict()
  .refine((p) => unique(p.segments) && unique(p.regions), { message: 'each segment and region appears once' });
export type CampaignPopulation = z.infer<typeof CampaignPopulation>;

/** Everyone in the population, or a random sample of `size` drawn with `seed` (the same seed draws the same customers). */
export const CampaignSample = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z
    .object({
      kind: z.literal('random'),
      size: z
        .number({ message: 'size must be a number' })
        .int()
        .min(1, 'size must be 1 to 100000')
        .max(100_000, 'size must be 1 to 100000'),
      seed: z
        .number({ message: 'seed must be a number' })
        .int()
        .min(0, 'seed must be 0 to 4294967295')
        .max(0xffffffff, 'seed must be 0 to 4294967295'),
    })
    .strict(),
]);
export type CampaignSample = z.infer<typeof CampaignSample>;

/** The questions every campaign asks: NPS, CSAT and the four item scores, so campaign answers compare with recorded ones. */
export const CAMPAIGN_QUESTIONS = ['nps', 'csat', 'productQuality', 'delivery', 'service', 'price'] as const;

/** Plan a campaign: the month surveyed, the population, the sample, and the days it takes answers (both included). */
export const PlanSurveyCampaign = z
  .object({
    // The invitation ids add `.<n>` to the campaign id, and an id is at most 64 characters.
    campaignId: SurveyId.refine((id) => id.length <= 48, 'campaignId must be at most 48 characters'),
    name: z
      .string({ message: 'name must be a text' })
      .trim()
      .min(1, 'name must not be empty')
      .max(200, 'name must be at most 200 characters'),
    period: YearMonth,
    population: CampaignPopulation,
    sample: CampaignSample,
    opensOn: BusinessDate,
    closesOn: BusinessDate,
  })
  .strict()
  .refine((d) => d.opensOn <= d.closesOn, { message: 'closesOn must not be before opensOn', path: ['closesOn'] });
export type PlanSurveyCampaign = z.infer<typeof PlanSurveyCampaign>;

/** One customer of the population as the read models know them at launch. */
export const PopulationMember = z
  .object({
    customerId: CustomerId,
    region: RegionId,
    segment: StoredSegment,
    ownerRepId: ActorId,
    lastOrderOn: IsoDate,
  })
  .strict();
export type PopulationMember = z.infer<typeof PopulationMember>;

/** What a caller sends to launch a campaign; the handler adds the population it read. */
export const LaunchSurveyCampaignRequest = z.object({ campaignId: SurveyId }).strict();
export type LaunchSurveyCampaignRequest = z.infer<typeof LaunchSurveyCampaignRequest>;

/**
 * Launch a planned campaign with what the handler loaded: the business date of the launch and the population as the
 * read models hold it then. One invitation per customer drawn.
 */
export const LaunchSurveyCampaign = LaunchSurveyCampaignRequest.extend({
  launchedOn: IsoDate,
  population: z.array(PopulationMember).max(200_000),
}).strict();
export type LaunchSurveyCampaign = z.infer<typeof LaunchSurveyCampaign>;

/** PlanSurveyCampaign as a command. */
export type PlanSurveyCampaignCommand = Command<'PlanSurveyCampaign', PlanSurveyCampaign>;
/** LaunchSurveyCampaign as a command. */
export type LaunchSurveyCampaignCommand = Command<'LaunchSurveyCampaign', LaunchSurveyCampaign>;

/** Every SurveyCampaign command (stream `campaign-<id>`). */
export type SurveyCampaignCommand = PlanSurveyCampaignCommand | LaunchSurveyCampaignCommand;

/** Schemas of the SurveyCampaign commands' data, by command type (HTTP validation and OpenAPI). */
export const surveyCampaignCommandSchemas = { PlanSurveyCampaign, LaunchSurveyCampaign } as const;
