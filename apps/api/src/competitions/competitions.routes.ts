import { competitionCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

/** The competition command routes (stream `competition-<id>`); the list and standings are report routes. */
export const competitionRoutes = {
  create: commandRoute({
    path: '/competitions',
    type: 'CreateCompetition',
    schema: schemas.CreateCompetition,
    summary:
      'Announce a sales competition: a period, a metric, the reps of a region or all, and the prize (sales managers)',
    tag: 'competitions',
    aggregate: 'competition',
  }),
  cancel: commandRoute({
    path: '/competitions/:id/cancellation',
    type: 'CancelCompetition',
    schema: schemas.CancelCompetition,
    summary: 'Call a competition off before its first day, with a reason (sales managers)',
    tag: 'competitions',
    aggregate: 'competition',
    idField: 'competitionId',
  }),
} as const;
