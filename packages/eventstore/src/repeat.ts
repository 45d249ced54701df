import { EventIdConflictError } from './errors.js';
import type { AppendResult, NewEvent } from './port.js';

/** Where an already stored event lives, as an adapter looks it up by id. */
export interface StoredPlace {
  readonly streamName: string;
  readonly revision: number;
  readonly position: bigint;
}

/**
 * The idempotent-append rule every store shares: the original result when every id of the batch is already
 * the same consecutive events of this stream; `undefined` when none is stored; an {@link EventIdConflictError}
 * for anything in between (also for a batch that repeats an id within itself).
 *
 * @example
 * const repeat = findRepeat(streamName, events, (eventId) => byEventId.get(eventId));
 * if (repeat !== undefined) return repeat; // acknowledged again, nothing written
 */
export function findRepeat(
  streamName: string,
  events: readonly NewEvent[],
  lookUp: (eventId: string) => StoredPlace | undefined,
): AppendResult | undefined {
  const stored = events.map((event) => lookUp(event.eventId));
  const firstStored = stored.findIndex((place) => place !== undefined);
  if (firstStored === -1) {
    const ids = new Set<string>();
    for (const event of events) {
      if (ids.has(event.eventId)) throw new EventIdConflictError(streamName, event.eventId);
      ids.add(event.eventId);
    }
    return undefined;
  }
  const first = stored[0];
  const last = stored[stored.length - 1];
  const same = stored.every(
    (place, index) =>
      place !== undefined &&
      place.streamName === streamName &&
      first !== undefined &&
      place.revision === first.revision + index,
  );
  if (!same || last === undefined) throw new EventIdConflictError(streamName, events[firstStored]?.eventId ?? '');
  return { nextExpectedRevision: last.revision, position: last.position };
}
