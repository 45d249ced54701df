import { isLeft } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { createEventRegistry, defineEvent } from './event-registry.js';
import type { Event } from './message.js';

// A toy event that went through two schema changes: v1 held `name`, v2 split it, v3 added `tier`.
const Renamed = z.object({ first: z.string(), last: z.string(), tier: z.enum(['a', 'b']) }).strict();
type Thing = Event<'ThingRenamed', z.output<typeof Renamed>> | Event<'ThingCreated', { id: string }>;
const registry = createEventRegistry<Thing>([
  defineEvent('ThingRenamed', Renamed, {
    version: 3,
    upcasters: {
      1: (data) => {
        const { name } = data as { name: string };
        const [first = '', ...rest] = name.split(' ');
        return { first, last: rest.join(' ') };
      },
      2: (data) => ({ ...(data as object), tier: 'a' }),
    },
  }),
  defineEvent('ThingCreated', z.object({ id: z.string() })),
]);

describe('event registry', () => {
  it('reads current data as is and says which version to write', () => {
    expect(registry.versionOf('ThingRenamed')).toBe(3);
    expect(registry.versionOf('ThingCreated')).toBe(1);
    expect(registry.versionOf('Nope')).toBeUndefined();
    expect(registry.types).toEqual(['ThingRenamed', 'ThingCreated']);
    expect(registry.decode('ThingCreated', { id: 'x' }, 1)).toEqual({
      _tag: 'Right',
      right: { type: 'ThingCreated', data: { id: 'x' } },
    });
  });

  it('upcasts every older version step by step', () => {
    expect(registry.decode('ThingRenamed', { name: 'Ada King Lovelace' }, 1)).toEqual({
      _tag: 'Right',
      right: { type: 'ThingRenamed', data: { first: 'Ada', last: 'King Lovelace', tier: 'a' } },
    });
    expect(registry.decode('ThingRenamed', { first: 'A', last: 'B' }, 2)).toEqual({
      _tag: 'Right',
      right: { type: 'ThingRenamed', data: { first: 'A', last: 'B', tier: 'a' } },
    });
  });

  it.each([
    ['unknown type', 'Nope', {}, 1, 'EVENT_TYPE_UNKNOWN'],
    ['newer version', 'ThingRenamed', {}, 4, 'EVENT_VERSION_UNSUPPORTED'],
    ['version 0', 'ThingRenamed', {}, 0, 'EVENT_VERSION_UNSUPPORTED'],
    ['fractional version', 'ThingRenamed', {}, 1.5, 'EVENT_VERSION_UNSUPPORTED'],
    ['invalid data', 'ThingCreated', { id: 3 }, 1, 'EVENT_DATA_INVALID'],
  ])('refuses %s', (_label, type, data, version, code) => {
    const result = registry.decode(type, data, version);
    expect(isLeft(result) && result.left.code).toBe(code);
  });

  it('names the failing field of invalid data', () => {
    const result = registry.decode('ThingRenamed', { first: 'A', last: 2, tier: 'a' }, 3);
    expect(isLeft(result) && result.left.details).toEqual({
      type: 'ThingRenamed',
      version: 3,
      issues: [{ path: 'last', message: 'Invalid input: expected string, received number' }],
    });
  });

  it('refuses a version gap without an upcaster', () => {
    const gappy = createEventRegistry([defineEvent('Gap', z.object({}), { version: 2 })]);
    const result = gappy.decode('Gap', {}, 1);
    expect(isLeft(result) && result.left.code).toBe('EVENT_VERSION_UNSUPPORTED');
  });

  it('refuses an event type defined twice', () => {
    expect(() => createEventRegistry([defineEvent('A', z.object({})), defineEvent('A', z.object({}))])).toThrow(
      'event type A is defined twice',
    );
  });
});
