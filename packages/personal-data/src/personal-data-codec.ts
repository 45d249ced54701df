import { left, right } from 'fp-ts/lib/Either.js';
import { domainError, PERSONAL_DATA_FIELDS, type Event, type EventFieldClassification } from '@salesbook/domain';
import type { EventCodec, Json } from '@salesbook/eventstore';
import type { DataKeyStore } from './data-keys.js';
import { getPath, setPath } from './json-path.js';
import { openEvents } from './open-events.js';
import type { PersonalDataReader, PersonalDataReadLog } from './read-log.js';
import { sealEvents } from './seal-events.js';

/** What {@link createPersonalDataCodec} needs. */
export interface PersonalDataCodecOptions {
  /** The plain codec (versions, upcasting, schema validation); it sees plaintext, never ciphertext. */
  readonly inner: EventCodec;
  readonly keys: DataKeyStore;
  /** Defaults to {@link PERSONAL_DATA_FIELDS}. */
  readonly fields?: Readonly<Record<string, EventFieldClassification>>;
  /**
   * Set when a person reads: every decode that opens personal data is logged before it returns.
   * Leave out for the system's own reads (command handling, policies, imports).
   */
  readonly reads?: {
    readonly log: PersonalDataReadLog;
    readonly reader: PersonalDataReader;
    readonly clock?: () => Date;
  };
}

/**
 * The encrypting codec: wraps the plain codec so personal fields are sealed per customer (AES-256-GCM)
 * on the way into the store and opened on the way out, before schema validation, reading
 * `[erased]` once the customer's key is destroyed. The hash chain covers the sealed form.
 *
 * @example
 * const codec = createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys });
 * await handleCommand({ store, codec, decider: customerDecider, registry: customerEventRegistry, streamName, command, commandId });
 */
export function createPersonalDataCodec(options: PersonalDataCodecOptions): EventCodec {
  const fields = options.fields ?? PERSONAL_DATA_FIELDS;
  return {
    async encode(events) {
      const encoded = await options.inner.encode(events);
      if (encoded._tag === 'Left') return encoded;
      return sealEvents(encoded.right, fields, options.keys);
    },
    async decode(events, registry) {
      const opened = await openEvents(events, fields, options.keys);
      if (opened._tag === 'Left') return opened;
      const reads = options.reads;
      if (reads !== undefined && opened.right.customerIds.length > 0) {
        await reads.log.record({
          ...reads.reader,
          at: (reads.clock?.() ?? new Date()).toISOString(),
          customerIds: opened.right.customerIds,
          streams: [...new Set(events.map((event) => event.streamName))],
        });
      }
      return options.inner.decode(opened.right.events, registry);
    },
  };
}

/** What a masked personal field reads as. */
export const MASKED_PERSONAL_DATA = '***';

/** A copy of an event's data with its personal fields (per the field map) replaced by {@link MASKED_PERSONAL_DATA}. */
export function maskPersonalFields<D>(
  type: string,
  data: D,
  fields: Readonly<Record<string, EventFieldClassification>> = PERSONAL_DATA_FIELDS,
): D {
  // Decoded event data is JSON, and masking swaps a string for a string: the copy keeps the shape of `D`.
  let masked = data as Json;
  for (const path of fields[type]?.personal ?? []) {
    if (typeof getPath(masked, path) === 'string') masked = setPath(masked, path, MASKED_PERSONAL_DATA);
  }
  return masked as D;
}

/**
 * A codec for readers who may not see personal data (auditors, analysts): it never touches a key and
 * reads every personal field as {@link MASKED_PERSONAL_DATA}, so histories and states fold as usual
 * with the text hidden. It refuses to encode: writes go through {@link createPersonalDataCodec}.
 */
export function createMaskingCodec(
  inner: EventCodec,
  fields: Readonly<Record<string, EventFieldClassification>> = PERSONAL_DATA_FIELDS,
): EventCodec {
  return {
    async encode() {
      return left(
        domainError('PERSONAL_DATA_MASKED_CODEC', 'the masking codec reads only; write with the personal data codec'),
      );
    },
    async decode(events, registry) {
      // Masked after upcasting, so fields of older versions (a v1 flat `email`) are hidden at their current paths.
      const decoded = await inner.decode(events, registry);
      if (decoded._tag === 'Left') return decoded;
      return right(decoded.right.map((envelope) => masked(envelope, fields)));
    },
  };
}

/** `event` with its personal fields masked. */
const masked = <E extends Event>(event: E, fields: Readonly<Record<string, EventFieldClassification>>): E => ({
  ...event,
  data: maskPersonalFields(event.type, event.data, fields),
});

/** Roles that may read personal data unmasked (scoped further by the API: a rep only their own customers). */
export const PERSONAL_DATA_ROLES: readonly string[] = ['sales_manager', 'regional_manager', 'sales_rep', 'finance'];

/** Whether `role` may read personal data unmasked; auditors and market analysts may not. */
export const canReadPersonalData = (role: string): boolean => PERSONAL_DATA_ROLES.includes(role);
