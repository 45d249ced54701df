import { z } from 'zod';
import type { CampaignListRow, CoverageFigures, CoverageGroup, SurveyCampaignRow } from '@salesbook/projections';
import { maybeNumber } from './report-answer.js';

const Interval = z
  .strictObject({ low: z.number(), high: z.number() })
  .nullable()
  .describe('95% confidence interval; null without answers');

/** A survey campaign as the read model holds it. */
export const SurveyCampaignSchema = z.strictObject({
  campaign_id: z.string(),
  name: z.string(),
  period: z.string().describe('The month surveyed'),
  opens_on: z.string(),
  closes_on: z.string(),
  status: z.enum(['planned', 'launched']),
  planned_at: z.string(),
  launched_at: z.string().nullable(),
  launched_on: z.string().nullable().describe('Business date of the launch'),
  population_size: z.number().int().nullable(),
}) satisfies z.ZodType<SurveyCampaignRow>;

/** A campaign as listed, with its invitations and answers in the reader's scope. */
export const CampaignListRowSchema = SurveyCampaignSchema.extend({
  invited: z.number().int(),
  answered: z.number().int(),
}) satisfies z.ZodType<CampaignListRow>;

/** Response and coverage figures of a group of invitations. */
export const CoverageFiguresSchema = z.strictObject({
  invited: z.number().int(),
  answered: z.number().int(),
  responseRate: maybeNumber.describe('answered / invited'),
  daysToAnswer: z
    .strictObject({ median: maybeNumber, mean: maybeNumber })
    .describe('Days from the business date of the invitation to that of the answer'),
  csat: z.strictObject({ value: maybeNumber, n: z.number().int(), satisfied: z.number().int(), interval: Interval }),
  nps: z.strictObject({
    value: maybeNumber,
    n: z.number().int(),
    promoters: z.number().int(),
    passives: z.number().int(),
    detractors: z.number().int(),
    interval: Interval,
  }),
}) satisfies z.ZodType<CoverageFigures>;

/** One group of a campaign's coverage beside the same group's figures in the previous campaign. */
export const CoverageGroupSchema = CoverageFiguresSchema.extend({
  group: z.string().nullable(),
  previous: CoverageFiguresSchema.nullable().describe('The previous campaign, same group; null when not there'),
}) satisfies z.ZodType<CoverageGroup>;
