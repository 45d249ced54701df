import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { domainError, PERSONAL_DATA_FIELDS, salesbookEventRegistry, type DomainError } from '@salesbook/domain';
import { GENESIS_HASH, type EventCodec, type Json, type NewEvent } from '@salesbook/eventstore';
import { ERASED_PERSONAL_DATA, isSealed } from '@salesbook/personal-data';

const valueAt = (data: Json, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (value, key) =>
        typeof value === 'object' && value !== null && !Array.isArray(value)
          ? (value as Record<string, unknown>)[key]
          : undefined,
      data,
    );

/**
 * Whether an exported event holds personal data in clear: history written before encryption was on (or
 * exported from such a store). Events at an older schema version of a type with personal fields count too:
 * their fields sit at other paths, so they are upcast and sealed at the current ones.
 */
export function holdsPlaintext(event: NewEvent): boolean {
  const entry = PERSONAL_DATA_FIELDS[event.type];
  if (entry === undefined || entry.personal.length === 0) return false;
  if ((event.metadata['schemaVersion'] ?? 1) !== entry.version) return true;
  return entry.personal.some((path) => {
    const value = valueAt(event.data, path);
    return typeof value === 'string' && value !== '' && value !== ERASED_PERSONAL_DATA && !isSealed(value);
  });
}

/**
 * The event re-encoded through the encrypting codec: decoded (upcast, validated) by the plain codec, then
 * encoded with its own id and metadata, so its personal fields are sealed with the customer's data key.
 * Its data changes, so the store chains it (and the rest of its stream) to new hashes.
 */
export async function sealExported(
  event: NewEvent,
  plain: EventCodec,
  sealing: EventCodec,
): Promise<Either<DomainError, NewEvent>> {
  const recorded = {
    streamName: '',
    revision: 0,
    position: 0n,
    recordedAt: '',
    ...event,
    metadata: { ...event.metadata, hash: GENESIS_HASH },
  };
  const decoded = await plain.decode([recorded], salesbookEventRegistry);
  if (decoded._tag === 'Left') return decoded;
  const envelope = decoded.right[0];
  if (envelope === undefined)
    return left(domainError('EVENT_NOT_DECODED', `${event.type} ${event.eventId} could not be decoded`));
  const { hash: _hash, schemaVersion: _version, ...metadata } = envelope.metadata;
  const encoded = await sealing.encode([
    {
      event: { type: envelope.type, data: envelope.data } as Parameters<EventCodec['encode']>[0][number]['event'],
      metadata,
    },
  ]);
  if (encoded._tag === 'Left') return encoded;
  const sealed = encoded.right[0];
  return sealed === undefined
    ? left(domainError('EVENT_NOT_ENCODED', `${event.type} ${event.eventId} could not be encoded`))
    : right(sealed);
}
