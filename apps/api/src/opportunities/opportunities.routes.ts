import type { z } from 'zod';
import { opportunityCommandSchemas as schemas } from '@salesbook/domain';
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
    tag: 'opportunities',
    aggregate: 'opportunity',
    ...(path.includes(':id') ? { idField: 'opportunityId' } : {}),
  });

/** The Opportunity command routes (stream `opportunity-<id>`): the pipeline and the quotations sent from it. */
export const opportunityRoutes = {
  open: route(
    '/opportunities',
    'OpenOpportunity',
    schemas.OpenOpportunity,
    'Open an opportunity: customer, rep, amount, expected close month, stage and probability',
  ),
  revise: route(
    '/opportunities/:id/revisions',
    'ReviseOpportunity',
    schemas.ReviseOpportunity,
    'Revise the amount, expected close month or probability (null: the stage default)',
  ),
  move: route(
    '/opportunities/:id/stage',
    'MoveOpportunityStage',
    schemas.MoveOpportunityStage,
    'Move an open opportunity to another open stage',
  ),
  lose: route(
    '/opportunities/:id/loss',
    'LoseOpportunity',
    schemas.LoseOpportunity,
    'The opportunity is lost, with the reason',
  ),
  quote: route(
    '/opportunities/:id/quotations',
    'SendQuotation',
    schemas.SendQuotation,
    "Send a quotation: lines priced as an order's, valid until a date",
  ),
  accept: route(
    '/opportunities/:id/quotation-acceptance',
    'AcceptQuotation',
    schemas.AcceptQuotation,
    'The customer accepts a quotation: its order is placed and the opportunity is won',
  ),
} as const;
