import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../runner/runner.js';
import { appendTestEvents, type TestEvent } from '../testing/stored-events.js';
import { competitionById, competitionRows, competitionsProjection } from './competitions.projection.js';

const created = (competitionId: string, scope: string, startsOn: string): TestEvent => ({
  type: 'CompetitionCreated',
  at: '2026-03-20T08:00:00Z',
  data: {
    competitionId,
    name: `race ${competitionId}`,
    period: startsOn.slice(0, 7),
    metric: 'collected',
    scope,
    prize: 'a trophy',
    startsOn,
    endsOn: `${startsOn.slice(0, 8)}28`,
    createdBy: 'sm-1',
    createdAt: '2026-03-20T08:00:00Z',
  },
});

describe('competitions read model', () => {
  let runner: ProjectionRunner;
  let db: Database.Database;

  beforeAll(async () => {
    const store = createMemoryEventStore();
    db = new Database(':memory:');
    runner = new ProjectionRunner({ db, store, projections: [competitionsProjection] });
    await appendTestEvents(store, 'competition-a', [created('a', 'east', '2026-04-01')]);
    await appendTestEvents(store, 'competition-b', [
      created('b', 'all', '2026-05-01'),
      {
        type: 'CompetitionCancelled',
        at: '2026-03-21T08:00:00Z',
        data: { competitionId: 'b', reason: 'merged', cancelledBy: 'sm-1', cancelledAt: '2026-03-21T08:00:00Z' },
      },
    ]);
    await appendTestEvents(store, 'competition-c', [created('c', 'west', '2026-04-01')]);
    await runner.start();
    await runner.whenLive();
  });
  afterAll(() => runner.stop());

  it('keeps each competition with its terms, and the cancellation with its reason', () => {
    expect(competitionById(db, 'a')).toMatchObject({
      name: 'race a',
      period: '2026-04',
      metric: 'collected',
      scope: 'east',
      starts_on: '2026-04-01',
      cancelled_at: null,
    });
    expect(competitionById(db, 'b')).toMatchObject({ cancelled_at: '2026-03-21T08:00:00Z', cancel_reason: 'merged' });
    expect(competitionById(db, 'nope')).toBeUndefined();
  });

  it("lists a region's competitions with the company-wide ones, latest start first", () => {
    expect(competitionRows(db).map((r) => r.competition_id)).toEqual(['b', 'a', 'c']);
    expect(competitionRows(db, 'east').map((r) => r.competition_id)).toEqual(['b', 'a']);
  });

  it('rebuilds to the same digest', async () => {
    const before = runner.digest('competitions');
    await runner.rebuild('competitions');
    expect(runner.digest('competitions')).toEqual(before);
  });
});
