import type { ComplaintEvent } from './events.js';
import { slaStatus, slaTargets } from './sla.js';
import { recordInComplaintTimeline, complaintTimelineOf, type ComplaintTimeline } from './timeline.js';
import { at, ev } from './testing.js';

const H = 3_600_000;
const timeline = (events: readonly ComplaintEvent[]): ComplaintTimeline => {
  const built = complaintTimelineOf(events);
  if (built === null) throw new Error('no complaint filed');
  return built;
};

// Critical: acknowledge within 1h, resolve within 24h. Filed 0h, acknowledged 2h, waits on the customer
// 6h-30h, resolved 40h, closed 48h, reopened 72h, resolved again 80h.
const critical = [
  ev.filed('critical'),
  ev.assigned(0.5),
  ev.acknowledged(2),
  ev.investigated(5),
  ev.awaiting(6),
  ev.responded(6, 30),
  ev.resolved(40),
  ev.closed(48),
  ev.reopened(72),
  ev.resolved(80),
];

describe('slaTargets', () => {
  it.each([
    ['low', 24 * H, 240 * H],
    ['medium', 8 * H, 120 * H],
    ['high', 4 * H, 72 * H],
    ['critical', 1 * H, 24 * H],
  ] as const)(
    '%s: acknowledge within %i ms, resolve within %i ms',
    (severity, acknowledgeWithinMs, resolveWithinMs) => {
      expect(slaTargets(severity)).toEqual({ acknowledgeWithinMs, resolveWithinMs });
    },
  );
});

describe('slaStatus', () => {
  it('excludes the wait on the customer and the time between resolution and reopen', () => {
    // Working time (0-40h) + (72-80h) = 48h, less 24h waiting = 24h: exactly the target, so no breach.
    expect(slaStatus(timeline(critical), at(100))).toEqual({
      severity: 'critical',
      targets: { acknowledgeWithinMs: H, resolveWithinMs: 24 * H },
      acknowledged: true,
      timeToAcknowledgeMs: 2 * H,
      acknowledgeBreached: true,
      resolved: true,
      timeToResolveMs: 24 * H,
      pausedMs: 24 * H,
      resolveBreached: false,
      reopenCount: 1,
    });
  });

  it('breaches one hour later, and would have breached had the wait counted', () => {
    const late = [...critical.slice(0, -1), ev.resolved(81)];
    expect(slaStatus(timeline(late), at(100))).toMatchObject({ timeToResolveMs: 25 * H, resolveBreached: true });
    const firstResolution = slaStatus(timeline(critical.slice(0, 7)), at(41));
    expect(firstResolution).toMatchObject({
      timeToResolveMs: 16 * H,
      pausedMs: 24 * H,
      resolveBreached: false,
      resolved: true,
    });
  });

  it('answers as of any earlier instant', () => {
    const t = timeline(critical);
    expect(slaStatus(t, at(0.5))).toMatchObject({
      acknowledged: false,
      timeToAcknowledgeMs: 0.5 * H,
      acknowledgeBreached: false,
    });
    expect(slaStatus(t, at(1.5))).toMatchObject({
      acknowledged: false,
      timeToAcknowledgeMs: 1.5 * H,
      acknowledgeBreached: true,
    });
    // While waiting on the customer (since 6h): 20h elapsed, 14h of it paused.
    expect(slaStatus(t, at(20))).toMatchObject({
      resolved: false,
      timeToResolveMs: 6 * H,
      pausedMs: 14 * H,
      reopenCount: 0,
    });
    // Closed, not yet reopened: the clock is stopped at the resolution.
    expect(slaStatus(t, at(60))).toMatchObject({ resolved: true, timeToResolveMs: 16 * H, reopenCount: 0 });
    // Reopened at 72h: the clock runs again from there.
    expect(slaStatus(t, at(75))).toMatchObject({
      resolved: false,
      timeToResolveMs: 19 * H,
      pausedMs: 24 * H,
      reopenCount: 1,
    });
  });

  it('counts an open clock as breached once it passes the target', () => {
    const open = timeline([ev.filed('low'), ev.assigned(0.5)]);
    expect(slaStatus(open, at(24))).toMatchObject({
      acknowledgeBreached: false,
      timeToResolveMs: 24 * H,
      resolveBreached: false,
    });
    expect(slaStatus(open, at(241))).toMatchObject({
      acknowledgeBreached: true,
      timeToResolveMs: 241 * H,
      resolveBreached: true,
    });
  });

  it('keeps the clock paused while still waiting on the customer', () => {
    const waiting = timeline(critical.slice(0, 5));
    expect(slaStatus(waiting, at(100))).toMatchObject({
      resolved: false,
      timeToResolveMs: 6 * H,
      pausedMs: 94 * H,
      resolveBreached: false,
    });
  });

  it('is all zeros before the complaint was filed', () => {
    expect(slaStatus(timeline(critical), at(-5))).toMatchObject({
      acknowledged: false,
      timeToAcknowledgeMs: 0,
      resolved: false,
      timeToResolveMs: 0,
      pausedMs: 0,
      reopenCount: 0,
    });
  });
});

describe('timeline', () => {
  it('collects the instants of the events', () => {
    expect(timeline(critical)).toEqual({
      severity: 'critical',
      filedAt: at(0),
      acknowledgedAt: at(2),
      pauses: [{ pausedAt: at(6), resumedAt: at(30) }],
      resolutions: [
        { resolvedAt: at(40), closedAt: at(48), reopenedAt: at(72) },
        { resolvedAt: at(80), closedAt: null, reopenedAt: null },
      ],
    });
  });

  it('is null until the complaint is filed', () => {
    expect(complaintTimelineOf([])).toBeNull();
    expect(recordInComplaintTimeline(null, ev.acknowledged())).toBeNull();
  });

  it('keeps the first of a repeated instant and ignores what does not fit', () => {
    const t = timeline(critical);
    expect(recordInComplaintTimeline(t, ev.filed('low'))).toBe(t);
    expect(recordInComplaintTimeline(t, ev.acknowledged(9)).acknowledgedAt).toBe(at(2));
    expect(recordInComplaintTimeline(t, ev.responded(6, 31)).pauses).toEqual(t.pauses);
    expect(recordInComplaintTimeline(t, ev.reopened(99)).resolutions).toEqual(
      t.resolutions.map((r) => ({ ...r, reopenedAt: r.reopenedAt ?? at(99) })),
    );
    const closedTwice = recordInComplaintTimeline(recordInComplaintTimeline(t, ev.closed(90)), ev.closed(95));
    expect(closedTwice.resolutions.at(-1)?.closedAt).toBe(at(90));
    const bare = timeline([ev.filed()]);
    expect(recordInComplaintTimeline(bare, ev.closed())).toEqual(bare);
    expect(recordInComplaintTimeline(bare, ev.escalated())).toBe(bare);
  });
});
