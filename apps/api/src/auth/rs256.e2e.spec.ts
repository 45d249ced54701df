import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { SignJWT } from 'jose';
import { customerBody } from '../testing/fixtures.js';
import { startTestApi, type TestApi } from '../testing/test-app.js';

const issuer = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicPem = issuer.publicKey.export({ type: 'spki', format: 'pem' }).toString();

let api: TestApi;
beforeAll(async () => {
  // The public key alone: the API can verify tokens, never mint them.
  api = await startTestApi({ SALESBOOK_JWT_SECRET: '', SALESBOOK_JWT_PUBLIC_KEY: publicPem });
});
afterAll(() => api.close());

const sign = (
  key: KeyObject | Uint8Array,
  alg: string,
  claims: Record<string, unknown>,
  subject = 'rep-1',
  expires = '5m',
) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg })
    .setSubject(subject)
    .setIssuedAt()
    .setExpirationTime(expires)
    .sign(key);
const rep = { role: 'sales_rep', region: 'east' };
const call = (token: string, body = customerBody('c-rs')) =>
  api.call('POST', '/customers', { body, headers: { authorization: `Bearer ${token}` } });

describe('RS256 bearer tokens (SALESBOOK_JWT_PUBLIC_KEY)', () => {
  it('accepts a token signed with the private key: the actor comes from sub, role and region', async () => {
    const response = await call(await sign(issuer.privateKey, 'RS256', rep));
    expect(response.status).toBe(201);
    const [event] = await api.store.readStream('customer-c-rs');
    expect(event?.metadata['actor']).toEqual({ id: 'rep-1', role: 'sales_rep', region: 'east' });
    const report = await api.call('GET', '/audit/streams/customer-c-rs/events', {
      headers: { authorization: `Bearer ${await sign(issuer.privateKey, 'RS256', { role: 'auditor' }, 'aud-1')}` },
    });
    expect(report.status).toBe(200);
  });

  it.each([
    ['signed by another key', () => sign(stranger.privateKey, 'RS256', rep)],
    [
      'HS256 with the public key as the secret (algorithm confusion)',
      () => sign(new TextEncoder().encode(publicPem), 'HS256', rep),
    ],
    [
      'HS256 with any secret',
      () => sign(new TextEncoder().encode('test-secret-test-secret-test-secret-42'), 'HS256', rep),
    ],
    ['expired', () => sign(issuer.privateKey, 'RS256', rep, 'rep-1', '-1m')],
    ['a rep without a region claim', () => sign(issuer.privateKey, 'RS256', { role: 'sales_rep' })],
    ['an unknown role', () => sign(issuer.privateKey, 'RS256', { role: 'root' })],
  ])('refuses a token %s with 401 and writes nothing', async (_name, token) => {
    const response = await call(await token(), customerBody('c-refused'));
    expect([response.status, response.body.code]).toEqual([401, 'UNAUTHENTICATED']);
    expect(await api.store.streamExists('customer-c-refused')).toBe(false);
  });

  it('still applies roles: an RS256 auditor token may not write (403)', async () => {
    const response = await call(
      await sign(issuer.privateKey, 'RS256', { role: 'auditor' }, 'aud-1'),
      customerBody('c-aud'),
    );
    expect([response.status, response.body.code]).toEqual([403, 'ROLE_NOT_ALLOWED']);
  });
});
