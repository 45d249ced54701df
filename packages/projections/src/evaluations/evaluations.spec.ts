import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../runner/runner.js';
import { appendTestEvents } from '../testing/stored-events.js';
import { evaluationsProjection } from './evaluations.projection.js';
import { queryEvaluations } from './evaluations.queries.js';

const opened = (repId: string, quarter: string, region: string, at: string) => ({
  type: 'EvaluationOpened',
  at,
  data: {
    repId,
    quarter,
    region,
    snapshot: { scorecards: `[{"month":"${quarter}"}]`, position: '7' },
    openedBy: `rm-${region}`,
    openedAt: at,
  },
});
const assessed = (repId: string, quarter: string, rating: number, at: string) => ({
  type: 'EvaluationAssessed',
  at,
  data: {
    repId,
    quarter,
    rating,
    strengths: `strengths of ${repId}`,
    comments: null,
    actions: [{ action: 'call every key account', dueOn: '2026-06-30' }],
    outcomes: rating >= 4 ? [{ kind: 'bonus', amount: 250_000, currency: 'CNY', note: 'over target' }] : [],
    assessedBy: 'sm-1',
    assessedAt: at,
  },
});

describe('evaluations read model', () => {
  it('keeps each evaluation as it stands, scoped by rep and region, newest quarter first', async () => {
    const store = createMemoryEventStore();
    await appendTestEvents(store, 'evaluation-rep-1-2026-Q1', [
      opened('rep-1', '2026-Q1', 'east', '2026-04-01T02:00:00Z'),
      assessed('rep-1', '2026-Q1', 3, '2026-04-01T03:00:00Z'),
      assessed('rep-1', '2026-Q1', 4, '2026-04-01T04:00:00Z'),
      {
        type: 'EvaluationFinalised',
        at: '2026-04-02T02:00:00Z',
        data: {
          repId: 'rep-1',
          quarter: '2026-Q1',
          rating: 4,
          finalisedBy: 'rm-east',
          finalisedAt: '2026-04-02T02:00:00Z',
        },
      },
      {
        type: 'EvaluationAcknowledged',
        at: '2026-04-03T02:00:00Z',
        data: { repId: 'rep-1', quarter: '2026-Q1', comment: 'thanks', acknowledgedAt: '2026-04-03T02:00:00Z' },
      },
    ]);
    await appendTestEvents(store, 'evaluation-rep-1-2025-Q4', [
      opened('rep-1', '2025-Q4', 'east', '2026-01-02T02:00:00Z'),
    ]);
    await appendTestEvents(store, 'evaluation-rep-9-2026-Q1', [
      opened('rep-9', '2026-Q1', 'west', '2026-04-01T05:00:00Z'),
    ]);
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [evaluationsProjection] });
    await runner.start();
    await runner.whenLive();
    const lag = (name: string) => runner.freshness(name).lag;
    const keys = (filter: Parameters<typeof queryEvaluations>[2]) =>
      queryEvaluations(db, lag, filter).rows.map((row) => `${row.rep_id} ${row.quarter} ${row.status}`);

    expect(keys({})).toEqual(['rep-1 2026-Q1 acknowledged', 'rep-9 2026-Q1 open', 'rep-1 2025-Q4 open']);
    expect(keys({ year: '2026' })).toEqual(['rep-1 2026-Q1 acknowledged', 'rep-9 2026-Q1 open']);
    expect(keys({ scope: { region: 'west' } })).toEqual(['rep-9 2026-Q1 open']);
    expect(keys({ scope: { repId: 'rep-1' }, repId: 'rep-9' })).toEqual([]);
    expect(keys({ repId: 'rep-1', quarter: '2025-Q4' })).toEqual(['rep-1 2025-Q4 open']);
    const [q1] = queryEvaluations(db, lag, { repId: 'rep-1', quarter: '2026-Q1' }).rows;
    expect(q1).toMatchObject({
      rating: 4,
      strengths: 'strengths of rep-1',
      snapshot_position: '7',
      opened_by: 'rm-east',
      assessed_at: '2026-04-01T04:00:00Z',
      finalised_by: 'rm-east',
      acknowledgement: 'thanks',
    });
    expect(JSON.parse(q1?.outcomes ?? '')).toEqual([
      { kind: 'bonus', amount: 250_000, currency: 'CNY', note: 'over target' },
    ]);
    expect(queryEvaluations(db, lag, {}).position).not.toBeNull();
    await runner.stop();
  });

  it('parks an assessment of an evaluation never opened rather than invent a row', async () => {
    const store = createMemoryEventStore();
    await appendTestEvents(store, 'evaluation-rep-2-2026-Q1', [
      assessed('rep-2', '2026-Q1', 3, '2026-04-01T03:00:00Z'),
    ]);
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [evaluationsProjection] });
    await runner.start();
    await runner.whenLive();
    expect(queryEvaluations(db, () => 0, {}).rows).toEqual([]);
    expect(runner.parked('evaluations').map((parked) => parked.type)).toEqual(['EvaluationAssessed']);
    await runner.stop();
  });
});
