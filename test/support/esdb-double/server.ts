import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb.js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb.js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { appendHandler, batchAppendHandler } from './append.js';
import { Faults, type FaultKind, type FaultTarget } from './faults.js';
import { EsdbLog } from './log.js';
import { readHandler } from './read.js';

/** How the double presents itself. */
export interface EsdbDoubleOptions {
  /** Advertise `BatchAppend`, so the client appends over it (as with a real 21.10+ server); default true. */
  readonly batchAppend?: boolean;
  /** The log to serve (default a new one holding one system event): pass a stopped double's to restart it. */
  readonly log?: EsdbLog;
  /** The port to listen on (default an ephemeral one): a stopped double's, so its clients reconnect to it. */
  readonly port?: number;
}

/** A running double: where to connect, its log, and the hooks tests use. */
export interface EsdbDouble {
  /** `esdb://127.0.0.1:PORT?tls=false` */
  readonly connectionString: string;
  readonly port: number;
  readonly log: EsdbLog;
  /** Writes a `$`-typed event into `$all`, as a real node does on its own (stats, metadata, projections). */
  appendSystemEvent(): void;
  /** gRPC calls received per method (`BatchAppend` counts calls, not the appends carried on one). */
  readonly calls: Readonly<Record<'read' | 'append' | 'batchAppend', number>>;
  /** Makes the next call of `target` fail with `kind`, the way EventStoreDB reports that failure. */
  injectFault(target: FaultTarget, kind: FaultKind): void;
  stop(): Promise<void>;
}

function supportedMethods(batchAppend: boolean) {
  const method = (name: string, service = 'event_store.client.streams.streams'): SupportedMethod =>
    new SupportedMethod().setMethodName(name).setServiceName(service);
  const names = ['read', 'append', ...(batchAppend ? ['batchappend'] : [])];
  const methods = [...names.map((name) => method(name)), method('getsupportedmethods', 'event_store.client.server_features.serverfeatures')];
  return (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void => {
    callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion('24.10.0-double'));
  };
}

const unimplemented = (_call: unknown, callback: (error: { code: number; details: string }) => void): void =>
  callback({ code: status.UNIMPLEMENTED, details: 'not in the double' });

/**
 * Starts a wire-level EventStoreDB double on 127.0.0.1 and an ephemeral port: the client's own
 * generated service definitions over an in-memory log that, like a real `$all`, already holds a
 * system event. It proves the client integration, not EventStoreDB's semantics.
 */
export async function startEsdbDouble(options: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
  const log = options.log ?? new EsdbLog();
  const faults = new Faults();
  if (options.log === undefined) log.appendSystemEvent();
  const calls = { read: 0, append: 0, batchAppend: 0 };
  const counted =
    <A extends unknown[]>(method: keyof typeof calls, handler: (...args: A) => void) =>
    (...args: A): void => {
      calls[method] += 1;
      handler(...args);
    };
  const server = new Server();
  server.addService(StreamsService, {
    read: counted('read', readHandler(log, faults)),
    append: counted('append', appendHandler(log, faults)),
    batchAppend: counted('batchAppend', batchAppendHandler(log, faults)),
    delete: unimplemented,
    tombstone: unimplemented,
  });
  server.addService(ServerFeaturesService, { getSupportedMethods: supportedMethods(options.batchAppend ?? true) });
  const port = await new Promise<number>((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${options.port ?? 0}`, ServerCredentials.createInsecure(), (error, bound) => (error === null ? resolve(bound) : reject(error)));
  });
  return {
    connectionString: `esdb://127.0.0.1:${port}?tls=false`,
    port,
    log,
    calls,
    appendSystemEvent: () => log.appendSystemEvent(),
    injectFault: (target, kind) => faults.inject(target, kind),
    stop: async () => {
      server.forceShutdown();
    },
  };
}
