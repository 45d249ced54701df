import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../runner/runner.js';
import { appendTestEvents } from '../testing/stored-events.js';
import { improvementActionsProjection } from './improvement-actions.projection.js';
import { queryImprovementActions, type ImprovementActionFilter } from './improvement-actions.queries.js';

const finding = { report: 'satisfaction', metric: 'delivery', period: { from: '2026-01', to: '2026-03' }, value: 3.1 };
const opened = (id: string, department: string, dueOn: string, region?: string, ownerId = 'owner-1') => ({
  type: 'ImprovementActionOpened',
  at: '2026-04-08T02:00:00Z',
  data: {
    actionId: id,
    title: `action ${id}`,
    finding,
    department,
    ownerId,
    dueOn,
    ...(region === undefined ? {} : { region }),
    openedBy: 'sm-1',
    openerRole: 'sales_manager',
    openedAt: '2026-04-08T02:00:00Z',
  },
});
const changed = (id: string, from: string, to: string) => ({
  type: 'ImprovementActionStatusChanged',
  at: '2026-04-20T02:00:00Z',
  data: { actionId: id, from, to, note: `${to} note`, changedBy: 'sm-1', changedAt: '2026-04-20T02:00:00Z' },
});

describe('improvement actions read model', () => {
  it('keeps each action as it stands; by department, overdue first (in business dates), scoped by owner and region', async () => {
    const store = createMemoryEventStore();
    await appendTestEvents(store, 'action-a', [opened('a', 'delivery', '2026-05-31', 'east')]);
    await appendTestEvents(store, 'action-b', [
      opened('b', 'delivery', '2026-04-30', 'west', 'rep-1'),
      changed('b', 'open', 'in_progress'),
    ]);
    await appendTestEvents(store, 'action-c', [
      opened('c', 'billing', '2026-04-15'),
      changed('c', 'open', 'in_progress'),
      changed('c', 'in_progress', 'done'),
    ]);
    await appendTestEvents(store, 'action-d', [opened('d', 'delivery', '2026-04-20', 'east')]);
    await appendTestEvents(store, 'action-e', [opened('e', 'billing', '2026-05-01')]);
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [improvementActionsProjection] });
    await runner.start();
    await runner.whenLive();
    const lag = (name: string) => runner.freshness(name).lag;
    const keys = (filter: ImprovementActionFilter) =>
      queryImprovementActions(db, lag, filter).rows.map(
        (row) => `${row.department} ${row.action_id} ${row.status} ${row.days_overdue}`,
      );

    // On 2026-05-02: d is 12 days late, b 2 days; c was due earlier but is done; e and a are not due yet.
    expect(keys({ today: '2026-05-02' })).toEqual([
      'billing e open 1',
      'billing c done 0',
      'delivery d open 12',
      'delivery b in_progress 2',
      'delivery a open 0',
    ]);
    expect(keys({ today: '2026-04-20' })).toEqual([
      'billing c done 0',
      'billing e open 0',
      'delivery d open 0',
      'delivery b in_progress 0',
      'delivery a open 0',
    ]);
    expect(keys({ today: '2026-05-02', scope: { region: 'east' } })).toEqual([
      'delivery d open 12',
      'delivery a open 0',
    ]);
    expect(keys({ today: '2026-05-02', scope: { repId: 'rep-1' } })).toEqual(['delivery b in_progress 2']);
    expect(keys({ today: '2026-05-02', department: 'billing', status: 'done' })).toEqual(['billing c done 0']);
    const [c] = queryImprovementActions(db, lag, { today: '2026-05-02', department: 'billing', status: 'done' }).rows;
    expect(c).toMatchObject({ region: null, note: 'done note', changed_by: 'sm-1', overdue: false });
    expect(JSON.parse(c?.finding ?? '')).toEqual(finding);
    await runner.stop();
  });
});
