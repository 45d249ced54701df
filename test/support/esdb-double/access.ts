import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Metadata, status, type ServerErrorResponse } from '@grpc/grpc-js';
import { faultStatus } from './faults.js';

/** A user the double knows; `readAll` as a member of `$admins` (or one granted `$r` on `$all`) has it. */
export interface DoubleUser {
  readonly username: string;
  readonly password: string;
  readonly readAll: boolean;
}

/** What a call may touch: application streams, or `$all` (reads and subscriptions). */
export type Resource = 'stream' | 'all';

/**
 * Authentication and authorization as a secure EventStoreDB node does them with its defaults: credentials that do
 * not match a user fail the call as unauthenticated; no credentials is anonymous, refused everywhere
 * (`AllowAnonymousStreamAccess` is off by default); every user may use application streams (their default ACL), and
 * only users with `readAll` may read or subscribe to `$all` (the `$all` ACL allows `$admins`). Without users the
 * double is an insecure node: everything is allowed.
 */
export class Access {
  constructor(private readonly users: readonly DoubleUser[] | undefined) {}

  get secure(): boolean {
    return this.users !== undefined;
  }

  /** The status to fail a call with, or `undefined` when it may go on. */
  refusal(metadata: Metadata, resource: Resource): ServerErrorResponse | undefined {
    if (this.users === undefined) return undefined;
    const header = metadata.get('authorization')[0];
    if (header === undefined) return faultStatus('access-denied', '', { host: '', port: 0 });
    const [username, password] = Buffer.from(String(header).replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':');
    const user = this.users.find((each) => each.username === username && each.password === password);
    if (user === undefined)
      return {
        code: status.UNAUTHENTICATED,
        details: 'Unauthenticated',
        metadata: new Metadata(),
        name: 'RpcException',
        message: 'Unauthenticated',
      };
    if (resource === 'all' && !user.readAll) return faultStatus('access-denied', '$all', { host: '', port: 0 });
    return undefined;
  }
}

/** A self-signed certificate for 127.0.0.1 (made with openssl), the CA file a client trusts it through. */
export interface TestCertificate {
  readonly key: Buffer;
  readonly cert: Buffer;
  readonly caFile: string;
  dispose(): void;
}

export function makeCertificate(): TestCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'esdb-double-tls-'));
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
    ],
    { stdio: 'ignore' },
  );
  return {
    key: readFileSync(keyFile),
    cert: readFileSync(certFile),
    caFile: certFile,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
