import { randomUUID } from 'node:crypto';
import { status, type ServerWritableStream } from '@grpc/grpc-js';
import { ReadResp, type ReadReq } from '@eventstore/db-client/generated/streams_pb.js';
import type { DoubleContext } from './context.js';
import { faultStatus } from './faults.js';
import { comparePositions, type EsdbLog, type StoredEvent } from './log.js';
import { eventResponse, streamIdentifier, streamNameOf } from './messages.js';

/** A call of `Streams.Read`: a read or a subscription. */
export type ReadCall = ServerWritableStream<ReadReq, ReadResp>;

/** A stream read: forwards or backwards from a revision, `stream_not_found` in-band when it has no events. */
function readStream(
  log: EsdbLog,
  call: ReadCall,
  options: ReadReq.Options,
  stream: ReadReq.Options.StreamOptions,
): void {
  const streamName = streamNameOf(stream.getStreamIdentifier());
  const events = log.stream(streamName);
  if (events === undefined) {
    call.write(
      new ReadResp().setStreamNotFound(new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamName))),
    );
    return void call.end();
  }
  const count = Number(BigInt(options.getCount()));
  const backwards = options.getReadDirection() === 1;
  let slice: readonly StoredEvent[];
  if (backwards) {
    const from = stream.hasRevision() ? Math.min(Number(stream.getRevision()), events.length - 1) : events.length - 1;
    slice = events.slice(Math.max(0, from + 1 - count), from + 1).reverse();
  } else {
    const from = stream.hasRevision() ? Number(stream.getRevision()) : stream.hasEnd() ? events.length : 0;
    slice = events.slice(from, from + count);
  }
  for (const event of slice) call.write(eventResponse(event));
  call.end();
}

/** A read of `$all`: forwards from a position inclusive, backwards from one exclusive. */
function readAll(log: EsdbLog, call: ReadCall, options: ReadReq.Options, all: ReadReq.Options.AllOptions): void {
  const count = Number(BigInt(options.getCount()));
  const position = all.getPosition();
  const at =
    position === undefined
      ? undefined
      : { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
  let events: StoredEvent[];
  if (options.getReadDirection() === 1) {
    events = all.hasStart()
      ? []
      : (at === undefined ? [...log.all] : log.all.filter((event) => comparePositions(event, at) < 0)).reverse();
  } else {
    events = all.hasEnd()
      ? []
      : at === undefined
        ? [...log.all]
        : log.all.filter((event) => comparePositions(event, at) >= 0);
  }
  for (const event of events.slice(0, count)) call.write(eventResponse(event));
  call.end();
}

/** The server-side filter of a subscription: on event type or stream name, by regex or prefixes. */
function filterOf(options: ReadReq.Options): ((event: StoredEvent) => boolean) | undefined {
  const filter = options.getFilter();
  if (filter === undefined) return undefined;
  const byType = filter.hasEventType();
  const expression = byType ? filter.getEventType() : filter.getStreamIdentifier();
  const regex = expression?.getRegex() ? new RegExp(expression.getRegex()) : undefined;
  const prefixes = expression?.getPrefixList() ?? [];
  return (event) => {
    const subject = byType ? event.type : event.streamName;
    return (
      (regex === undefined || regex.test(subject)) &&
      (prefixes.length === 0 || prefixes.some((prefix) => subject.startsWith(prefix)))
    );
  };
}

const checkpoint = (event: StoredEvent): ReadResp =>
  new ReadResp().setCheckpoint(
    new ReadResp.Checkpoint().setCommitPosition(event.commit.toString()).setPreparePosition(event.prepare.toString()),
  );

/**
 * A subscription to `$all`: `confirmation`, the stored events after the start (exclusive), with
 * `checkpoint`s for a filtered one, then `caught_up`, then live events. The catch-up runs in one turn
 * of the event loop and the live listener is registered in the same turn, so no append falls between.
 */
function subscribeToAll(
  log: EsdbLog,
  call: ReadCall,
  options: ReadReq.Options,
  all: ReadReq.Options.AllOptions,
  live: Set<ReadCall>,
): void {
  const filter = filterOf(options);
  const interval = Math.max(1, options.getFilter()?.getCheckpointintervalmultiplier() ?? 1) * 32;
  const send = (event: StoredEvent): void => {
    if (filter === undefined || filter(event)) call.write(eventResponse(event));
  };
  call.write(new ReadResp().setConfirmation(new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID())));
  const position = all.getPosition();
  const start =
    position === undefined
      ? undefined
      : { commit: BigInt(position.getCommitPosition()), prepare: BigInt(position.getPreparePosition()) };
  const stored = all.hasEnd()
    ? []
    : start === undefined
      ? log.all
      : log.all.filter((event) => comparePositions(event, start) > 0);
  stored.forEach((event, index) => {
    send(event);
    if (filter !== undefined && (index + 1) % interval === 0) call.write(checkpoint(event));
  });
  const last = log.all[log.all.length - 1];
  if (filter !== undefined && last !== undefined) call.write(checkpoint(last));
  call.write(new ReadResp().setCaughtUp(new ReadResp.CaughtUp()));
  const unlisten = log.listen((events) => events.forEach(send));
  live.add(call);
  const stop = (): void => {
    unlisten();
    live.delete(call);
  };
  call.on('cancelled', stop);
  call.on('close', stop);
}

/**
 * `Streams.Read` (server streaming): stream reads, `$all` reads and `$all` subscriptions (kept in `live` while they
 * run, so a test can drop them); `$all` needs a user who may read it on a secure double.
 */
export function readHandler(context: DoubleContext, live: Set<ReadCall>) {
  return (call: ReadCall): void => {
    const options = call.request.getOptions();
    const stream = options?.getStream();
    const all = options?.getAll();
    const refused = context.access.refusal(call.metadata, all === undefined ? 'stream' : 'all');
    if (refused !== undefined) return void call.emit('error', refused);
    const fault = context.faults.take('read');
    if (fault !== undefined)
      return void call.emit(
        'error',
        faultStatus(fault, stream === undefined ? '$all' : streamNameOf(stream.getStreamIdentifier()), context.leader),
      );
    if (options === undefined) return void call.emit('error', { code: status.INVALID_ARGUMENT, details: 'no options' });
    if (options.hasSubscription()) {
      if (all === undefined)
        return void call.emit('error', { code: status.UNIMPLEMENTED, details: 'the double subscribes to $all only' });
      return subscribeToAll(context.log, call, options, all, live);
    }
    if (stream !== undefined) return readStream(context.log, call, options, stream);
    if (all !== undefined) return readAll(context.log, call, options, all);
    call.emit('error', { code: status.INVALID_ARGUMENT, details: 'neither a stream nor $all' });
  };
}
