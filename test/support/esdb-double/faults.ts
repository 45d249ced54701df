import { Metadata, status, type ServerErrorResponse } from '@grpc/grpc-js';
import { AccessDenied, StreamDeleted } from '@eventstore/db-client/generated/shared_pb.js';
import type { Status } from '@eventstore/db-client/generated/status_pb.js';
import { packedStatus, streamIdentifier } from './messages.js';

/** Failures a test can make the double answer with, once, instead of doing the work. */
export type FaultKind = 'stream-deleted' | 'access-denied' | 'unavailable' | 'deadline-exceeded';

/** Which kind of call a fault is for. */
export type FaultTarget = 'append' | 'read';

/** One-shot faults, taken by the next call of their kind. */
export class Faults {
  private readonly pending = new Map<FaultTarget, FaultKind>();

  inject(target: FaultTarget, kind: FaultKind): void {
    this.pending.set(target, kind);
  }

  take(target: FaultTarget): FaultKind | undefined {
    const kind = this.pending.get(target);
    this.pending.delete(target);
    return kind;
  }
}

/**
 * A fault as a gRPC status, the way EventStoreDB fails `Append` and `Read`: the kind of failure in
 * the `exception` trailer (which the client maps to its error classes), with what that class reads.
 */
export function faultStatus(kind: FaultKind, streamName: string): ServerErrorResponse {
  const metadata = new Metadata();
  switch (kind) {
    case 'stream-deleted':
      metadata.set('exception', 'stream-deleted');
      metadata.set('stream-name', streamName);
      return { code: status.FAILED_PRECONDITION, details: `Event stream '${streamName}' is deleted.`, metadata, name: 'StreamDeleted', message: 'stream deleted' };
    case 'access-denied':
      metadata.set('exception', 'access-denied');
      return { code: status.PERMISSION_DENIED, details: 'Access denied.', metadata, name: 'AccessDenied', message: 'access denied' };
    case 'deadline-exceeded':
      return { code: status.DEADLINE_EXCEEDED, details: 'Deadline exceeded.', metadata, name: 'Deadline', message: 'deadline exceeded' };
    case 'unavailable':
      return { code: status.UNAVAILABLE, details: 'Server is shutting down.', metadata, name: 'Unavailable', message: 'unavailable' };
  }
}

/** A fault as `BatchAppend` reports it in-band; `undefined` for faults that end the whole call instead. */
export function batchFaultStatus(kind: FaultKind, streamName: string): Status | undefined {
  switch (kind) {
    case 'stream-deleted': {
      const details = new StreamDeleted().setStreamIdentifier(streamIdentifier(streamName)).serializeBinary();
      return packedStatus(status.FAILED_PRECONDITION, 'stream deleted', details, 'event_store.client.StreamDeleted');
    }
    case 'access-denied':
      return packedStatus(status.PERMISSION_DENIED, 'access denied', new AccessDenied().serializeBinary(), 'event_store.client.AccessDenied');
    default:
      return undefined;
  }
}
