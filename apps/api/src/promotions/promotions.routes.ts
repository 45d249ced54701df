import type { z } from 'zod';
import { promotionCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) =>
  commandRoute({
    path,
    type,
    schema,
    summary,
    tag: 'promotions',
    aggregate: 'promotion',
    ...(path.includes(':id') ? { idField: 'promotionId' } : {}),
  });

/** The Promotion command routes (stream `promotion-<id>`): analysts and managers draft, a sales manager approves. */
export const promotionRoutes = {
  draft: route(
    '/promotions',
    'DraftPromotion',
    schemas.DraftPromotion,
    'Draft a promotion: period, skus or categories, segments or regions, percent off or fixed price, budget of discount',
  ),
  approve: route(
    '/promotions/:id/approval',
    'ApprovePromotion',
    schemas.ApprovePromotion,
    'Approve a drafted promotion (sales manager)',
  ),
  end: route('/promotions/:id/end', 'EndPromotion', schemas.EndPromotion, 'End a promotion early, or withdraw a draft'),
} as const;
