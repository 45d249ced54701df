import { SignJWT } from 'jose';
import { createTokenVerifier } from './jwt.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
const key = new TextEncoder().encode(SECRET);
const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);

const sign = (expSeconds: number, secret: Uint8Array = key): Promise<string> =>
  new SignJWT({ role: 'sales_manager' }).setProtectedHeader({ alg: 'HS256' }).setSubject('sm-01').setIssuedAt(T0 / 1_000).setExpirationTime(expSeconds).sign(secret);

describe('token verifier', () => {
  let now = T0;
  const clock = (): number => now;
  beforeEach(() => {
    now = T0;
  });

  it('accepts a valid token again from memory, and refuses it once expired even though it was remembered', async () => {
    const verifier = await createTokenVerifier({ kind: 'secret', secret: SECRET, generated: false }, clock);
    const token = await sign(T0 / 1_000 + 30);
    await expect(verifier.verify(token)).resolves.toEqual({ actor: { id: 'sm-01', role: 'sales_manager' } });
    now = T0 + 29_000;
    await expect(verifier.verify(token)).resolves.toEqual({ actor: { id: 'sm-01', role: 'sales_manager' } });
    now = T0 + 31_000;
    await expect(verifier.verify(token)).resolves.toEqual({ refused: expect.stringMatching(/exp/) });
  });

  it('never takes a token with another signature for a remembered one', async () => {
    const verifier = await createTokenVerifier({ kind: 'secret', secret: SECRET, generated: false }, clock);
    const token = await sign(T0 / 1_000 + 3_600);
    await verifier.verify(token);
    const forged = await sign(T0 / 1_000 + 3_600, new TextEncoder().encode('another-secret-of-at-least-32-characters'));
    expect(forged.split('.').slice(0, 2)).toEqual(token.split('.').slice(0, 2));
    await expect(verifier.verify(forged)).resolves.toEqual({ refused: expect.stringMatching(/signature/) });
  });
});
