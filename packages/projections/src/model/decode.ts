import type { RecordedEvent } from '@salesbook/eventstore';
import { salesbookEventRegistry, type SalesbookEvent } from '@salesbook/domain';

// Followers catching up share the recorded event objects (runner/page-reader.ts), so each event is
// decoded once for every projection; projections never mutate what they are given.
const decodedEvents = new WeakMap<RecordedEvent, SalesbookEvent>();

/**
 * Decodes a recorded event into the current version of its domain event (upcasting older versions),
 * so a projection can `switch` on `type` with typed `data`. Throws when the event does not decode:
 * the runner parks it rather than skip it silently.
 */
export function decodeEvent(event: RecordedEvent): SalesbookEvent {
  const known = decodedEvents.get(event);
  if (known !== undefined) return known;
  const version = event.metadata['schemaVersion'];
  const decoded = salesbookEventRegistry.decode(event.type, event.data, typeof version === 'number' ? version : 1);
  if (decoded._tag === 'Left') throw new Error(`${decoded.left.code}: ${decoded.left.message}`);
  // The registry validated `data` against the schema registered for `type`: the pair is a SalesbookEvent.
  const current = decoded.right as SalesbookEvent;
  decodedEvents.set(event, current);
  return current;
}
