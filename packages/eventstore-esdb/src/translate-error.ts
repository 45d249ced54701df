import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  StoreError,
  StoreUnavailableError,
  WrongExpectedRevisionError,
  type ExpectedRevision,
} from '@salesbook/eventstore';

/** What the adapter was doing, to name it in the translated error. */
export interface ErrorContext {
  readonly operation: string;
  readonly streamName?: string;
  /** The caller's expectation, reported in a translated revision conflict. */
  readonly expected?: ExpectedRevision;
}

/** A raw gRPC failure as @grpc/grpc-js reports it (a `ServiceError`), when the client did not wrap it. */
const isGrpcStatus = (error: unknown): error is Error & { code: number } =>
  error instanceof Error && typeof (error as { code?: unknown }).code === 'number';

const asRevision = (value: bigint | 'no_stream' | string): number | 'no_stream' =>
  typeof value === 'bigint' ? Number(value) : 'no_stream';

/**
 * Turns whatever @eventstore/db-client (or gRPC under it) threw into the port's errors, so nothing
 * above the adapter knows EventStoreDB is underneath. The port's own errors pass through.
 */
export function translateEsdbError(error: unknown, context: ErrorContext): StoreError {
  if (error instanceof StoreError) return error;
  const where = `EventStoreDB ${context.operation}${context.streamName === undefined ? '' : ` on ${context.streamName}`}`;
  const detail = error instanceof Error ? error.message : String(error);
  if (error instanceof WrongExpectedVersionError) {
    const streamName = context.streamName ?? error.streamName;
    return new WrongExpectedRevisionError(streamName, context.expected ?? 'any', asRevision(error.actualVersion), {
      cause: error,
    });
  }
  if (error instanceof StreamDeletedError) {
    // A tombstoned stream can never be written again: not a conflict a retry could resolve.
    return new StoreError('STORE_ACCESS_DENIED', `${where}: the stream was deleted for good (tombstoned)`, {
      cause: error,
    });
  }
  if (error instanceof AccessDeniedError) {
    return new StoreError(
      'STORE_ACCESS_DENIED',
      `${where}: access denied (check the connection string's credentials and the stream ACLs)`,
      {
        cause: error,
      },
    );
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new StoreError(
      'STORE_CONFIGURATION_INVALID',
      `${where}: the batch exceeds the server's maximum append size (${error.maxAppendSize} bytes)`,
      {
        cause: error,
      },
    );
  }
  if (
    error instanceof UnavailableError ||
    error instanceof DeadlineExceededError ||
    error instanceof TimeoutError ||
    error instanceof CancelledError ||
    error instanceof NotLeaderError
  ) {
    return new StoreUnavailableError(`${where} failed: ${detail}; retry`, { cause: error });
  }
  if (isGrpcStatus(error))
    return new StoreUnavailableError(`${where} failed with gRPC status ${error.code}: ${detail}`, { cause: error });
  return new StoreUnavailableError(`${where} failed: ${detail}`, { cause: error });
}
