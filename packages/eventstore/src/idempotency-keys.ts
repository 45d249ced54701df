/**
 * Idempotency keys that bind: a key belongs to the command it first named. Every event store records the
 * binding in its own storage, so it holds for every process or instance on that store, and keeps it at least
 * {@link IDEMPOTENCY_KEY_RETENTION_HOURS} hours (the adapters here keep it as long as the store).
 *
 * @example
 * const outcome = await store.bindIdempotencyKey({ key: 'rep-1:k-42', fingerprint: sha256(route + body), boundAt: now });
 * if (outcome.kind === 'reused') refuse(422, 'IDEMPOTENCY_KEY_REUSED');
 */
export interface IdempotencyKeyStore {
  /** Binds `binding.key` to its fingerprint on first use; afterwards says whether the fingerprint is the bound one. */
  bindIdempotencyKey(binding: IdempotencyKeyBinding): Promise<IdempotencyKeyOutcome>;
}

/** A key as a caller first uses it: the key (scoped by the caller, e.g. `<actor>:<key>`) and what it names. */
export interface IdempotencyKeyBinding {
  /** At most 512 characters. */
  readonly key: string;
  /** A digest of what the key names (e.g. the route and the body): at most 128 characters. */
  readonly fingerprint: string;
  /** When the key is used (ISO 8601 UTC). */
  readonly boundAt: string;
}

/** `bound`: the key's first use; `same`: used before with this fingerprint; `reused`: bound to another fingerprint at `boundAt`. */
export type IdempotencyKeyOutcome =
  { readonly kind: 'bound' } | { readonly kind: 'same' } | { readonly kind: 'reused'; readonly boundAt: string };

/** The shortest time a store keeps a binding. */
export const IDEMPOTENCY_KEY_RETENTION_HOURS = 24;

/** The outcome for a key found bound to `stored` when `binding` asks: the same fingerprint, or another. */
export function compareBinding(
  stored: { readonly fingerprint: string; readonly boundAt: string },
  binding: IdempotencyKeyBinding,
): IdempotencyKeyOutcome {
  return stored.fingerprint === binding.fingerprint ? { kind: 'same' } : { kind: 'reused', boundAt: stored.boundAt };
}
