import { SignJWT } from 'jose';
import type { TokenRules } from '../config/hardening.js';
import { createTokenVerifier } from './jwt.js';

const SECRET = 'a-test-secret-of-at-least-32-characters!!';
const key = new TextEncoder().encode(SECRET);
const T0 = Date.UTC(2026, 0, 1, 9, 0, 0);

const RULES: TokenRules = { maxAgeSeconds: 86_400 };
const secretKey = { kind: 'secret', secret: SECRET, generated: false } as const;

const sign = (expSeconds: number, secret: Uint8Array = key): Promise<string> =>
  new SignJWT({ role: 'sales_manager' })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('sm-01')
    .setIssuedAt(T0 / 1_000)
    .setExpirationTime(expSeconds)
    .sign(secret);

describe('token verifier', () => {
  let now = T0;
  const clock = (): number => now;
  beforeEach(() => {
    now = T0;
  });

  it('accepts a valid token again from memory, and refuses it once expired (beyond the clock skew) even though it was remembered', async () => {
    const verifier = await createTokenVerifier(secretKey, RULES, clock);
    const token = await sign(T0 / 1_000 + 30);
    await expect(verifier.verify(token)).resolves.toEqual({ actor: { id: 'sm-01', role: 'sales_manager' } });
    now = T0 + 29_000;
    await expect(verifier.verify(token)).resolves.toEqual({ actor: { id: 'sm-01', role: 'sales_manager' } });
    now = T0 + 59_000;
    await expect(verifier.verify(token)).resolves.toEqual({ actor: { id: 'sm-01', role: 'sales_manager' } });
    now = T0 + 61_000;
    await expect(verifier.verify(token)).resolves.toEqual({ refused: expect.stringMatching(/exp/) });
  });

  it('never takes a token with another signature for a remembered one', async () => {
    const verifier = await createTokenVerifier(secretKey, RULES, clock);
    const token = await sign(T0 / 1_000 + 3_600);
    await verifier.verify(token);
    const forged = await sign(T0 / 1_000 + 3_600, new TextEncoder().encode('another-secret-of-at-least-32-characters'));
    expect(forged.split('.').slice(0, 2)).toEqual(token.split('.').slice(0, 2));
    await expect(verifier.verify(forged)).resolves.toEqual({ refused: expect.stringMatching(/signature/) });
  });

  describe('abuse 9: exp, lifetime, issuer and audience', () => {
    const claims = () =>
      new SignJWT({ role: 'sales_manager' }).setProtectedHeader({ alg: 'HS256' }).setSubject('sm-01');

    it('refuses a token without exp', async () => {
      const verifier = await createTokenVerifier(secretKey, RULES, clock);
      await expect(
        verifier.verify(
          await claims()
            .setIssuedAt(T0 / 1_000)
            .sign(key),
        ),
      ).resolves.toEqual({ refused: expect.stringMatching(/"exp" claim/) });
    });

    it('refuses a lifetime above the maximum, counted from iat or from now without one', async () => {
      const verifier = await createTokenVerifier(secretKey, { maxAgeSeconds: 3_600 }, clock);
      const within = await claims()
        .setIssuedAt(T0 / 1_000)
        .setExpirationTime(T0 / 1_000 + 3_600)
        .sign(key);
      const longer = await claims()
        .setIssuedAt(T0 / 1_000)
        .setExpirationTime(T0 / 1_000 + 3_601)
        .sign(key);
      const noIat = await claims()
        .setExpirationTime(T0 / 1_000 + 7_200)
        .sign(key);
      await expect(verifier.verify(within)).resolves.toEqual({ actor: { id: 'sm-01', role: 'sales_manager' } });
      await expect(verifier.verify(longer)).resolves.toEqual({
        refused: expect.stringMatching(/SALESBOOK_JWT_MAX_AGE/),
      });
      await expect(verifier.verify(noIat)).resolves.toEqual({
        refused: expect.stringMatching(/SALESBOOK_JWT_MAX_AGE/),
      });
    });

    it('refuses a token issued in the future beyond the clock skew, and accepts one within it', async () => {
      const verifier = await createTokenVerifier(secretKey, RULES, clock);
      const soon = await claims()
        .setIssuedAt(T0 / 1_000 + 20)
        .setExpirationTime(T0 / 1_000 + 600)
        .sign(key);
      const later = await claims()
        .setIssuedAt(T0 / 1_000 + 120)
        .setExpirationTime(T0 / 1_000 + 600)
        .sign(key);
      await expect(verifier.verify(soon)).resolves.toEqual({ actor: { id: 'sm-01', role: 'sales_manager' } });
      await expect(verifier.verify(later)).resolves.toEqual({ refused: expect.stringMatching(/iat/) });
    });

    it('checks iss and aud when they are configured', async () => {
      const verifier = await createTokenVerifier(
        secretKey,
        { maxAgeSeconds: 86_400, issuer: 'https://idp.example.cn', audience: 'salesbook' },
        clock,
      );
      const base = () =>
        claims()
          .setIssuedAt(T0 / 1_000)
          .setExpirationTime(T0 / 1_000 + 600);
      const good = await base().setIssuer('https://idp.example.cn').setAudience(['salesbook', 'other']).sign(key);
      const noIssuer = await base().setAudience('salesbook').sign(key);
      const wrongAudience = await base().setIssuer('https://idp.example.cn').setAudience('billing').sign(key);
      await expect(verifier.verify(good)).resolves.toEqual({ actor: { id: 'sm-01', role: 'sales_manager' } });
      await expect(verifier.verify(noIssuer)).resolves.toEqual({ refused: expect.stringMatching(/iss/) });
      await expect(verifier.verify(wrongAudience)).resolves.toEqual({ refused: expect.stringMatching(/aud/) });
    });
  });
});
