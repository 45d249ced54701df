import { z } from 'zod';

// The parts of `GET /survey-campaigns` the campaigns panel reads; anything else in the answer is ignored.

/** `GET /survey-campaigns`: every campaign, the latest to open first, with its invitations and answers in scope. */
export const SurveyCampaigns = z.object({
  rows: z.array(
    z.object({
      campaign_id: z.string(),
      name: z.string(),
      period: z.string(),
      status: z.string(),
      opens_on: z.string(),
      closes_on: z.string(),
      invited: z.number(),
      answered: z.number(),
    }),
  ),
});
/** One campaign of the list. */
export type CampaignRow = z.infer<typeof SurveyCampaigns>['rows'][number];
