import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { domainError, type DomainError, type EventFieldClassification } from '@salesbook/domain';
import type { RecordedEvent } from '@salesbook/eventstore';
import type { DataKeyLookup, DataKeyStore } from './data-keys.js';
import { getPath, setPath } from './json-path.js';
import { ERASED_PERSONAL_DATA, open, parseSealed, type SealedValue } from './sealed-value.js';

type FieldMap = Readonly<Record<string, EventFieldClassification>>;

/** A sealed field found in a recorded event. */
interface Found {
  readonly index: number;
  readonly path: string;
  readonly sealed: SealedValue;
}

/** Recorded events with their personal fields opened, and the customers whose data was opened. */
export interface OpenedEvents {
  readonly events: RecordedEvent[];
  readonly customerIds: readonly string[];
}

/** The sealed fields of the batch, at the paths the field map names for the version each event was written at. */
function sealedFields(events: readonly RecordedEvent[], fields: FieldMap): Found[] {
  return events.flatMap((event, index) => {
    const entry = fields[event.type];
    const version = event.metadata['schemaVersion'] ?? 1;
    if (entry === undefined || entry.version !== version) return [];
    return entry.personal.flatMap((path) => {
      const value = getPath(event.data, path);
      const sealed = typeof value === 'string' ? parseSealed(value) : undefined;
      return sealed === undefined ? [] : [{ index, path, sealed }];
    });
  });
}

const where = (event: RecordedEvent | undefined, path: string): Record<string, unknown> => ({
  streamName: event?.streamName,
  revision: event?.revision,
  path,
});

/** One sealed field's plaintext, `[erased]` when its key was destroyed, or why it cannot be read. */
function openOne(
  found: Found,
  event: RecordedEvent | undefined,
  key: DataKeyLookup | undefined,
): Either<DomainError, string> {
  if (key === 'forgotten') return right(ERASED_PERSONAL_DATA);
  if (key === undefined) {
    // Never "erased" by default: a missing key more likely means the wrong key store than a forgotten customer.
    return left(
      domainError(
        'PERSONAL_DATA_KEY_UNKNOWN',
        `the key store does not know key ${found.sealed.keyId}: is it the key store of this event store?`,
        {
          ...where(event, found.path),
          keyId: found.sealed.keyId,
        },
      ),
    );
  }
  const plaintext = event === undefined ? undefined : open(found.sealed, key.key, event.eventId, found.path);
  if (plaintext === undefined) {
    return left(
      domainError(
        'PERSONAL_DATA_UNREADABLE',
        'a sealed personal field does not open with its key: altered or moved',
        where(event, found.path),
      ),
    );
  }
  return right(plaintext);
}

/**
 * Opens the personal fields of recorded events with their customers' data keys (looked up once for the
 * batch): plaintext, or {@link ERASED_PERSONAL_DATA} for a forgotten customer. Unsealed values (history
 * written before encryption was on) pass through.
 */
export async function openEvents(
  events: readonly RecordedEvent[],
  fields: FieldMap,
  keys: DataKeyStore,
): Promise<Either<DomainError, OpenedEvents>> {
  const found = sealedFields(events, fields);
  if (found.length === 0) return right({ events: [...events], customerIds: [] });
  const dataKeys = await keys.keysForReading([...new Set(found.map((field) => field.sealed.keyId))]);
  const opened = [...events];
  const customerIds = new Set<string>();
  for (const field of found) {
    const event = opened[field.index];
    const key = dataKeys.get(field.sealed.keyId);
    const plaintext = openOne(field, event, key);
    if (plaintext._tag === 'Left') return plaintext;
    if (event === undefined) continue;
    if (key !== undefined && key !== 'forgotten') customerIds.add(key.customerId);
    opened[field.index] = { ...event, data: setPath(event.data, field.path, plaintext.right) };
  }
  return right({ events: opened, customerIds: [...customerIds] });
}
