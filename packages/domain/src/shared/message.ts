import { z } from 'zod';
import { Actor } from './actors.js';
import { IsoDateTime } from './time.js';

/** A domain event as deciders emit it: a past-tense `type` and its `data`. */
export interface Event<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/** What the edge supplies with every command: who acts and the business time of the act. */
export const CommandMetadata = z.object({ actor: Actor, occurredAt: IsoDateTime });
export type CommandMetadata = z.infer<typeof CommandMetadata>;

/** A command: an imperative `type`, its validated `data`, and who/when in `metadata`. */
export interface Command<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
  readonly metadata: CommandMetadata;
}

/**
 * What a client asks for, before the edge adds who and when: the `type` and `data` of each command of
 * the union `C`, still a union discriminated by `type` (the command bus carries one per aggregate).
 */
export type CommandPayload<C extends Command = Command> = C extends Command
  ? { readonly type: C['type']; readonly data: C['data'] }
  : never;

/** Metadata every stored event carries (the envelope). `hash` chains the stream (docs/domain-rules.md). */
export const EventMetadata = z.object({
  eventId: z.string().min(1),
  occurredAt: IsoDateTime,
  actor: Actor,
  correlationId: z.string().min(1),
  causationId: z.string().min(1),
  commandId: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type EventMetadata = z.infer<typeof EventMetadata>;

/** An event with its metadata: what a store holds and a projection receives; still discriminated by `type`. */
export type EventEnvelope<E extends Event = Event> = E & { readonly metadata: EventMetadata };
