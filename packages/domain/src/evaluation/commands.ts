import { z } from 'zod';
import { Currency, PositiveMinorUnits } from '../shared/money.js';
import { ActorId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { BusinessDate } from '../shared/time.js';

/** A calendar quarter `YYYY-Qn` (evaluations are quarterly). */
export const Quarter = z.string().regex(/^\d{4}-Q[1-4]$/, 'must be a quarter YYYY-Qn (n from 1 to 4)');
export type Quarter = z.infer<typeof Quarter>;

/** The three months `YYYY-MM` of a quarter, in order. */
export const quarterMonths = (quarter: Quarter): readonly [string, string, string] => {
  const year = quarter.slice(0, 4);
  const first = (Number(quarter.slice(6)) - 1) * 3 + 1;
  const month = (offset: number) => `${year}-${String(first + offset).padStart(2, '0')}`;
  return [month(0), month(1), month(2)];
};

const Text = (name: string, max = 4_000) =>
  z
    .string({ message: `${name} must be a text` })
    .trim()
    .min(1, `${name} must not be empty`)
    .max(max, `${name} must be at most ${max} characters`);

/** Rating scale: 1 unsatisfactory, 2 needs improvement, 3 meets expectations, 4 exceeds expectations, 5 outstanding. */
export const Rating = z
  .number({ message: 'rating must be a number' })
  .int('rating must be a whole number')
  .min(1, 'rating must be 1 to 5')
  .max(5, 'rating must be 1 to 5');
export type Rating = z.infer<typeof Rating>;

/** An improvement action the rep is to complete by a date. */
export const ImprovementAction = z.object({ action: Text('action', 1_000), dueOn: BusinessDate }).strict();
export type ImprovementAction = z.infer<typeof ImprovementAction>;

/** A reward or penalty decided: a bonus (integer minor units), a recognition, coaching or a warning (each with its note). */
export const EvaluationOutcome = z.discriminatedUnion(
  'kind',
  [
    z
      .object({ kind: z.literal('bonus'), amount: PositiveMinorUnits, currency: Currency, note: Text('note', 1_000) })
      .strict(),
    z.object({ kind: z.literal('recognition'), note: Text('note', 1_000) }).strict(),
    z.object({ kind: z.literal('coaching'), note: Text('note', 1_000) }).strict(),
    z.object({ kind: z.literal('warning'), note: Text('note', 1_000) }).strict(),
  ],
  { error: 'kind must be bonus, recognition, coaching or warning' },
);
export type EvaluationOutcome = z.infer<typeof EvaluationOutcome>;

/** Which evaluation: a rep's quarter (stream `evaluation-<rep>-<YYYY-Qn>`). */
const EvaluationKey = { repId: ActorId, quarter: Quarter };

/** A manager opens a rep's evaluation of a quarter; the KPI snapshot comes from the scorecard, read by the handler. */
export const OpenEvaluation = z.object(EvaluationKey).strict();
export type OpenEvaluation = z.infer<typeof OpenEvaluation>;

/** A manager records (or, before finalising, replaces) the assessment: rating, strengths, actions, rewards or penalties. */
export const AssessEvaluation = z
  .object({
    ...EvaluationKey,
    rating: Rating,
    strengths: Text('strengths'),
    comments: Text('comments').optional(),
    actions: z.array(ImprovementAction).max(20, 'at most 20 improvement actions'),
    outcomes: z.array(EvaluationOutcome).max(4, 'at most 4 outcomes'),
  })
  .strict()
  .refine((data) => new Set(data.outcomes.map((outcome) => outcome.kind)).size === data.outcomes.length, {
    path: ['outcomes'],
    message: 'each kind of outcome at most once',
  });
export type AssessEvaluation = z.infer<typeof AssessEvaluation>;

/** A manager finalises the assessed evaluation: it no longer changes. */
export const FinaliseEvaluation = z.object(EvaluationKey).strict();
export type FinaliseEvaluation = z.infer<typeof FinaliseEvaluation>;

/** The rep acknowledges their finalised evaluation, with an optional comment. */
export const AcknowledgeEvaluation = z.object({ ...EvaluationKey, comment: Text('comment').optional() }).strict();
export type AcknowledgeEvaluation = z.infer<typeof AcknowledgeEvaluation>;

/**
 * The KPI snapshot of an evaluation as it stood: the scorecard rows of the quarter's three months as the API
 * answered them to the evaluating manager (JSON text, kept exactly), and the log position they were read at.
 */
export const EvaluationSnapshot = z.object({
  scorecards: z.string(),
  position: z
    .string()
    .regex(/^\d{1,40}$/)
    .nullable(),
});
export type EvaluationSnapshot = z.infer<typeof EvaluationSnapshot>;

/** OpenEvaluation as a command, with the snapshot the handler read. */
export type OpenEvaluationCommand = Command<'OpenEvaluation', OpenEvaluation> & {
  readonly inputs: { readonly snapshot: EvaluationSnapshot };
};
/** AssessEvaluation as a command. */
export type AssessEvaluationCommand = Command<'AssessEvaluation', AssessEvaluation>;
/** FinaliseEvaluation as a command. */
export type FinaliseEvaluationCommand = Command<'FinaliseEvaluation', FinaliseEvaluation>;
/** AcknowledgeEvaluation as a command. */
export type AcknowledgeEvaluationCommand = Command<'AcknowledgeEvaluation', AcknowledgeEvaluation>;

/** Every Evaluation command. */
export type EvaluationCommand =
  OpenEvaluationCommand | AssessEvaluationCommand | FinaliseEvaluationCommand | AcknowledgeEvaluationCommand;

/** Schemas of the Evaluation commands' data, by command type (HTTP validation and OpenAPI). */
export const evaluationCommandSchemas = {
  OpenEvaluation,
  AssessEvaluation,
  FinaliseEvaluation,
  AcknowledgeEvaluation,
} as const;
