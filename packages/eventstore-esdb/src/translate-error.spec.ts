import { describe, expect, it } from '@jest/globals';
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  TimeoutError,
  UnavailableError,
  UnknownError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import { StoreError, StoreUnavailableError, WrongExpectedRevisionError } from '@salesbook/eventstore';
import { translateEsdbError } from './translate-error.js';

const context = { operation: 'appendToStream', streamName: 'order-1', expected: 2 } as const;

const RESOURCE_EXHAUSTED = 8;

/** A gRPC status as @grpc/grpc-js reports it, with the trailers the client's error constructors read. */
function serviceError(code: number, trailers: Record<string, string> = {}): any {
  return Object.assign(new Error(`${code} status`), { code, details: 'status', metadata: { getMap: () => trailers } });
}

describe('translateEsdbError', () => {
  it('WrongExpectedVersionError -> WrongExpectedRevisionError with the caller expectation and the actual revision as a number', () => {
    const error = translateEsdbError(
      new WrongExpectedVersionError(undefined, { streamName: 'order-1', current: 7n, expected: 2n }),
      context,
    );
    expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    expect(error).toMatchObject({ code: 'STREAM_REVISION_CONFLICT', streamName: 'order-1', expected: 2, actual: 7 });
    const missing = translateEsdbError(
      new WrongExpectedVersionError(undefined, { streamName: 'order-1', current: 'no_stream', expected: 2n }),
      context,
    );
    expect(missing).toMatchObject({ actual: 'no_stream' });
  });

  it('StreamDeletedError -> STORE_ACCESS_DENIED (a tombstoned stream can never be written again)', () => {
    const error = translateEsdbError(StreamDeletedError.fromStreamName('order-1'), context);
    expect(error).toBeInstanceOf(StoreError);
    expect(error.code).toBe('STORE_ACCESS_DENIED');
    expect(error.message).toContain('order-1');
  });

  it('AccessDeniedError -> STORE_ACCESS_DENIED', () => {
    expect(translateEsdbError(new AccessDeniedError(), context).code).toBe('STORE_ACCESS_DENIED');
  });

  it('MaxAppendSizeExceededError -> STORE_CONFIGURATION_INVALID naming the limit', () => {
    const error = translateEsdbError(MaxAppendSizeExceededError.fromMaxAppendSize(1024), context);
    expect(error.code).toBe('STORE_CONFIGURATION_INVALID');
    expect(error.message).toContain('1024');
  });

  it.each([
    ['UnavailableError', new UnavailableError()],
    ['DeadlineExceededError', new DeadlineExceededError()],
    ['TimeoutError', new TimeoutError()],
    ['CancelledError', new CancelledError()],
    [
      'NotLeaderError',
      new NotLeaderError(serviceError(5, { 'leader-endpoint-host': 'node2', 'leader-endpoint-port': '2113' })),
    ],
    ['UnknownError', new UnknownError()],
  ])('%s -> StoreUnavailableError', (_name, vendor) => {
    const error = translateEsdbError(vendor, context);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.cause).toBe(vendor);
  });

  it('a raw gRPC status -> StoreUnavailableError naming the code', () => {
    const error = translateEsdbError(serviceError(RESOURCE_EXHAUSTED), context);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error.message).toContain(`gRPC status ${RESOURCE_EXHAUSTED}`);
  });

  it("passes the port's own errors through untouched", () => {
    const own = new WrongExpectedRevisionError('order-1', 2, 3);
    expect(translateEsdbError(own, context)).toBe(own);
  });
});
