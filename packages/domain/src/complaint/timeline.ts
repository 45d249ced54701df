import type { IsoDateTime } from '../shared/time.js';
import type { ComplaintEvent } from './events.js';
import type { ComplaintSeverity } from './vocabulary.js';

/** A wait on the customer; `resumedAt` is `null` while still waiting. */
export interface ComplaintPause {
  readonly pausedAt: IsoDateTime;
  readonly resumedAt: IsoDateTime | null;
}

/** A resolution and what followed it: closing, then perhaps a reopen that restarts the work. */
export interface ComplaintResolutionPeriod {
  readonly resolvedAt: IsoDateTime;
  readonly closedAt: IsoDateTime | null;
  readonly reopenedAt: IsoDateTime | null;
}

/**
 * The instants of a complaint that its SLA depends on, in order. Projections build it with
 * {@link recordInComplaintTimeline} and pass it to `slaStatus`; the decider's state keeps one too.
 */
export interface ComplaintTimeline {
  readonly severity: ComplaintSeverity;
  readonly filedAt: IsoDateTime;
  readonly acknowledgedAt: IsoDateTime | null;
  readonly pauses: readonly ComplaintPause[];
  readonly resolutions: readonly ComplaintResolutionPeriod[];
}

const replaceLast = <T>(items: readonly T[], change: (item: T) => T): readonly T[] => {
  const last = items.at(-1);
  return last === undefined ? items : [...items.slice(0, -1), change(last)];
};

/** Adds one event's instant to a timeline (`null` before the complaint is filed). Pure; other events leave it as is. */
export function recordInComplaintTimeline(timeline: ComplaintTimeline, event: ComplaintEvent): ComplaintTimeline;
export function recordInComplaintTimeline(
  timeline: ComplaintTimeline | null,
  event: ComplaintEvent,
): ComplaintTimeline | null;
export function recordInComplaintTimeline(
  timeline: ComplaintTimeline | null,
  event: ComplaintEvent,
): ComplaintTimeline | null {
  if (event.type === 'ComplaintFiled') {
    return (
      timeline ?? {
        severity: event.data.severity,
        filedAt: event.data.filedAt,
        acknowledgedAt: null,
        pauses: [],
        resolutions: [],
      }
    );
  }
  if (timeline === null) return null;
  switch (event.type) {
    case 'ComplaintAcknowledged':
      return { ...timeline, acknowledgedAt: timeline.acknowledgedAt ?? event.data.acknowledgedAt };
    case 'ComplaintAwaitingCustomer':
      return { ...timeline, pauses: [...timeline.pauses, { pausedAt: event.data.pausedAt, resumedAt: null }] };
    case 'ComplaintCustomerResponded':
      return {
        ...timeline,
        pauses: replaceLast(timeline.pauses, (p) => ({ ...p, resumedAt: p.resumedAt ?? event.data.resumedAt })),
      };
    case 'ComplaintResolved':
      return {
        ...timeline,
        resolutions: [...timeline.resolutions, { resolvedAt: event.data.resolvedAt, closedAt: null, reopenedAt: null }],
      };
    case 'ComplaintClosed':
      return {
        ...timeline,
        resolutions: replaceLast(timeline.resolutions, (r) => ({ ...r, closedAt: r.closedAt ?? event.data.closedAt })),
      };
    case 'ComplaintReopened':
      return {
        ...timeline,
        resolutions: replaceLast(timeline.resolutions, (r) => ({
          ...r,
          reopenedAt: r.reopenedAt ?? event.data.reopenedAt,
        })),
      };
    default:
      return timeline;
  }
}

/** The timeline of a complaint's events from the start of its stream (`null` when it was never filed). */
export const complaintTimelineOf = (events: readonly ComplaintEvent[]): ComplaintTimeline | null =>
  events.reduce<ComplaintTimeline | null>(recordInComplaintTimeline, null);
