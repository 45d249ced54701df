import { importSPKI, jwtVerify, SignJWT, type CryptoKey, type KeyObject } from 'jose';
import { z } from 'zod';
import { ActorId, RegionId, Role, type Actor } from '@salesbook/domain';
import type { JwtKeyConfig } from '../config/config.js';

/** The claims Salesbook reads: `sub`, `role`, and `region` (required for regional managers and reps). */
const Claims = z
  .object({ sub: ActorId, role: Role, region: RegionId.optional() })
  .refine((claims) => claims.region !== undefined || (claims.role !== 'regional_manager' && claims.role !== 'sales_rep'), {
    message: 'a regional_manager or sales_rep token needs a region claim',
    path: ['region'],
  });

/** Verifies bearer tokens into actors. */
export interface TokenVerifier {
  /** The actor of a valid token, or why it is refused. */
  verify(token: string): Promise<{ actor: Actor } | { refused: string }>;
}

/** A verifier for the configured key: HS256 with a secret, or RS256 with a public key. */
export async function createTokenVerifier(config: JwtKeyConfig): Promise<TokenVerifier> {
  const key: Uint8Array | CryptoKey | KeyObject = config.kind === 'secret' ? new TextEncoder().encode(config.secret) : await importSPKI(config.pem, 'RS256');
  const algorithms = [config.kind === 'secret' ? 'HS256' : 'RS256'];
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, key, { algorithms });
        const claims = Claims.safeParse(payload);
        if (!claims.success) return { refused: `the token's claims are invalid: ${claims.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ')}` };
        const { sub, role, region } = claims.data;
        return { actor: region === undefined ? { id: sub, role } : { id: sub, role, region } };
      } catch (error) {
        return { refused: `the token is not valid: ${error instanceof Error ? error.message : 'verification failed'}` };
      }
    },
  };
}

/** Signs an HS256 token for an actor (development tokens and tests). */
export async function signToken(secret: string, actor: Actor, expiresIn = '12h'): Promise<string> {
  const claims = actor.region === undefined ? { role: actor.role } : { role: actor.role, region: actor.region };
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setSubject(actor.id).setIssuedAt().setExpirationTime(expiresIn).sign(new TextEncoder().encode(secret));
}
