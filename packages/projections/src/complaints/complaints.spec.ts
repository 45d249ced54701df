import { createMemoryEventStore, type EventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../runner/runner.js';
import { complaintEvents, type TestComplaint } from '../testing/complaint-events.js';
import { appendTestEvents, type TestEvent } from '../testing/stored-events.js';
import { nearestRank } from './complaint-figures.js';
import { complaintsProjection } from './complaints.projection.js';
import { queryComplaints, type ComplaintsFilter, type ComplaintsGroup } from './complaints.queries.js';

const H = 3_600_000;
const base = { ownerRepId: 'rep-1', region: 'east' };
// SLA targets: medium ack 8h / resolve 120h; high 4h / 72h; critical 1h / 24h; low 24h / 240h.
const k1: TestComplaint = {
  ...base,
  complaintId: 'k1',
  category: 'delivery',
  severity: 'medium',
  channel: 'phone',
  filedAt: '2026-03-02T01:00:00Z',
};
const k2: TestComplaint = {
  ...base,
  complaintId: 'k2',
  category: 'product_quality',
  severity: 'high',
  channel: 'email',
  filedAt: '2026-03-03T01:00:00Z',
};
const k3: TestComplaint = {
  complaintId: 'k3',
  category: 'billing',
  severity: 'critical',
  channel: 'web',
  ownerRepId: 'rep-2',
  region: 'west',
  filedAt: '2026-03-04T01:00:00Z',
};
// 16:30Z on 31 March is 00:30 on 1 April in Shanghai: an April complaint.
const k4: TestComplaint = {
  complaintId: 'k4',
  category: 'delivery',
  severity: 'low',
  channel: 'visit',
  ownerRepId: 'rep-2',
  region: 'west',
  filedAt: '2026-03-31T16:30:00Z',
};
const k5: TestComplaint = {
  ...base,
  complaintId: 'k5',
  category: 'service',
  severity: 'medium',
  channel: 'phone',
  filedAt: '2026-03-05T01:00:00Z',
};

function histories(): Array<[TestComplaint, TestEvent[]]> {
  const [e1, e2, e3, e4, e5] = [
    complaintEvents(k1),
    complaintEvents(k2),
    complaintEvents(k3),
    complaintEvents(k4),
    complaintEvents(k5),
  ];
  return [
    // Ack 2h; waits on the customer 10h-34h; resolved at 50h: 50 - 24 = 26h handling. Closed, satisfaction 4.
    [k1, [e1.filed(), e1.acknowledged(2), e1.awaiting(10), e1.responded(10, 34), e1.resolved(50), e1.closed(60, 4)]],
    // Ack 6h (> 4h: breached). Resolved 40h, closed (2), reopened 100h, resolved 130h: 40 + 30 = 70h <= 72h (130h if the
    // 60h between resolution and reopen counted). Closed again, satisfaction 5.
    [
      k2,
      [
        e2.filed(),
        e2.acknowledged(6),
        e2.resolved(40),
        e2.closed(48, 2),
        e2.reopened(48, 100),
        e2.resolved(130),
        e2.closed(140, 5),
      ],
    ],
    // Never acknowledged: both clocks run past 1h and 24h.
    [k3, [e3.filed()]],
    [k4, [e4.filed(), e4.acknowledged(3)]],
    // Ack 1h; waiting on the customer since 5h: the resolution clock stays at 5h however long the wait.
    [k5, [e5.filed(), e5.acknowledged(1), e5.awaiting(5)]],
  ];
}

async function live(store: EventStore): Promise<{ db: Database.Database; runner: ProjectionRunner }> {
  for (const [c, events] of histories()) await appendTestEvents(store, `complaint-${c.complaintId}`, events);
  const db = new Database(':memory:');
  const runner = new ProjectionRunner({ db, store, projections: [complaintsProjection] });
  await runner.start();
  await runner.whenLive();
  return { db, runner };
}

const END_OF_APRIL = '2026-04-30T16:00:00Z';
const report = (db: Database.Database, filter: Partial<ComplaintsFilter>): readonly ComplaintsGroup[] =>
  queryComplaints(db, () => 0, { from: '2026-03', to: '2026-03', asOf: END_OF_APRIL, ...filter }).rows;
const none = { n: 0, meanMs: null, p90Ms: null, breached: 0, breachRate: null };

describe('complaints report', () => {
  it('counts, times (mean, p90), SLA breaches, reopen rate and handling satisfaction of March as of the end of April', async () => {
    const store = createMemoryEventStore();
    const { db, runner } = await live(store);
    const result = queryComplaints(db, (name) => runner.freshness(name).lag, {
      from: '2026-03',
      to: '2026-03',
      asOf: END_OF_APRIL,
    });
    // 6 + 7 + 1 + 2 + 3 = 19 events.
    expect(result.position).toBe('19');
    // March (Shanghai): k1, k2, k3, k5.
    // Acknowledged k1 2h, k2 6h, k5 1h: mean 9h/3 = 3h; p90 rank ceil(2.7) = 3 -> 6h. Breached k2 and k3: 2/4.
    // Resolved k1 26h, k2 70h: mean 48h; p90 rank ceil(1.8) = 2 -> 70h. Breached k3 only (k5 paused at 5h): 1/4.
    // Resolved at least once k1, k2; reopened k2: 1/2. Satisfaction at the latest closing: k1 4, k2 5: 4.5.
    expect(result.rows).toEqual([
      {
        group: null,
        complaints: 4,
        byCategory: { product_quality: 1, delivery: 1, billing: 1, service: 1, other: 0 },
        bySeverity: { low: 0, medium: 2, high: 1, critical: 1 },
        byChannel: { phone: 2, email: 1, web: 1, visit: 0 },
        acknowledge: { n: 3, meanMs: 3 * H, p90Ms: 6 * H, breached: 2, breachRate: 0.5 },
        resolve: { n: 2, meanMs: 48 * H, p90Ms: 70 * H, breached: 1, breachRate: 0.25 },
        reopen: { reopened: 1, n: 2, rate: 0.5 },
        handlingSatisfaction: { mean: 4.5, n: 2 },
      },
    ]);

    const incremental = runner.digest('complaints');
    await runner.rebuild('complaints');
    expect(runner.digest('complaints')).toEqual(incremental);
    const stored = JSON.stringify(db.prepare('SELECT * FROM complaint_facts').all());
    expect(stored).not.toMatch(/Secret|138 0000|Replaced the goods|Still broken|Asked for photos/);
    await runner.stop();
  });

  it('answers as of an earlier instant: a reopened complaint is open again and its clock ran only while it was ours', async () => {
    const store = createMemoryEventStore();
    const { db, runner } = await live(store);
    // k2 + 110h = 2026-03-07T15:00Z: reopened at 100h, not yet resolved again (40 + 10 = 50h so far, no breach).
    // Resolved: k1 26h only. Breached: k3 (86h since filing > 24h). Satisfaction: k1 4, k2 2 (its first closing): 3.
    const [all] = report(db, { asOf: '2026-03-07T15:00:00Z' });
    expect(all).toMatchObject({
      complaints: 4,
      resolve: { n: 1, meanMs: 26 * H, p90Ms: 26 * H, breached: 1, breachRate: 0.25 },
      reopen: { reopened: 1, n: 2, rate: 0.5 },
      handlingSatisfaction: { mean: 3, n: 2 },
    });
    // 2026-03-03T12:00Z: k3 and k5 are not filed yet; k2 was acknowledged at 07:00 after 6h (breached); k1 at 2h.
    const [early] = report(db, { asOf: '2026-03-03T12:00:00Z' });
    expect(early).toMatchObject({
      complaints: 2,
      acknowledge: { n: 2, meanMs: 4 * H, breached: 1, breachRate: 0.5 },
      resolve: { ...none, breachRate: 0 },
      reopen: { n: 0, rate: null },
    });
    await runner.stop();
  });

  it('groups by severity with every severity listed, null rates for none, and buckets filing days in Asia/Shanghai', async () => {
    const store = createMemoryEventStore();
    const { db, runner } = await live(store);
    const bySeverity = report(db, { groupBy: 'severity' });
    expect(bySeverity.map((g) => [g.group, g.complaints])).toEqual([
      ['low', 0],
      ['medium', 2],
      ['high', 1],
      ['critical', 1],
    ]);
    expect(bySeverity[0]).toMatchObject({
      acknowledge: none,
      resolve: none,
      reopen: { reopened: 0, n: 0, rate: null },
      handlingSatisfaction: { mean: null, n: 0 },
    });
    // Medium: k1 (ack 2h, resolved 26h) and k5 (ack 1h, paused): ack mean 1.5h, p90 rank ceil(1.8) = 2 -> 2h.
    expect(bySeverity[1]).toMatchObject({
      acknowledge: { n: 2, meanMs: 1.5 * H, p90Ms: 2 * H, breached: 0, breachRate: 0 },
      resolve: { n: 1, meanMs: 26 * H, breached: 0 },
    });

    // Zero complaints: one ungrouped row, every rate null.
    expect(report(db, { from: '2026-05', to: '2026-05' })).toEqual([
      {
        group: null,
        complaints: 0,
        byCategory: { product_quality: 0, delivery: 0, billing: 0, service: 0, other: 0 },
        bySeverity: { low: 0, medium: 0, high: 0, critical: 0 },
        byChannel: { phone: 0, email: 0, web: 0, visit: 0 },
        acknowledge: none,
        resolve: none,
        reopen: { reopened: 0, n: 0, rate: null },
        handlingSatisfaction: { mean: null, n: 0 },
      },
    ]);
    expect(report(db, { from: '2026-03-31', to: '2026-03-31' })[0]?.complaints).toBe(0);
    expect(
      report(db, { from: '2026-04-01', to: '2026-04-30', groupBy: 'channel' }).map((g) => [g.group, g.complaints]),
    ).toEqual([
      ['phone', 0],
      ['email', 0],
      ['web', 0],
      ['visit', 1],
    ]);
    expect(report(db, { groupBy: 'rep' }).map((g) => [g.group, g.complaints])).toEqual([
      ['rep-1', 3],
      ['rep-2', 1],
    ]);
    expect(report(db, { groupBy: 'region', scope: { region: 'west' } }).map((g) => [g.group, g.complaints])).toEqual([
      ['west', 1],
    ]);
    expect(() => report(db, { asOf: 'yesterday' })).toThrow(RangeError);
    await runner.stop();
  });

  it('parks an event of a complaint never filed', async () => {
    const store = createMemoryEventStore();
    await appendTestEvents(store, 'complaint-k9', [complaintEvents({ ...k1, complaintId: 'k9' }).acknowledged(1)]);
    const db = new Database(':memory:');
    const runner = new ProjectionRunner({ db, store, projections: [complaintsProjection] });
    await runner.start();
    await runner.whenLive();
    expect((await runner.status())[0]).toMatchObject({ state: 'stalled', parked: 1, blockedStreams: ['complaint-k9'] });
    await runner.stop();
  });
});

describe('nearest-rank percentile', () => {
  it('takes the value at rank ceil(p/100 * n) of the sorted values', () => {
    const upTo = (n: number) => Array.from({ length: n }, (_, i) => n - i);
    expect(nearestRank(upTo(10), 90)).toBe(9); // ceil(9) = 9
    expect(nearestRank(upTo(11), 90)).toBe(10); // ceil(9.9) = 10
    expect(nearestRank(upTo(20), 90)).toBe(18); // ceil(18) = 18
    expect(nearestRank([7], 90)).toBe(7); // ceil(0.9) = 1
    expect(nearestRank([], 90)).toBeNull();
    expect(() => nearestRank([1], 0)).toThrow(RangeError);
  });
});
