import { status, type sendUnaryData, type ServerErrorResponse, type ServerDuplexStream, type ServerReadableStream } from '@grpc/grpc-js';
import { AllStreamPosition } from '@eventstore/db-client/generated/shared_pb.js';
import { AppendResp, BatchAppendResp, type AppendReq, type BatchAppendReq } from '@eventstore/db-client/generated/streams_pb.js';
import { batchFaultStatus, faultStatus, type FaultKind, type Faults } from './faults.js';
import type { EsdbLog, Expectation, ProposedEvent } from './log.js';
import { appendExpectation, batchExpectation, empty, proposedEvent, streamIdentifier, streamNameOf, uuid, uuidOf, wrongExpectedVersionStatus } from './messages.js';

/** The `Append` answer: success, or the wrong expected version in-band (not as a gRPC error). */
function appendResponse(log: EsdbLog, streamName: string, expectation: Expectation, events: readonly ProposedEvent[]): AppendResp {
  const outcome = log.append(streamName, expectation, events);
  if (outcome.kind === 'success') {
    const position = new AppendResp.Position().setCommitPosition(outcome.commit.toString()).setPreparePosition(outcome.prepare.toString());
    return new AppendResp().setSuccess(new AppendResp.Success().setCurrentRevision(outcome.currentRevision.toString()).setPosition(position));
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

/** `Streams.Append` (client streaming): a header with the stream and expectation, then the events. */
export function appendHandler(log: EsdbLog, faults: Faults) {
  return (call: ServerReadableStream<AppendReq, AppendResp>, callback: sendUnaryData<AppendResp>): void => {
    let options: AppendReq.Options | undefined;
    const events: ProposedEvent[] = [];
    call.on('data', (request: AppendReq) => {
      if (request.hasOptions()) options = request.getOptions();
      const message = request.getProposedMessage();
      if (message !== undefined) events.push(proposedEvent(message));
    });
    call.on('end', () => {
      if (options === undefined) return callback({ code: status.INVALID_ARGUMENT, details: 'the first message must be the options' });
      const streamName = streamNameOf(options.getStreamIdentifier());
      const fault = faults.take('append');
      if (fault !== undefined) return callback(faultStatus(fault, streamName));
      callback(null, appendResponse(log, streamName, appendExpectation(options), events));
    });
  };
}

/** The `BatchAppend` answer for one complete request: success, or an in-band `google.rpc.Status`. */
function batchResponse(log: EsdbLog, fault: FaultKind | undefined, correlationId: string, options: BatchAppendReq.Options, events: readonly ProposedEvent[]): BatchAppendResp | ServerErrorResponse {
  const streamName = streamNameOf(options.getStreamIdentifier());
  const expectation = batchExpectation(options);
  const response = new BatchAppendResp().setCorrelationId(uuid(correlationId)).setStreamIdentifier(streamIdentifier(streamName));
  if (fault !== undefined) {
    const inBand = batchFaultStatus(fault, streamName);
    return inBand === undefined ? faultStatus(fault, streamName) : response.setError(inBand);
  }
  const outcome = log.append(streamName, expectation, events);
  if (outcome.kind === 'wrong-expected-version') return response.setError(wrongExpectedVersionStatus(expectation, outcome.current));
  const position = new AllStreamPosition().setCommitPosition(outcome.commit.toString()).setPreparePosition(outcome.prepare.toString());
  return response.setSuccess(new BatchAppendResp.Success().setCurrentRevision(outcome.currentRevision.toString()).setPosition(position));
}

/**
 * `Streams.BatchAppend` (bidirectional): one long-lived call carrying many appends, each a run of
 * requests under one correlation id (options on the first, `is_final` on the last).
 */
export function batchAppendHandler(log: EsdbLog, faults: Faults) {
  return (call: ServerDuplexStream<BatchAppendReq, BatchAppendResp>): void => {
    const pending = new Map<string, { options: BatchAppendReq.Options | undefined; events: ProposedEvent[] }>();
    call.on('data', (request: BatchAppendReq) => {
      const correlationId = uuidOf(request.getCorrelationId());
      const entry = pending.get(correlationId) ?? { options: request.getOptions(), events: [] };
      pending.set(correlationId, entry);
      entry.events.push(...request.getProposedMessagesList().map(proposedEvent));
      if (!request.getIsFinal()) return;
      pending.delete(correlationId);
      if (entry.options === undefined) return call.emit('error', { code: status.INVALID_ARGUMENT, details: 'an append must start with its options' });
      // Faults that are not in-band (unavailable, deadline) end the whole call, failing every pending append.
      const response = batchResponse(log, faults.take('append'), correlationId, entry.options, entry.events);
      if (response instanceof BatchAppendResp) call.write(response);
      else call.emit('error', response);
    });
    call.on('end', () => call.end());
  };
}
