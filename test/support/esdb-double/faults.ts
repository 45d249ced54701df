import { Metadata, status, type ServerErrorResponse } from '@grpc/grpc-js';
import {
  AccessDenied,
  MaximumAppendSizeExceeded,
  StreamDeleted,
  Timeout,
} from '@eventstore/db-client/generated/shared_pb.js';
import type { Status } from '@eventstore/db-client/generated/status_pb.js';
import { packedStatus, streamIdentifier } from './messages.js';

/**
 * Failures a test can make the double answer with instead of doing the work. `not-leader` is a follower's answer
 * (naming the double itself as the leader, so the client reconnects to it); `commit-timeout` writes the events and
 * then reports a timeout, the ambiguous outcome of a real commit that timed out.
 */
export type FaultKind =
  'stream-deleted' | 'access-denied' | 'unavailable' | 'deadline-exceeded' | 'not-leader' | 'commit-timeout';

/** Which kind of call a fault is for. */
export type FaultTarget = 'append' | 'read';

/** Where a `not-leader` answer says the leader is. */
export interface LeaderEndpoint {
  readonly host: string;
  readonly port: number;
}

/** Faults taken by the calls of their kind: `times` calls in a row, after letting `after` calls through. */
export class Faults {
  private readonly pending = new Map<FaultTarget, { kind: FaultKind; times: number; after: number }>();

  inject(target: FaultTarget, kind: FaultKind, times = 1, after = 0): void {
    this.pending.set(target, { kind, times, after });
  }

  take(target: FaultTarget): FaultKind | undefined {
    const fault = this.pending.get(target);
    if (fault === undefined) return undefined;
    if (fault.after > 0) {
      fault.after -= 1;
      return undefined;
    }
    if (fault.times <= 1) this.pending.delete(target);
    else fault.times -= 1;
    return fault.kind;
  }
}

const failure = (code: status, details: string, metadata: Metadata): ServerErrorResponse => ({
  code,
  details,
  metadata,
  name: 'RpcException',
  message: details,
});

/**
 * A fault as a gRPC status, the way EventStoreDB fails `Append` and `Read` (its `RpcExceptions`): the kind of failure
 * in the `exception` trailer (which the client maps to its error classes), with what that class reads.
 */
export function faultStatus(kind: FaultKind, streamName: string, leader: LeaderEndpoint): ServerErrorResponse {
  const metadata = new Metadata();
  switch (kind) {
    case 'stream-deleted':
      metadata.set('exception', 'stream-deleted');
      metadata.set('stream-name', streamName);
      return failure(status.FAILED_PRECONDITION, `Event stream '${streamName}' is deleted.`, metadata);
    case 'access-denied':
      metadata.set('exception', 'access-denied');
      return failure(status.PERMISSION_DENIED, 'Access denied.', metadata);
    case 'deadline-exceeded':
      return failure(status.DEADLINE_EXCEEDED, 'Deadline exceeded.', metadata);
    case 'unavailable':
      return failure(status.UNAVAILABLE, 'Server Is Not Ready', metadata);
    case 'not-leader':
      metadata.set('exception', 'not-leader');
      metadata.set('leader-endpoint-host', leader.host);
      metadata.set('leader-endpoint-port', String(leader.port));
      return failure(status.NOT_FOUND, 'Leader info available', metadata);
    case 'commit-timeout':
      return failure(status.ABORTED, 'Operation timed out: Commit timeout.', metadata);
  }
}

/** The server's refusal of an append over its maximum size, as `Append` reports it. */
export function appendSizeStatus(maxAppendSize: number): ServerErrorResponse {
  const metadata = new Metadata();
  metadata.set('exception', 'maximum-append-size-exceeded');
  metadata.set('maximum-append-size', String(maxAppendSize));
  return failure(status.INVALID_ARGUMENT, `Maximum Append Size of ${maxAppendSize} Exceeded.`, metadata);
}

/** The same refusal as `BatchAppend` reports it, in-band. */
export const batchAppendSizeStatus = (maxAppendSize: number): Status =>
  packedStatus(
    status.INVALID_ARGUMENT,
    'MaximumAppendSizeExceeded',
    new MaximumAppendSizeExceeded().setMaxappendsize(maxAppendSize).serializeBinary(),
    'event_store.client.MaximumAppendSizeExceeded',
  );

/**
 * A fault as `BatchAppend` reports it in-band; `undefined` for faults that end the whole call instead (a node that
 * is not the leader throws there, failing every append in flight on the call, as does a node going away).
 */
export function batchFaultStatus(kind: FaultKind, streamName: string): Status | undefined {
  switch (kind) {
    case 'stream-deleted': {
      const details = new StreamDeleted().setStreamIdentifier(streamIdentifier(streamName)).serializeBinary();
      return packedStatus(status.NOT_FOUND, 'StreamDeleted', details, 'event_store.client.StreamDeleted');
    }
    case 'access-denied':
      return packedStatus(
        status.PERMISSION_DENIED,
        'AccessDenied',
        new AccessDenied().serializeBinary(),
        'event_store.client.AccessDenied',
      );
    case 'commit-timeout':
      return packedStatus(
        status.DEADLINE_EXCEEDED,
        'Timeout',
        new Timeout().serializeBinary(),
        'event_store.client.Timeout',
      );
    default:
      return undefined;
  }
}
