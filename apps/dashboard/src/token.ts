import { z } from 'zod';

/** The claims the page shows (the API verifies the token; the page only reads who signed in). */
export const Claims = z.object({ sub: z.string(), role: z.string(), region: z.string().optional() });
export type Claims = z.infer<typeof Claims>;

/** The claims of a JWT's payload, or `undefined` when `token` is not a JWT with them. */
export function readClaims(token: string): Claims | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const json = atob(
      payload
        .replace(/-/g, '+')
        .replace(/_/g, '/')
        .padEnd(Math.ceil(payload.length / 4) * 4, '='),
    );
    const parsed = Claims.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
