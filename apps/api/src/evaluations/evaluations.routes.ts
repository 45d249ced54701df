import type { z } from 'zod';
import { evaluationCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) => commandRoute({ path, type, schema, summary, tag: 'evaluations', aggregate: 'evaluation' });

/** Quarterly evaluations (stream `evaluation-<rep>-<YYYY-Qn>`): a rep's manager opens, assesses and finalises; the rep acknowledges. */
export const evaluationRoutes = {
  open: route(
    '/evaluations',
    'OpenEvaluation',
    schemas.OpenEvaluation,
    "Open a rep's evaluation of a quarter (their regional manager or a sales manager): the quarter's scorecards are kept as they stand, with their position",
  ),
  assess: route(
    '/evaluations/assessment',
    'AssessEvaluation',
    schemas.AssessEvaluation,
    'Record the rating (1-5), strengths, improvement actions and rewards or penalties; replaces the last assessment until finalised',
  ),
  finalise: route(
    '/evaluations/finalisation',
    'FinaliseEvaluation',
    schemas.FinaliseEvaluation,
    'Finalise the assessed evaluation: it no longer changes',
  ),
  acknowledge: route(
    '/evaluations/acknowledgement',
    'AcknowledgeEvaluation',
    schemas.AcknowledgeEvaluation,
    'Acknowledge a finalised evaluation (the evaluated rep only), with an optional comment',
  ),
} as const;
