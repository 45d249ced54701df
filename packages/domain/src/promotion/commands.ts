import { z } from 'zod';
import { Segment } from '../customer/vocabulary.js';
import { PromotionId, RegionId, Sku } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency, PositiveMinorUnits, NonNegativeMinorUnits } from '../shared/money.js';
import { BusinessDate } from '../shared/time.js';

/** What a promotion gives on a line: a percent off the list price (basis points) or a fixed unit price. */
export const PromotionBenefit = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('percent_off'),
      percentBp: z.number().int().min(1, 'percentBp must be >= 1').max(10_000, 'percentBp must be <= 10000'),
    })
    .strict(),
  z.object({ kind: z.literal('fixed_price'), unitPrice: NonNegativeMinorUnits }).strict(),
]);
export type PromotionBenefit = z.infer<typeof PromotionBenefit>;

const unique = <T>(items: readonly T[]): boolean => new Set(items).size === items.length;

/** Which lines a promotion covers: skus and/or categories (at least one); segments and/or regions narrow it (none: everyone). */
export const PromotionCoverage = z
  .object({
    skus: z.array(Sku).max(500).default([]),
    categories: z.array(z.string().trim().min(1).max(100)).max(50).default([]),
    segments: z.array(Segment).max(10).default([]),
    regions: z.array(RegionId).max(50).default([]),
  })
  .strict()
  .refine((c) => c.skus.length + c.categories.length > 0, {
    message: 'a promotion covers at least one sku or category',
    path: ['skus'],
  })
  .refine((c) => unique(c.skus) && unique(c.categories) && unique(c.segments) && unique(c.regions), {
    message: 'each sku, category, segment and region appears once',
  });
export type PromotionCoverage = z.infer<typeof PromotionCoverage>;

/** Draft a promotion: a name, a period (both days included), what it covers, its benefit and an optional budget of discount. */
export const DraftPromotion = z
  .object({
    promotionId: PromotionId,
    name: z
      .string({ message: 'name must be a text' })
      .trim()
      .min(1, 'name must not be empty')
      .max(200, 'name must be at most 200 characters'),
    currency: Currency,
    startsOn: BusinessDate,
    endsOn: BusinessDate,
    coverage: PromotionCoverage,
    benefit: PromotionBenefit,
    budget: PositiveMinorUnits.optional(),
  })
  .strict()
  .refine((d) => d.startsOn <= d.endsOn, { message: 'endsOn must not be before startsOn', path: ['endsOn'] });
export type DraftPromotion = z.infer<typeof DraftPromotion>;

/** A sales manager approves a drafted promotion; it applies from its first day. */
export const ApprovePromotion = z.object({ promotionId: PromotionId }).strict();
export type ApprovePromotion = z.infer<typeof ApprovePromotion>;

/** End a promotion early: its new last day and why (a draft ended is withdrawn). */
export const EndPromotion = z
  .object({
    promotionId: PromotionId,
    endsOn: BusinessDate,
    reason: z.string({ message: 'reason must be a text' }).trim().min(1, 'reason must not be empty').max(1_000),
  })
  .strict();
export type EndPromotion = z.infer<typeof EndPromotion>;

/** DraftPromotion as a command. */
export type DraftPromotionCommand = Command<'DraftPromotion', DraftPromotion>;
/** ApprovePromotion as a command. */
export type ApprovePromotionCommand = Command<'ApprovePromotion', ApprovePromotion>;
/** EndPromotion as a command. */
export type EndPromotionCommand = Command<'EndPromotion', EndPromotion>;

/** Every Promotion command (stream `promotion-<id>`). */
export type PromotionCommand = DraftPromotionCommand | ApprovePromotionCommand | EndPromotionCommand;

/** Schemas of the Promotion commands' data, by command type (HTTP validation and OpenAPI). */
export const promotionCommandSchemas = { DraftPromotion, ApprovePromotion, EndPromotion } as const;
