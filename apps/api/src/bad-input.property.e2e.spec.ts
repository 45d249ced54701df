import { createHash } from 'node:crypto';
import { Agent, request } from 'node:http';
import fc from 'fast-check';
import { SignJWT } from 'jose';
import type { Role } from '@salesbook/domain';
import type { EventStore } from '@salesbook/eventstore';
import { ROUTES } from './routes.js';
import { badRequest, type BadLifetime, type BadRequest } from './testing/bad-requests.js';
import { customerBody, orderBody, people } from './testing/fixtures.js';
import { actor, startTestApi, TEST_JWT_SECRET, type TestApi } from './testing/test-app.js';

const BODY_LIMIT = 16_384;
const RUNS = 3_000;

let api: TestApi;
const agent = new Agent({ keepAlive: true, maxSockets: 8 });

beforeAll(async () => {
  api = await startTestApi({ SALESBOOK_BODY_LIMIT_BYTES: String(BODY_LIMIT), SALESBOOK_MIN_POSITION_WAIT_MS: '50' });
  // Real ids exist, so bad requests also hit known customers, orders and streams.
  await api.call('POST', '/customers', { actor: people.rep, body: customerBody('c-1') });
  await api.call('POST', '/orders', { actor: people.rep, body: orderBody('o-1', 'c-1') });
}, 30_000);
afterAll(async () => {
  agent.destroy();
  await api.close();
});

/** Every event of the store, in order, hashed: the log before and after must be byte-identical. */
async function digest(store: EventStore): Promise<{ head: string; count: number; sha256: string }> {
  const hash = createHash('sha256');
  let count = 0;
  let after: bigint | undefined;
  for (;;) {
    const page = await store.readAll({ ...(after === undefined ? {} : { after }), maxCount: 500 });
    for (const event of page)
      hash.update(
        JSON.stringify(event, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value)),
      );
    count += page.length;
    const last = page.at(-1);
    if (last === undefined) break;
    after = last.position;
  }
  return { head: String(await store.headPosition()), count, sha256: hash.digest('hex') };
}

/** A correctly signed token of `role` that breaks a lifetime rule: no `exp`, a life above the 24 h maximum, or an `iat` an hour ahead. */
function badLifetimeToken(role: Role, kind: BadLifetime): Promise<string> {
  const now = Math.floor(Date.now() / 1_000);
  const jwt = new SignJWT({ role, region: 'east' }).setProtectedHeader({ alg: 'HS256' }).setSubject(`u-${role}`);
  if (kind === 'no-exp') jwt.setIssuedAt(now);
  if (kind === 'too-long') jwt.setIssuedAt(now).setExpirationTime(now + 25 * 3_600);
  if (kind === 'future-iat') jwt.setIssuedAt(now + 3_600).setExpirationTime(now + 7_200);
  return jwt.sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

/** Who sends a request of a role: a person the team register holds in that role (finance, auditors and the system are outside it). */
const REGISTERED: Record<Role, { id: string; region?: string }> = {
  sales_manager: { id: 'sm-1' },
  regional_manager: { id: 'rm-east', region: 'east' },
  sales_rep: { id: 'rep-2', region: 'east' },
  market_analyst: { id: 'an-1' },
  finance: { id: 'fin-1' },
  auditor: { id: 'aud-1' },
  system: { id: 'system' },
};
/** An impostor of a role: a token the register does not back (an unknown id, or a real rep claiming another region). */
const impostor = (role: Role): { id: string; region: string } =>
  role === 'sales_rep' ? { id: 'rep-2', region: 'west' } : { id: `u-${role}`, region: 'east' };
/** The sender of a drawn request: registered (the ownership rules decide) or an impostor (the register refuses). */
type Sender = 'registered' | 'impostor';

/** Sends a request as drawn: node's http client, so GET bodies, raw bytes and odd headers go out unchanged. */
async function send(bad: BadRequest, sender: Sender): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { ...bad.headers };
  if (bad.auth.kind === 'role') {
    const who = sender === 'registered' ? REGISTERED[bad.auth.role] : impostor(bad.auth.role);
    headers['authorization'] = `Bearer ${await api.token(actor(who.id, bad.auth.role, who.region))}`;
  }
  if (bad.auth.kind === 'header') headers['authorization'] = bad.auth.value;
  if (bad.auth.kind === 'lifetime')
    headers['authorization'] = `Bearer ${await badLifetimeToken(bad.auth.role, bad.auth.token)}`;
  if (bad.body !== undefined) headers['content-length'] = String(Buffer.byteLength(bad.body));
  const url = new URL(api.url);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, method: bad.method, path: bad.path, headers, agent },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // Not JSON: the assertion below names it.
          }
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(bad.body);
  });
}

/** Faults read before the guard: the router (a malformed path) and the body parser (malformed or too large). */
const BEFORE_GUARD = new Set(['malformed-json', 'too-large', 'bad-param']);

/** The status some faults decide: a lifetime-breaking token is 401 once the request reaches the guard; a lone surrogate alone is 400. */
function expectedStatus(bad: BadRequest): number | undefined {
  if (bad.faults.includes('token-lifetime') && !bad.faults.some((fault) => BEFORE_GUARD.has(fault))) return 401;
  if (bad.faults.length === 1 && bad.faults[0] === 'lone-surrogate') return 400;
  return undefined;
}

const anyBadRequest = fc.tuple(
  fc.constantFrom(...ROUTES).chain((route) => badRequest(route, BODY_LIMIT)),
  fc.constantFrom<Sender>('registered', 'impostor'),
);
/** The refusals of the access rules (issue 17): out of scope says nothing else, not even whether the record exists. */
const ACCESS_CODES = new Set(['FORBIDDEN_SCOPE', 'ACTOR_NOT_REGISTERED']);

it(`answers ${RUNS} malformed, mistyped, oversized, unknown, injected and unauthorised requests across every route with a 4xx and a reason, and writes nothing`, async () => {
  const before = await digest(api.store);
  const statuses = new Map<number, number>();
  const routesHit = new Set<string>();
  const decided = new Map<number, number>();
  const accessRefusals = new Map<string, number>();
  await fc.assert(
    fc.asyncProperty(anyBadRequest, async ([bad, sender]) => {
      const { status, body } = await send(bad, sender);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      routesHit.add(`${bad.route.method} ${bad.route.path}`);
      const reason = body as { code?: unknown; message?: unknown };
      const described =
        status >= 400 && status < 500 && typeof reason.code === 'string' && typeof reason.message === 'string';
      if (!described)
        throw new Error(
          `${bad.method} ${bad.path} [${bad.faults.join(', ')}] answered ${status} ${JSON.stringify(body).slice(0, 300)}`,
        );
      const expected = expectedStatus(bad);
      if (expected !== undefined) decided.set(expected, (decided.get(expected) ?? 0) + 1);
      if (expected !== undefined && status !== expected)
        throw new Error(
          `${bad.method} ${bad.path} [${bad.faults.join(', ')}] answered ${status}, not ${expected}: ${JSON.stringify(body).slice(0, 300)}`,
        );
      if (typeof reason.code === 'string' && ACCESS_CODES.has(reason.code)) {
        accessRefusals.set(reason.code, (accessRefusals.get(reason.code) ?? 0) + 1);
        if (
          status !== 403 ||
          Object.keys(body as object)
            .sort()
            .join() !== 'code,message,statusCode'
        )
          throw new Error(
            `${bad.method} ${bad.path} [${sender}]: an access refusal must be a bare 403, got ${status} ${JSON.stringify(body)}`,
          );
      }
      if (reason.code === 'ACTOR_NOT_REGISTERED' && sender === 'registered')
        throw new Error(`${bad.method} ${bad.path}: a registered person refused as unregistered`);
    }),
    // The draws depend on the route table: a seed under which every kind of refusal below is drawn (a 404 is rare).
    { seed: 20_261_206, numRuns: RUNS, endOnFailure: true },
  );
  expect(await digest(api.store)).toEqual(before);
  expect([...routesHit].sort()).toEqual(ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  // Each kind of refusal was exercised: 400 (input, lone surrogates), 401 (tokens, their lifetime) and 403 (roles), 404 (unknown ids), 413 (size).
  expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining([400, 401, 403, 404, 413]));
  // The rules of issue 17 were each drawn and held: lone surrogates alone (400), lifetime-breaking tokens (401).
  expect(Math.min(decided.get(400) ?? 0, decided.get(401) ?? 0)).toBeGreaterThan(10);
  // Impostors met the register (reads at the guard, commands in the deciders). A scope refusal needs a well-formed
  // request on an unknown id by a rep or regional manager, which the fuzz draws only now and then (whether it does
  // depends on the route table); when drawn, it is checked above, and access.e2e.spec.ts covers every route x role x
  // ownership case by table.
  expect(accessRefusals.get('ACTOR_NOT_REGISTERED')).toBeGreaterThan(10);
}, 300_000);
