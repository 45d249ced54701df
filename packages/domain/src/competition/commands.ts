import { z } from 'zod';
import type { Command } from '../shared/message.js';
import type { IsoDate } from '../shared/time.js';
import { CompetitionId, CompetitionMetric, CompetitionPeriod, CompetitionScope } from './vocabulary.js';

const Text = (field: string, max: number) =>
  z.string().trim().min(1, `${field} must not be empty`).max(max, `${field} must be at most ${max} characters`);

/** Announce a competition: reps of a scope ranked by one metric over a period, and what the winner gets. */
export const CreateCompetition = z
  .object({
    competitionId: CompetitionId,
    name: Text('name', 120),
    period: CompetitionPeriod,
    metric: CompetitionMetric,
    scope: CompetitionScope,
    prize: Text('prize', 500),
  })
  .strict();
export type CreateCompetition = z.infer<typeof CreateCompetition>;

/** Call a competition off before its period starts, with the reason the reps are told. */
export const CancelCompetition = z.object({ competitionId: CompetitionId, reason: Text('reason', 500) }).strict();
export type CancelCompetition = z.infer<typeof CancelCompetition>;

/** The business date of the command in the business zone, which the handler computes (the decider reads no clock or zone). */
export interface CompetitionInputs {
  readonly today: IsoDate;
}

/** CreateCompetition as a command. */
export type CreateCompetitionCommand = Command<'CreateCompetition', CreateCompetition> & {
  readonly inputs: CompetitionInputs;
};
/** CancelCompetition as a command. */
export type CancelCompetitionCommand = Command<'CancelCompetition', CancelCompetition> & {
  readonly inputs: CompetitionInputs;
};

/** Every command of a competition (stream `competition-<id>`). */
export type CompetitionCommand = CreateCompetitionCommand | CancelCompetitionCommand;

/** Schemas of the competition commands' data, by command type (HTTP validation and OpenAPI). */
export const competitionCommandSchemas = { CreateCompetition, CancelCompetition } as const;
