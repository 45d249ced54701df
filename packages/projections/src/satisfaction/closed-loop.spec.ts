import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../runner/runner.js';
import { reassigned, surveyed, type TestAnswer, type TestCustomer } from '../testing/customer-events.js';
import { followUpClosed, followUpOpened } from '../testing/follow-up-events.js';
import { appendTestEvents } from '../testing/stored-events.js';
import {
  addBusinessDays,
  listDetractorFollowUps,
  overdueBefore,
  type FollowUpListFilter,
} from './follow-ups.queries.js';
import type { FollowUpsDue } from './closed-loop.queries.js';
import { satisfactionProjection } from './satisfaction.projection.js';
import { querySatisfaction } from './satisfaction.queries.js';

const east: TestCustomer = { customerId: 'c-east', region: 'east', ownerRepId: 'rep-1', segment: 'smb' };
const west: TestCustomer = { customerId: 'c-west', region: 'west', ownerRepId: 'rep-2', segment: 'enterprise' };
const answer = (nps: number, csat: number): TestAnswer => ({ nps, csat, items: [3, 3, 3, 3] });
const TUE = '2026-03-10T02:00:00Z';
const figures = (opened: number, closed: number, recovered: number, open: number, overdue: number | null) => ({
  opened,
  closed,
  recovered,
  open,
  overdue,
});
const FRI = '2026-03-13T02:00:00Z';

/** Two unhappy answers each in east (Tuesday) and west (Friday), one of each closed, one content answer. */
async function history(store: EventStore): Promise<void> {
  await appendTestEvents(store, 'customer-c-east', [
    surveyed(east, 's1', answer(3, 2), TUE),
    followUpOpened(east, 's1', answer(3, 2), TUE),
    surveyed(east, 's2', answer(9, 1), TUE),
    followUpOpened(east, 's2', answer(9, 1), TUE),
    surveyed(east, 's3', answer(10, 5), TUE),
    followUpClosed(east, 's1', true, '2026-03-11T08:00:00Z'),
  ]);
  await appendTestEvents(store, 'customer-c-west', [
    surveyed(west, 's1', answer(5, 3), FRI),
    followUpOpened(west, 's1', answer(5, 3), FRI),
    surveyed(west, 's2', answer(6, 4), FRI),
    followUpOpened(west, 's2', answer(6, 4), FRI),
    followUpClosed(west, 's1', false, '2026-03-16T02:00:00Z'),
  ]);
}

async function live(store: EventStore): Promise<Database.Database> {
  const db = new Database(':memory:');
  const runner = new ProjectionRunner({ db, store, projections: [satisfactionProjection] });
  await runner.start();
  await runner.whenLive();
  return db;
}

const loops = (db: Database.Database, groupBy?: 'region', scope?: { repId: string }, followUpsDue?: FollowUpsDue) =>
  querySatisfaction(db, () => 0, {
    from: '2026-03',
    to: '2026-03',
    ...(groupBy ? { groupBy } : {}),
    ...(scope ? { scope } : {}),
    ...(followUpsDue ? { followUpsDue } : {}),
  }).rows.map((g) => [g.group, g.closedLoop]);

const filter = (overrides: Partial<FollowUpListFilter>): FollowUpListFilter => ({
  scope: {},
  today: '2026-03-12',
  businessDays: 2,
  overdueOnly: false,
  limit: 50,
  ...overrides,
});
const ids = (db: Database.Database, overrides: Partial<FollowUpListFilter>) =>
  listDetractorFollowUps(db, filter(overrides)).items.map(
    (i) => `${i.customerId}/${i.surveyId} ${i.ownerRepId} due ${i.dueOn}${i.overdue ? ' overdue' : ''}`,
  );

describe('the closed loop in the satisfaction report', () => {
  it('counts follow-ups opened, closed and recovered, with the closed-loop rate and mean hours to close', async () => {
    const store = createMemoryEventStore();
    await history(store);
    const db = await live(store);
    // east: s1 and s2 opened, s1 closed recovered after 30 h (Tue 02:00 -> Wed 08:00); west: s1 closed unrecovered after 72 h.
    expect(loops(db, 'region')).toEqual([
      ['east', { ...figures(2, 1, 1, 1, null), rate: 0.5, recoveryRate: 1, meanHoursToClose: 30 }],
      ['west', { ...figures(2, 1, 0, 1, null), rate: 0.5, recoveryRate: 0, meanHoursToClose: 72 }],
    ]);
    // All four: 2 of 4 closed, 1 of 2 recovered, (30 + 72) / 2 = 51 h.
    expect(loops(db)).toEqual([
      [null, { ...figures(4, 2, 1, 2, null), rate: 0.5, recoveryRate: 0.5, meanHoursToClose: 51 }],
    ]);
    expect(loops(db, undefined, { repId: 'rep-1' })).toEqual([
      [null, { ...figures(2, 1, 1, 1, null), rate: 0.5, recoveryRate: 1, meanHoursToClose: 30 }],
    ]);
  });

  it('counts the follow-ups still open and, given an as-of date, those past their due date as the work lists judge them', async () => {
    const store = createMemoryEventStore();
    await history(store);
    const db = await live(store);
    const open = (today: string, businessDays = 2) =>
      querySatisfaction(db, () => 0, {
        from: '2026-03',
        to: '2026-03',
        groupBy: 'region',
        followUpsDue: { today, businessDays },
      }).rows.map((g) => [g.group, g.closedLoop.open, g.closedLoop.overdue]);
    // east s2 (Tuesday 10th) is due Thursday 12th, west s2 (Friday 13th) Tuesday 17th: each overdue the day after.
    expect(open('2026-03-12')).toEqual([
      ['east', 1, 0],
      ['west', 1, 0],
    ]);
    expect(open('2026-03-13')).toEqual([
      ['east', 1, 1],
      ['west', 1, 0],
    ]);
    expect(open('2026-03-18')).toEqual([
      ['east', 1, 1],
      ['west', 1, 1],
    ]);
    expect(open('2026-03-13', 3)).toEqual([
      ['east', 1, 0],
      ['west', 1, 0],
    ]);
    // The same follow-ups as the rep's work list says are overdue, whatever the day.
    for (const today of ['2026-03-11', '2026-03-13', '2026-03-16', '2026-03-18']) {
      const listed = ids(db, { scope: { repId: 'rep-1' }, today }).filter((line) => line.endsWith(' overdue')).length;
      expect(loops(db, undefined, { repId: 'rep-1' }, { today, businessDays: 2 })[0]?.[1]).toMatchObject({
        overdue: listed,
      });
    }
  });

  it('finds the first opening date not yet overdue, across weekends and with no days given', () => {
    expect(overdueBefore('2026-03-12', 2)).toBe('2026-03-10'); // opened Monday 9th: due Wednesday, overdue Thursday
    expect(overdueBefore('2026-03-16', 2)).toBe('2026-03-12'); // a Monday: opened Wednesday 11th was due Friday
    expect(overdueBefore('2026-03-16', 0)).toBe('2026-03-16');
  });

  it('gives the same rows when replayed from the start (the follow-ups are events, not decided again)', async () => {
    const store = createMemoryEventStore();
    await history(store);
    const first = await live(store);
    const second = await live(store);
    const rows = (db: Database.Database) =>
      db.prepare('SELECT * FROM satisfaction_answers ORDER BY customer_id, survey_id').all();
    expect(rows(second)).toEqual(rows(first));
    expect(rows(first)).toHaveLength(5);
  });
});

describe('open follow-ups on the work lists', () => {
  it('counts business days, skipping weekends', () => {
    expect(addBusinessDays('2026-03-10', 2)).toBe('2026-03-12'); // Tuesday -> Thursday
    expect(addBusinessDays('2026-03-13', 2)).toBe('2026-03-17'); // Friday -> Tuesday
    expect(addBusinessDays('2026-03-14', 1)).toBe('2026-03-16'); // Saturday -> Monday
    expect(addBusinessDays('2026-03-13', 0)).toBe('2026-03-13');
  });

  it("lists a rep's open follow-ups, due two business days after the answer, overdue the day after", async () => {
    const store = createMemoryEventStore();
    await history(store);
    const db = await live(store);
    expect(ids(db, { scope: { repId: 'rep-1' } })).toEqual(['c-east/s2 rep-1 due 2026-03-12']);
    expect(ids(db, { scope: { repId: 'rep-1' }, today: '2026-03-13' })).toEqual([
      'c-east/s2 rep-1 due 2026-03-12 overdue',
    ]);
    expect(ids(db, { scope: { repId: 'rep-1' }, businessDays: 3, today: '2026-03-13' })).toEqual([
      'c-east/s2 rep-1 due 2026-03-13',
    ]);
    expect(ids(db, { scope: { repId: 'rep-2' } })).toEqual(['c-west/s2 rep-2 due 2026-03-17']);
  });

  it("puts only overdue ones in a manager's inbox, in their region", async () => {
    const store = createMemoryEventStore();
    await history(store);
    const db = await live(store);
    expect(ids(db, { overdueOnly: true, today: '2026-03-16' })).toEqual(['c-east/s2 rep-1 due 2026-03-12 overdue']);
    expect(ids(db, { overdueOnly: true, today: '2026-03-18' })).toEqual([
      'c-east/s2 rep-1 due 2026-03-12 overdue',
      'c-west/s2 rep-2 due 2026-03-17 overdue',
    ]);
    expect(ids(db, { overdueOnly: true, today: '2026-03-18', scope: { region: 'west' } })).toEqual([
      'c-west/s2 rep-2 due 2026-03-17 overdue',
    ]);
    expect(ids(db, { overdueOnly: true, today: '2026-03-11' })).toEqual([]);
  });

  it('hands open follow-ups to the new owner on reassignment, and says when there are more', async () => {
    const store = createMemoryEventStore();
    await history(store);
    await appendTestEvents(store, 'customer-c-west', [reassigned(west, 'rep-1', 'east', '2026-03-14T02:00:00Z')]);
    const db = await live(store);
    expect(ids(db, { scope: { repId: 'rep-1' } })).toEqual([
      'c-east/s2 rep-1 due 2026-03-12',
      'c-west/s2 rep-1 due 2026-03-17',
    ]);
    expect(ids(db, { scope: { repId: 'rep-2' } })).toEqual([]);
    expect(listDetractorFollowUps(db, filter({ scope: { region: 'east' }, limit: 1 }))).toMatchObject({
      more: true,
      items: [{ surveyId: 's2', customerId: 'c-east' }],
    });
    // The satisfaction figures stay with the owner at the time of the answer.
    expect(loops(db, undefined, { repId: 'rep-1' })[0]?.[1]).toMatchObject({ opened: 2 });
  });
});
