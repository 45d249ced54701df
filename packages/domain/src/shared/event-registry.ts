import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import { domainError, type DomainError } from './domain-error.js';
import type { Event } from './message.js';

/** Turns the data of version `n` of an event into version `n + 1`. */
export type Upcaster = (data: unknown) => unknown;

/** Why stored data is not a valid current event of its type: the schema's issues. */
export type EventDataIssues = readonly { readonly path: string; readonly message: string }[];

/**
 * The schema of one event type at its current `version`, with upcasters from every older version:
 * `upcasters[1]` turns v1 data into v2, and so on. History written by an older release still loads.
 * `parse` checks current data against the schema and answers the typed event.
 */
export interface EventDefinition<E extends Event = Event> {
  readonly type: E['type'];
  readonly version: number;
  readonly schema: z.ZodType;
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
  readonly parse: (data: unknown) => Either<EventDataIssues, E>;
}

/** Declares an event's schema and version (see {@link EventDefinition}). */
export const defineEvent = <T extends string, S extends z.ZodType>(
  type: T,
  schema: S,
  options: { version?: number; upcasters?: Readonly<Record<number, Upcaster>> } = {},
): EventDefinition<Event<T, z.output<S>>> => ({
  type,
  schema,
  version: options.version ?? 1,
  ...(options.upcasters ? { upcasters: options.upcasters } : {}),
  parse(data) {
    const parsed = schema.safeParse(data);
    if (parsed.success) return right({ type, data: parsed.data });
    return left(
      parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    );
  },
});

/** Error codes when stored data cannot be read as a current event. */
export type EventDecodeErrorCode = 'EVENT_TYPE_UNKNOWN' | 'EVENT_VERSION_UNSUPPORTED' | 'EVENT_DATA_INVALID';

/**
 * Reads stored events of any known version as current events of the union `E`, and says which version
 * to write. One registry per aggregate reads that aggregate's streams; the whole store's reads any event.
 */
export interface EventRegistry<E extends Event = Event> {
  readonly types: readonly E['type'][];
  /** The version new events of `type` are written with. */
  versionOf(type: string): number | undefined;
  /** Upcasts `data` stored at `version` to the current version and validates it. */
  decode(type: string, data: unknown, version: number): Either<DomainError<EventDecodeErrorCode>, E>;
}

/** Builds an {@link EventRegistry} from definitions; event types must be unique. */
export function createEventRegistry<E extends Event>(definitions: readonly EventDefinition<E>[]): EventRegistry<E> {
  const byType = new Map<string, EventDefinition<E>>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice`);
    byType.set(definition.type, definition);
  }
  return {
    types: definitions.map((definition) => definition.type),
    versionOf: (type) => byType.get(type)?.version,
    decode(type, data, version) {
      const definition = byType.get(type);
      if (definition === undefined)
        return left(domainError('EVENT_TYPE_UNKNOWN', `unknown event type ${type}`, { type }));
      const current = upcast(definition, data, version);
      if (current._tag === 'Left') return current;
      const event = definition.parse(current.right);
      if (event._tag === 'Right') return event;
      return left(
        domainError('EVENT_DATA_INVALID', `${type} v${version} does not match its schema`, {
          type,
          version,
          issues: event.left,
        }),
      );
    },
  };
}

/** `data` stored at `version`, brought to the definition's current version. */
function upcast(
  definition: EventDefinition,
  data: unknown,
  version: number,
): Either<DomainError<EventDecodeErrorCode>, unknown> {
  const { type } = definition;
  if (!Number.isInteger(version) || version < 1 || version > definition.version) {
    return left(
      domainError(
        'EVENT_VERSION_UNSUPPORTED',
        `${type} v${version} is not a version this release reads (1 to ${definition.version})`,
        { type, version },
      ),
    );
  }
  let current = data;
  for (let v = version; v < definition.version; v++) {
    const step = definition.upcasters?.[v];
    if (step === undefined)
      return left(domainError('EVENT_VERSION_UNSUPPORTED', `${type} v${v} has no upcaster`, { type, version }));
    current = step(current);
  }
  return right(current);
}
