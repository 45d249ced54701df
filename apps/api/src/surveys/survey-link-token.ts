import { errors, jwtVerify, SignJWT } from 'jose';
import { InvitationId } from '@salesbook/domain';

/** The audience of a survey link, so no other token signed with the same key reads as one. */
const AUDIENCE = 'salesbook-survey-link';

/** What a link's token says once verified, or why it is refused (each has its own page and status). */
export type LinkVerdict =
  { readonly invitationId: InvitationId } | { readonly refused: 'malformed' | 'forged' | 'expired' };

const keyOf = (secret: string): Uint8Array => new TextEncoder().encode(secret);

/**
 * Signs the link of one invitation (HS256): the invitation id as `sub` and `exp` (epoch seconds), nothing personal.
 *
 * @example
 * const token = await signSurveyLink(config.surveyLinkSecret, 'q1.3', Date.parse('2026-03-31T16:00:00Z') / 1000);
 */
export async function signSurveyLink(secret: string, invitationId: InvitationId, exp: number): Promise<string> {
  return new SignJWT({})
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(invitationId)
    .setAudience(AUDIENCE)
    .setExpirationTime(exp)
    .sign(keyOf(secret));
}

/** A compact JWS: three base64url parts (anything else is refused as malformed before any key is used). */
const COMPACT = /^[A-Za-z0-9_-]{1,2048}\.[A-Za-z0-9_-]{1,2048}\.[A-Za-z0-9_-]{1,512}$/;

/**
 * Checks a link's token at `nowMs`: the signature first, so a forged token is refused the same whatever invitation it
 * names (nothing is looked up for it); then the expiry. Single use is not the token's: the customer's decider takes one
 * answer per invitation.
 */
export async function verifySurveyLink(secret: string, token: string, nowMs: number): Promise<LinkVerdict> {
  if (!COMPACT.test(token)) return { refused: 'malformed' };
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), {
      algorithms: ['HS256'],
      audience: AUDIENCE,
      currentDate: new Date(nowMs),
      requiredClaims: ['exp', 'sub'],
    });
    const invitation = InvitationId.safeParse(payload.sub);
    return invitation.success ? { invitationId: invitation.data } : { refused: 'forged' };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { refused: 'expired' };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { refused: 'forged' };
    return { refused: 'malformed' };
  }
}
