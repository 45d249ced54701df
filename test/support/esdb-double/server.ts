import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall } from '@grpc/grpc-js';
import { ServerFeaturesService } from '@eventstore/db-client/generated/serverfeatures_grpc_pb.js';
import { SupportedMethod, SupportedMethods } from '@eventstore/db-client/generated/serverfeatures_pb.js';
import type { Empty } from '@eventstore/db-client/generated/shared_pb.js';
import { StreamsService } from '@eventstore/db-client/generated/streams_grpc_pb.js';
import { Access, makeCertificate, type DoubleUser, type TestCertificate } from './access.js';
import { appendHandler, batchAppendHandler } from './append.js';
import type { DoubleContext } from './context.js';
import { faultStatus, Faults, type FaultKind, type FaultTarget } from './faults.js';
import { EsdbLog } from './log.js';
import { readHandler, type ReadCall } from './read.js';

/** How the double presents itself. */
export interface EsdbDoubleOptions {
  /** Advertise `BatchAppend`, so the client appends over it (as with a real 21.10+ server); default true. */
  readonly batchAppend?: boolean;
  /** The log to serve (default a new one holding one system event): pass a stopped double's to restart it. */
  readonly log?: EsdbLog;
  /** The port to listen on (default an ephemeral one): a stopped double's, so its clients reconnect to it. */
  readonly port?: number;
  /** The version `GetSupportedMethods` reports (default `24.10.0`); `null` answers UNIMPLEMENTED, as before 21.10. */
  readonly serverVersion?: string | null;
  /** The server's `MaxAppendSize` in bytes (default 1,048,576, EventStoreDB's default). */
  readonly maxAppendSize?: number;
  /** Users of a secure node: TLS on (a self-signed certificate), credentials checked (see access.ts). */
  readonly users?: readonly DoubleUser[];
}

/** How a live subscription is dropped: the node going not-ready (UNAVAILABLE), or the call simply ended. */
export type SubscriptionDrop = 'not-ready' | 'ended' | 'not-leader';

/** A running double: where to connect, its log, and the hooks tests use. */
export interface EsdbDouble {
  /** `esdb://127.0.0.1:PORT?tls=false`; on a secure double `tls=true` with the CA file, and no credentials. */
  readonly connectionString: string;
  /** The connection string with `username:password@`. */
  connectionStringFor(username: string, password: string): string;
  readonly port: number;
  readonly log: EsdbLog;
  /** Writes a `$`-typed event into `$all`, as a real node does on its own (stats, metadata, projections). */
  appendSystemEvent(): void;
  /** gRPC calls received per method (`BatchAppend` counts calls, not the appends carried on one). */
  readonly calls: Readonly<Record<'read' | 'append' | 'batchAppend', number>>;
  /**
   * Makes `times` calls of `target` (default 1) fail with `kind`, the way EventStoreDB reports that failure, after
   * letting the next `after` (default 0) through.
   */
  injectFault(target: FaultTarget, kind: FaultKind, times?: number, after?: number): void;
  /** Ends every live `$all` subscription, as a node does when it stops serving them; answers how many. */
  dropSubscriptions(how: SubscriptionDrop): number;
  stop(): Promise<void>;
}

function supportedMethods(batchAppend: boolean, version: string | null) {
  const method = (name: string, service = 'event_store.client.streams.streams'): SupportedMethod =>
    new SupportedMethod().setMethodName(name).setServiceName(service);
  const names = ['read', 'append', ...(batchAppend ? ['batchappend'] : [])];
  const methods = [
    ...names.map((name) => method(name)),
    method('getsupportedmethods', 'event_store.client.server_features.serverfeatures'),
  ];
  return (_call: ServerUnaryCall<Empty, SupportedMethods>, callback: sendUnaryData<SupportedMethods>): void => {
    if (version === null) return callback({ code: status.UNIMPLEMENTED, details: 'unknown service' });
    callback(null, new SupportedMethods().setMethodsList(methods).setEventStoreServerVersion(version));
  };
}

const unimplemented = (_call: unknown, callback: (error: { code: number; details: string }) => void): void =>
  callback({ code: status.UNIMPLEMENTED, details: 'not in the double' });

function drop(call: ReadCall, how: SubscriptionDrop, context: DoubleContext): void {
  if (how === 'ended') call.end();
  else call.emit('error', faultStatus(how === 'not-ready' ? 'unavailable' : 'not-leader', '$all', context.leader));
}

async function listen(server: Server, port: number, certificate: TestCertificate | undefined): Promise<number> {
  const credentials =
    certificate === undefined
      ? ServerCredentials.createInsecure()
      : ServerCredentials.createSsl(null, [{ private_key: certificate.key, cert_chain: certificate.cert }], false);
  return new Promise<number>((resolve, reject) => {
    server.bindAsync(`127.0.0.1:${port}`, credentials, (error, bound) =>
      error === null ? resolve(bound) : reject(error),
    );
  });
}

/**
 * Starts a wire-level EventStoreDB double on 127.0.0.1 and an ephemeral port: the client's own
 * generated service definitions over an in-memory log that, like a real `$all`, already holds a
 * system event. It proves the client integration, not EventStoreDB's semantics.
 */
export async function startEsdbDouble(options: EsdbDoubleOptions = {}): Promise<EsdbDouble> {
  const log = options.log ?? new EsdbLog();
  if (options.log === undefined) log.appendSystemEvent();
  const certificate = options.users === undefined ? undefined : makeCertificate();
  const server = new Server();
  const port = await listen(server, options.port ?? 0, certificate);
  const context: DoubleContext = {
    log,
    faults: new Faults(),
    access: new Access(options.users),
    leader: { host: '127.0.0.1', port },
    maxAppendSize: options.maxAppendSize ?? 1_048_576,
  };
  const calls = { read: 0, append: 0, batchAppend: 0 };
  const counted =
    <A extends unknown[]>(method: keyof typeof calls, handler: (...args: A) => void) =>
    (...args: A): void => {
      calls[method] += 1;
      handler(...args);
    };
  const live = new Set<ReadCall>();
  server.addService(StreamsService, {
    read: counted('read', readHandler(context, live)),
    append: counted('append', appendHandler(context)),
    batchAppend: counted('batchAppend', batchAppendHandler(context)),
    delete: unimplemented,
    tombstone: unimplemented,
  });
  server.addService(ServerFeaturesService, {
    getSupportedMethods: supportedMethods(
      options.batchAppend ?? true,
      options.serverVersion === undefined ? '24.10.0' : options.serverVersion,
    ),
  });
  const query = certificate === undefined ? 'tls=false' : `tls=true&tlsCAFile=${certificate.caFile}`;
  return {
    connectionString: `esdb://127.0.0.1:${port}?${query}`,
    connectionStringFor: (username, password) => `esdb://${username}:${password}@127.0.0.1:${port}?${query}`,
    port,
    log,
    calls,
    appendSystemEvent: () => log.appendSystemEvent(),
    injectFault: (target, kind, times, after) => context.faults.inject(target, kind, times, after),
    dropSubscriptions: (how) => {
      const dropped = [...live];
      live.clear();
      for (const call of dropped) drop(call, how, context);
      return dropped.length;
    },
    stop: async () => {
      server.forceShutdown();
      certificate?.dispose();
    },
  };
}
