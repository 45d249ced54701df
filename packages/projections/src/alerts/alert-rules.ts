import { slaStatus, slaTargets, type ComplaintTimeline } from '@salesbook/domain';

/** The instant (epoch ms) `ms` as ISO text. */
export const isoAt = (ms: number): string => new Date(ms).toISOString();

/**
 * When a complaint's acknowledgement is about to breach: `warnMs` before its target (never before filing), unless
 * it was acknowledged by then. `null` when it never fires.
 */
export function acknowledgeWarningAt(timeline: ComplaintTimeline, warnMs: number): number | null {
  const target = slaTargets(timeline.severity).acknowledgeWithinMs;
  const fires = Date.parse(timeline.filedAt) + Math.max(0, target - warnMs);
  const acknowledged = timeline.acknowledgedAt === null ? null : Date.parse(timeline.acknowledgedAt);
  return acknowledged !== null && acknowledged <= fires ? null : fires;
}

/**
 * When a complaint's handling time first reaches `warnMs` before its resolution target, if that is after `since` and
 * by `now` and the complaint was not resolved at that instant. Handling time never decreases (it stands still while
 * waiting on the customer or between a resolution and a reopen), so one reached by `since` fired before the window,
 * and the first instant is found by bisection to the millisecond over the domain's `slaStatus`.
 */
export function resolveWarningAt(
  timeline: ComplaintTimeline,
  warnMs: number,
  since: number,
  now: number,
): number | null {
  const threshold = Math.max(0, slaTargets(timeline.severity).resolveWithinMs - warnMs);
  const handled = (at: number): number => slaStatus(timeline, isoAt(at)).timeToResolveMs;
  const filed = Date.parse(timeline.filedAt);
  let low = Math.max(filed, since);
  let high = now;
  if (high < low || handled(high) < threshold) return null;
  if (handled(low) >= threshold) {
    if (low === since) return null;
    high = low;
  }
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    if (handled(middle) >= threshold) high = middle;
    else low = middle;
  }
  return slaStatus(timeline, isoAt(high)).resolved ? null : high;
}
