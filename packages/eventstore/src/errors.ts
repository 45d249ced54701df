import type { ExpectedRevision } from './port.js';

/** Codes of the store's own errors; adapters translate vendor errors into these. */
export type StoreErrorCode =
  | 'STREAM_REVISION_CONFLICT'
  | 'EVENT_ID_CONFLICT'
  | 'STORE_UNAVAILABLE'
  | 'STORE_CORRUPT'
  | 'STORE_CONFIGURATION_INVALID'
  | 'STORE_ACCESS_DENIED';

/** Base class of every error an event store raises; nothing above an adapter sees a vendor error. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The stream was not at the expected revision: someone else appended first. Nothing was written. */
export class WrongExpectedRevisionError extends StoreError {
  constructor(
    readonly streamName: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual revision, or `'no_stream'`. */
    readonly actual: number | 'no_stream',
    options?: { cause?: unknown },
  ) {
    super(
      'STREAM_REVISION_CONFLICT',
      `stream ${streamName} is at ${String(actual)}, expected ${String(expected)}`,
      options,
    );
  }
}

/** Some but not all of a batch's event ids were already stored: neither a retry nor new events. */
export class EventIdConflictError extends StoreError {
  constructor(
    readonly streamName: string,
    readonly eventId: string,
  ) {
    super('EVENT_ID_CONFLICT', `event ${eventId} is already stored, but the batch appended to ${streamName} differs`);
  }
}

/** The store cannot be reached or has failed; the operation may be retried. */
export class StoreUnavailableError extends StoreError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('STORE_UNAVAILABLE', message, options);
  }
}

/** The configuration names no usable store (bad adapter name, malformed connection string). */
export class StoreConfigurationError extends StoreError {
  constructor(message: string) {
    super('STORE_CONFIGURATION_INVALID', message);
  }
}

/** Whether the current revision satisfies an expectation. */
export function revisionMatches(expected: ExpectedRevision, current: number | undefined): boolean {
  switch (expected) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    default:
      return current === expected;
  }
}
