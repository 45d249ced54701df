import {
  status,
  type sendUnaryData,
  type ServerErrorResponse,
  type ServerDuplexStream,
  type ServerReadableStream,
} from '@grpc/grpc-js';
import { AllStreamPosition } from '@eventstore/db-client/generated/shared_pb.js';
import { Status } from '@eventstore/db-client/generated/status_pb.js';
import {
  AppendResp,
  BatchAppendResp,
  type AppendReq,
  type BatchAppendReq,
} from '@eventstore/db-client/generated/streams_pb.js';
import { appendSize, type DoubleContext } from './context.js';
import { appendSizeStatus, batchAppendSizeStatus, batchFaultStatus, faultStatus, type FaultKind } from './faults.js';
import type { EsdbLog, Expectation, ProposedEvent } from './log.js';
import {
  appendExpectation,
  batchExpectation,
  empty,
  proposedEvent,
  streamIdentifier,
  streamNameOf,
  uuid,
  uuidOf,
  wrongExpectedVersionStatus,
} from './messages.js';

/** The `Append` answer: success, or the wrong expected version in-band (not as a gRPC error). */
function appendResponse(
  log: EsdbLog,
  streamName: string,
  expectation: Expectation,
  events: readonly ProposedEvent[],
): AppendResp {
  const outcome = log.append(streamName, expectation, events);
  if (outcome.kind === 'success') {
    const position = new AppendResp.Position()
      .setCommitPosition(outcome.commit.toString())
      .setPreparePosition(outcome.prepare.toString());
    return new AppendResp().setSuccess(
      new AppendResp.Success().setCurrentRevision(outcome.currentRevision.toString()).setPosition(position),
    );
  }
  const wrong = new AppendResp.WrongExpectedVersion();
  if (outcome.current === undefined) wrong.setCurrentNoStream(empty());
  else wrong.setCurrentRevision(outcome.current.toString());
  if (expectation.kind === 'revision') wrong.setExpectedRevision(expectation.revision.toString());
  else if (expectation.kind === 'no_stream') wrong.setExpectedNoStream(empty());
  else if (expectation.kind === 'stream_exists') wrong.setExpectedStreamExists(empty());
  else wrong.setExpectedAny(empty());
  return new AppendResp().setWrongExpectedVersion(wrong);
}

/**
 * `Streams.Append` (client streaming): a header with the stream and expectation, then the events. Refused as the
 * server refuses it: unauthorized, over the maximum size, or an injected fault; a `commit-timeout` writes first.
 */
export function appendHandler(context: DoubleContext) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      const message = request.getProposedMessage();
      if (message !== undefined) events.push(proposedEvent(message));
    });
    call.on('end', () => {
      if (options === undefined)
        return callback({ code: status.INVALID_ARGUMENT, details: 'the first message must be the options' });
      const streamName = streamNameOf(options.getStreamIdentifier());
      const refused = context.access.refusal(call.metadata, 'stream');
      if (refused !== undefined) return callback(refused);
      if (appendSize(events) > context.maxAppendSize) return callback(appendSizeStatus(context.maxAppendSize));
      const fault = context.faults.take('append');
      if (fault === 'commit-timeout') appendResponse(context.log, streamName, appendExpectation(options), events);
      if (fault !== undefined) return callback(faultStatus(fault, streamName, context.leader));
      callback(null, appendResponse(context.log, streamName, appendExpectation(options), events));
    });
  };
}

/** The `BatchAppend` answer for one complete request: success, or an in-band `google.rpc.Status`. */
function batchResponse(
  context: DoubleContext,
  fault: FaultKind | undefined,
  correlationId: string,
  options: BatchAppendReq.Options,
  events: readonly ProposedEvent[],
): BatchAppendResp | ServerErrorResponse {
  const streamName = streamNameOf(options.getStreamIdentifier());
  const expectation = batchExpectation(options);
  const response = new BatchAppendResp()
    .setCorrelationId(uuid(correlationId))
    .setStreamIdentifier(streamIdentifier(streamName));
  if (appendSize(events) > context.maxAppendSize)
    return response.setError(batchAppendSizeStatus(context.maxAppendSize));
  if (fault === 'commit-timeout') context.log.append(streamName, expectation, events);
  if (fault !== undefined) {
    const inBand = batchFaultStatus(fault, streamName);
    return inBand === undefined ? faultStatus(fault, streamName, context.leader) : response.setError(inBand);
  }
  const outcome = context.log.append(streamName, expectation, events);
  if (outcome.kind === 'wrong-expected-version')
    return response.setError(wrongExpectedVersionStatus(expectation, outcome.current));
  const position = new AllStreamPosition()
    .setCommitPosition(outcome.commit.toString())
    .setPreparePosition(outcome.prepare.toString());
  return response.setSuccess(
    new BatchAppendResp.Success().setCurrentRevision(outcome.currentRevision.toString()).setPosition(position),
  );
}

/** An append refused in-band for want of credentials. */
function batchRefusal(correlationId: string, options: BatchAppendReq.Options): BatchAppendResp {
  const streamName = streamNameOf(options.getStreamIdentifier());
  const response = new BatchAppendResp()
    .setCorrelationId(uuid(correlationId))
    .setStreamIdentifier(streamIdentifier(streamName));
  return response.setError(batchFaultStatus('access-denied', streamName) ?? new Status());
}

/**
 * `Streams.BatchAppend` (bidirectional): one long-lived call carrying many appends, each a run of
 * requests under one correlation id (options on the first, `is_final` on the last).
 */
export function batchAppendHandler(context: DoubleContext) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    // Bad credentials fail the whole call (the server's authentication runs before it); no credentials, each append.
    const refused = context.access.refusal(call.metadata, 'stream');
    if (refused !== undefined && refused.code === status.UNAUTHENTICATED) return void call.emit('error', refused);
    const pending = new Map<string, { options: BatchAppendReq.Options | undefined; events: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = uuidOf(request.getCorrelationId());
      const entry = pending.get(correlationId) ?? { options: request.getOptions(), events: [] };
      pending.set(correlationId, entry);
      entry.events.push(...request.getProposedMessagesList().map(proposedEvent));
      if (!request.getIsFinal()) return;
      pending.delete(correlationId);
      if (entry.options === undefined)
        return call.emit('error', { code: status.INVALID_ARGUMENT, details: 'an append must start with its options' });
      // Faults that are not in-band (unavailable, deadline) end the whole call, failing every pending append.
      const response =
        refused === undefined
          ? batchResponse(context, context.faults.take('append'), correlationId, entry.options, entry.events)
          : batchRefusal(correlationId, entry.options);
      if (response instanceof BatchAppendResp) call.write(response);
      else call.emit('error', response);
    });
    call.on('end', () => call.end());
  };
}
