import { z } from 'zod';

/** One survey answer behind a satisfaction figure, with its comment as the reader may see it. */
export const SatisfactionAnswerSchema = z.strictObject({
  customer_id: z.string(),
  survey_id: z.string(),
  revision: z.number().int().describe("The answer's revision in the customer's stream"),
  responded_at: z.string(),
  responded_on: z.string().describe('Business date of the answer'),
  region: z.string().describe('The customer’s region at the time of the answer'),
  rep_id: z.string().describe('The customer’s owner rep at the time of the answer'),
  segment: z.string(),
  survey_period: z.string(),
  campaign_id: z.string().nullable(),
  nps: z.number().int(),
  csat: z.number().int(),
  product_quality: z.number().int(),
  delivery: z.number().int(),
  service: z.number().int(),
  price: z.number().int(),
  has_comment: z.number().int(),
  follow_up: z.enum(['none', 'open', 'closed']),
  opened_at: z.string().nullable(),
  closed_at: z.string().nullable(),
  closed_by: z.string().nullable(),
  recovered: z.number().int().nullable(),
  comment: z.string().nullable().describe('Opened, *** masked, [erased] after erasure; null without a comment'),
});
