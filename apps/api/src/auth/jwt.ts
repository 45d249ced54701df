import { importSPKI, jwtVerify, SignJWT, type CryptoKey, type JWTPayload, type KeyObject } from 'jose';
import { z } from 'zod';
import { ActorId, RegionId, Role, type Actor } from '@salesbook/domain';
import type { JwtKeyConfig } from '../config/config.js';
import { CLOCK_SKEW_SECONDS, type TokenRules } from '../config/hardening.js';

/** The claims Salesbook reads: `sub`, `role`, and `region` (required for regional managers and reps). */
const Claims = z
  .object({ sub: ActorId, role: Role, region: RegionId.optional() })
  .refine(
    (claims) => claims.region !== undefined || (claims.role !== 'regional_manager' && claims.role !== 'sales_rep'),
    {
      message: 'a regional_manager or sales_rep token needs a region claim',
      path: ['region'],
    },
  );

/** Verifies bearer tokens into actors. */
export interface TokenVerifier {
  /** The actor of a valid token, or why it is refused. */
  verify(token: string): Promise<{ actor: Actor } | { refused: string }>;
}

/** Why a verified payload is refused anyway: a lifetime above the maximum, or issued in the future. */
function lifetimeProblem(payload: JWTPayload, rules: TokenRules, nowSeconds: number): string | undefined {
  const exp = payload.exp ?? 0;
  if (payload.iat !== undefined && payload.iat > nowSeconds + CLOCK_SKEW_SECONDS)
    return 'the token is not valid: "iat" is in the future';
  if (exp - (payload.iat ?? nowSeconds) > rules.maxAgeSeconds)
    return `the token is not valid: it lives longer than the ${rules.maxAgeSeconds} s allowed (SALESBOOK_JWT_MAX_AGE)`;
  return undefined;
}

/** How long a verified token is trusted without checking its signature again, and how many are kept. */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

/**
 * A verifier for the configured key: HS256 with a secret, or RS256 with a public key. A client sends
 * the same token with every request, and a signature check through WebCrypto cost ~0.2 ms of the
 * event loop per request (15% of the API's CPU under 1,000 commands/s), so valid tokens are
 * remembered by their exact text (signature included) for at most a minute and never past `exp`.
 * A token must carry `exp`, live at most `rules.maxAgeSeconds`, and name the configured issuer and audience;
 * clocks may differ by {@link CLOCK_SKEW_SECONDS}. `clock` is for tests.
 */
export async function createTokenVerifier(
  config: JwtKeyConfig,
  rules: TokenRules,
  clock: () => number = Date.now,
): Promise<TokenVerifier> {
  const key: Uint8Array | CryptoKey | KeyObject =
    config.kind === 'secret' ? new TextEncoder().encode(config.secret) : await importSPKI(config.pem, 'RS256');
  const algorithms = [config.kind === 'secret' ? 'HS256' : 'RS256'];
  const verified = new Map<string, { readonly actor: Actor; readonly until: number }>();
  const remember = (token: string, actor: Actor, exp: number | undefined): void => {
    const now = clock();
    const until = Math.min(now + VERIFIED_TTL_MS, exp === undefined ? Number.POSITIVE_INFINITY : exp * 1_000);
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value ?? '');
    verified.set(token, { actor, until });
  };
  return {
    async verify(token) {
      const known = verified.get(token);
      if (known !== undefined && clock() < known.until) return { actor: known.actor };
      if (known !== undefined) verified.delete(token);
      try {
        const { payload } = await jwtVerify(token, key, {
          algorithms,
          currentDate: new Date(clock()),
          requiredClaims: ['exp'],
          clockTolerance: CLOCK_SKEW_SECONDS,
          ...(rules.issuer === undefined ? {} : { issuer: rules.issuer }),
          ...(rules.audience === undefined ? {} : { audience: rules.audience }),
        });
        const problem = lifetimeProblem(payload, rules, Math.floor(clock() / 1_000));
        if (problem !== undefined) return { refused: problem };
        const claims = Claims.safeParse(payload);
        if (!claims.success)
          return {
            refused: `the token's claims are invalid: ${claims.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}`,
          };
        const { sub, role, region } = claims.data;
        const actor: Actor = region === undefined ? { id: sub, role } : { id: sub, role, region };
        remember(token, actor, payload.exp);
        return { actor };
      } catch (error) {
        return { refused: `the token is not valid: ${error instanceof Error ? error.message : 'verification failed'}` };
      }
    },
  };
}

/** Signs an HS256 token for an actor (development tokens and tests), with the configured issuer and audience if any. */
export async function signToken(
  secret: string,
  actor: Actor,
  expiresIn = '12h',
  rules: Partial<TokenRules> = {},
): Promise<string> {
  const claims = actor.region === undefined ? { role: actor.role } : { role: actor.role, region: actor.region };
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(actor.id)
    .setIssuedAt()
    .setExpirationTime(expiresIn);
  if (rules.issuer !== undefined) jwt.setIssuer(rules.issuer);
  if (rules.audience !== undefined) jwt.setAudience(rules.audience);
  return jwt.sign(new TextEncoder().encode(secret));
}
