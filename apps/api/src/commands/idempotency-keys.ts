import { createHash } from 'node:crypto';
import { left, right, type Either } from 'fp-ts/lib/Either.js';
import { canonicalJson, type IdempotencyKeyStore, type Json } from '@salesbook/eventstore';
import type { ApiFailure } from '../http/failures.js';
import type { RouteInput } from '../http/input.js';
import type { RouteSpec } from '../http/route-spec.js';

/** What a command request names: the path's ids, the validated body and an import's `occurredAt`. */
export type CommandNamed = Pick<RouteInput, 'params' | 'body' | 'occurredAt'>;

/**
 * A digest of what an `Idempotency-Key` names: the route (method and path pattern), the path's ids, the validated
 * body and an import's `occurredAt`. Canonical JSON, so key order and spacing of the body do not count.
 */
export function commandFingerprint(spec: RouteSpec, input: CommandNamed): string {
  // Validated input came from JSON: the round trip only drops what JSON cannot hold.
  const named = JSON.parse(
    JSON.stringify({
      route: `${spec.method} ${spec.path}`,
      params: input.params ?? null,
      body: input.body ?? null,
      occurredAt: input.occurredAt ?? null,
    }),
  ) as Json;
  return createHash('sha256').update(canonicalJson(named)).digest('hex');
}

/**
 * Binds an `Idempotency-Key` (scoped to its actor) to the command it first named, in the event store itself (so
 * every API instance on the store agrees): the same key with another route or body is refused with 422
 * `IDEMPOTENCY_KEY_REUSED` before anything runs; the same key and command again goes on to the handler, where the
 * command id makes it a repeat.
 */
export async function bindCommandKey(
  store: IdempotencyKeyStore,
  scopedKey: string,
  spec: RouteSpec,
  input: CommandNamed,
  at: string,
): Promise<Either<ApiFailure, void>> {
  const outcome = await store.bindIdempotencyKey({
    key: scopedKey,
    fingerprint: commandFingerprint(spec, input),
    boundAt: at,
  });
  if (outcome.kind !== 'reused') return right(undefined);
  return left({
    kind: 'key-reused',
    message: `this Idempotency-Key was first used at ${outcome.boundAt} for another command (route or body); use a new key for a new command`,
    boundAt: outcome.boundAt,
  });
}
