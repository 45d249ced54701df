import { Empty as GoogleEmpty } from 'google-protobuf/google/protobuf/empty_pb.js';
import { Any } from 'google-protobuf/google/protobuf/any_pb.js';
import { Empty, StreamIdentifier, UUID, WrongExpectedVersion } from '@eventstore/db-client/generated/shared_pb.js';
import { Status } from '@eventstore/db-client/generated/status_pb.js';
import { ReadResp, type AppendReq, type BatchAppendReq } from '@eventstore/db-client/generated/streams_pb.js';
import type { Expectation, ProposedEvent, StoredEvent } from './log.js';

/** The UTF-8 name a `StreamIdentifier` carries. */
export const streamNameOf = (identifier: StreamIdentifier | undefined): string =>
  Buffer.from(identifier?.getStreamName_asU8() ?? new Uint8Array()).toString('utf8');

export const streamIdentifier = (streamName: string): StreamIdentifier =>
  new StreamIdentifier().setStreamName(Buffer.from(streamName, 'utf8'));

/** The client sends and asks for UUIDs as strings. */
export const uuidOf = (uuid: UUID | undefined): string => uuid?.getString() ?? '';
export const uuid = (value: string): UUID => new UUID().setString(value);

/** An event the client proposed, on either append path. */
export function proposedEvent(message: AppendReq.ProposedMessage | BatchAppendReq.ProposedMessage): ProposedEvent {
  const metadata = message.getMetadataMap();
  return {
    id: uuidOf(message.getId()),
    type: metadata.get('type') ?? '',
    contentType: metadata.get('content-type') ?? 'application/octet-stream',
    data: message.getData_asU8(),
    customMetadata: message.getCustomMetadata_asU8(),
  };
}

/** The expectation of an `Append` header. */
export function appendExpectation(options: AppendReq.Options): Expectation {
  if (options.hasRevision()) return { kind: 'revision', revision: BigInt(options.getRevision()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

/** The expectation of a `BatchAppend` request's options. */
export function batchExpectation(options: BatchAppendReq.Options): Expectation {
  if (options.hasStreamPosition()) return { kind: 'revision', revision: BigInt(options.getStreamPosition()) };
  if (options.hasNoStream()) return { kind: 'no_stream' };
  if (options.hasStreamExists()) return { kind: 'stream_exists' };
  return { kind: 'any' };
}

/** A stored event as a `Read` answer, with its `$all` position (as servers from 22.6 on send it on stream reads too). */
export function eventResponse(event: StoredEvent): ReadResp {
  const recorded = new ReadResp.ReadEvent.RecordedEvent()
    .setId(uuid(event.id))
    .setStreamIdentifier(streamIdentifier(event.streamName))
    .setStreamRevision(event.revision.toString())
    .setCommitPosition(event.commit.toString())
    .setPreparePosition(event.prepare.toString())
    .setData(event.data)
    .setCustomMetadata(event.customMetadata);
  recorded
    .getMetadataMap()
    .set('type', event.type)
    .set('content-type', event.contentType)
    .set('created', event.created.toString());
  const read = new ReadResp.ReadEvent().setEvent(recorded).setCommitPosition(event.commit.toString());
  return new ReadResp().setEvent(read);
}

/** `google.rpc.Status` packing a `WrongExpectedVersion`, as `BatchAppend` reports a conflict. */
export function wrongExpectedVersionStatus(expectation: Expectation, current: bigint | undefined): Status {
  const details = new WrongExpectedVersion();
  if (current === undefined) details.setCurrentNoStream(new GoogleEmpty());
  else details.setCurrentStreamRevision(current.toString());
  if (expectation.kind === 'revision') details.setExpectedStreamPosition(expectation.revision.toString());
  else if (expectation.kind === 'no_stream') details.setExpectedNoStream(new GoogleEmpty());
  else if (expectation.kind === 'stream_exists') details.setExpectedStreamExists(new GoogleEmpty());
  else details.setExpectedAny(new GoogleEmpty());
  return packedStatus(
    6,
    'wrong expected version',
    details.serializeBinary(),
    'event_store.client.WrongExpectedVersion',
  );
}

/** A `google.rpc.Status` whose `details` packs one of EventStoreDB's error messages. */
export function packedStatus(code: number, message: string, details: Uint8Array, typeName: string): Status {
  const any = new Any();
  any.pack(details, typeName);
  return new Status().setCode(code).setMessage(message).setDetails(any);
}

export const empty = (): Empty => new Empty();
