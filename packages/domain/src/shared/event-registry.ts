import { left, right, type Either } from 'fp-ts/lib/Either.js';
import type { z } from 'zod';
import { domainError, type DomainError } from './domain-error.js';
import type { Event } from './message.js';

/** Turns the data of version `n` of an event into version `n + 1`. */
export type Upcaster = (data: unknown) => unknown;

/**
 * The schema of one event type at its current `version`, with upcasters from every older version:
 * `upcasters[1]` turns v1 data into v2, and so on. History written by an older release still loads.
 */
export interface EventDefinition<T extends string = string, S extends z.ZodType = z.ZodType> {
  readonly type: T;
  readonly version: number;
  readonly schema: S;
  readonly upcasters?: Readonly<Record<number, Upcaster>>;
}

/** Declares an event's schema and version (see {@link EventDefinition}). */
export const defineEvent = <T extends string, S extends z.ZodType>(
  type: T,
  schema: S,
  options: { version?: number; upcasters?: Readonly<Record<number, Upcaster>> } = {},
): EventDefinition<T, S> => ({ type, schema, version: options.version ?? 1, ...(options.upcasters ? { upcasters: options.upcasters } : {}) });

/** Error codes when stored data cannot be read as a current event. */
export type EventDecodeErrorCode = 'EVENT_TYPE_UNKNOWN' | 'EVENT_VERSION_UNSUPPORTED' | 'EVENT_DATA_INVALID';

/** Reads stored events of any known version as current events, and says which version to write. */
export interface EventRegistry {
  readonly types: readonly string[];
  /** The version new events of `type` are written with. */
  versionOf(type: string): number | undefined;
  /** Upcasts `data` stored at `version` to the current version and validates it. */
  decode(type: string, data: unknown, version: number): Either<DomainError<EventDecodeErrorCode>, Event>;
}

/** Builds an {@link EventRegistry} from definitions; event types must be unique. */
export function createEventRegistry(definitions: readonly EventDefinition[]): EventRegistry {
  const byType = new Map<string, EventDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) throw new Error(`event type ${definition.type} is defined twice`);
    byType.set(definition.type, definition);
  }
  return {
    types: [...byType.keys()],
    versionOf: (type) => byType.get(type)?.version,
    decode(type, data, version) {
      const definition = byType.get(type);
      if (definition === undefined) return left(domainError('EVENT_TYPE_UNKNOWN', `unknown event type ${type}`, { type }));
      if (!Number.isInteger(version) || version < 1 || version > definition.version) {
        return left(
          domainError('EVENT_VERSION_UNSUPPORTED', `${type} v${version} is not a version this release reads (1 to ${definition.version})`, { type, version }),
        );
      }
      let current = data;
      for (let v = version; v < definition.version; v++) {
        const upcast = definition.upcasters?.[v];
        if (upcast === undefined) {
          return left(domainError('EVENT_VERSION_UNSUPPORTED', `${type} v${v} has no upcaster`, { type, version }));
        }
        current = upcast(current);
      }
      const parsed = definition.schema.safeParse(current);
      if (!parsed.success) {
        return left(
          domainError('EVENT_DATA_INVALID', `${type} v${version} does not match its schema`, {
            type,
            version,
            issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
          }),
        );
      }
      return right({ type, data: parsed.data });
    },
  };
}
