import { ActorId, createEventRegistry, defineEvent, type Event } from '@salesbook/domain';
import { isLeft, isRight, type Either } from 'fp-ts/lib/Either.js';
import { z } from 'zod';
import { createEventCodec, type WritableEventMetadata } from './event-codec.js';
import { verifyChain } from './hash-chain.js';
import { createMemoryEventStore } from './memory-store.js';
import type { RecordedEvent } from './port.js';

// v1 had `name`; v2 splits it into `first` and `last`.
const Renamed = defineEvent(
  'ThingRenamed',
  z.object({ first: z.string(), last: z.string(), note: z.string().optional() }),
  {
    version: 2,
    upcasters: {
      1: (data) => {
        const [first = '', last = ''] = String((data as { name: string }).name).split(' ');
        return { first, last };
      },
    },
  },
);
type Thing =
  Event<'ThingRenamed', { first: string; last: string; note?: string }> | Event<'ThingCreated', { id: string }>;
const registry = createEventRegistry<Thing>([Renamed, defineEvent('ThingCreated', z.object({ id: z.string() }))]);
const codec = createEventCodec(registry);

const metadata = (eventId: string): WritableEventMetadata => ({
  eventId,
  occurredAt: '2024-03-01T08:00:00.000Z',
  actor: { id: ActorId.parse('rep-1'), role: 'sales_rep' },
  correlationId: 'corr-1',
  causationId: 'cause-1',
  commandId: 'cmd-1',
});

const stored = (type: string, data: unknown, extra: Record<string, unknown> = {}): RecordedEvent =>
  ({
    streamName: 'thing-1',
    revision: 4,
    position: 9n,
    eventId: 'e-1',
    type,
    data,
    metadata: { ...metadata('e-1'), hash: 'a'.repeat(64), ...extra },
    recordedAt: '2024-03-01T08:00:01.000Z',
  }) as RecordedEvent;

const rightOf = <A>(result: Either<unknown, A>): A => {
  if (isLeft(result)) throw new Error(`expected right, got ${JSON.stringify(result.left)}`);
  return result.right;
};

describe('createEventCodec', () => {
  it('encodes with the current schema version and the metadata given, dropping undefined members', async () => {
    const encoded = rightOf(
      await codec.encode([
        {
          event: { type: 'ThingRenamed', data: { first: 'Ada', last: 'Li', note: undefined } },
          metadata: metadata('e-1'),
        },
      ]),
    );
    expect(encoded).toEqual([
      {
        eventId: 'e-1',
        type: 'ThingRenamed',
        data: { first: 'Ada', last: 'Li' },
        metadata: { ...metadata('e-1'), schemaVersion: 2 },
      },
    ]);
  });

  it('refuses unknown event types and data that is not JSON', async () => {
    const unknown = await codec.encode([{ event: { type: 'Nope', data: {} }, metadata: metadata('e-1') }]);
    expect(isLeft(unknown) && unknown.left.code).toBe('EVENT_TYPE_UNKNOWN');
    const date = await codec.encode([
      { event: { type: 'ThingCreated', data: { id: 'x', at: new Date() } }, metadata: metadata('e-1') },
    ]);
    expect(isLeft(date) && date.left).toMatchObject({ code: 'EVENT_DATA_NOT_JSON', details: { path: '$.at' } });
  });

  it('round-trips through a store: envelopes of current events with the recorded metadata and hash', async () => {
    const store = createMemoryEventStore();
    const encoded = rightOf(
      await codec.encode([
        { event: { type: 'ThingCreated', data: { id: 'x' } }, metadata: metadata('e-1') },
        { event: { type: 'ThingRenamed', data: { first: 'Ada', last: 'Li' } }, metadata: metadata('e-2') },
      ]),
    );
    await store.appendToStream('thing-1', encoded);
    const recorded = await store.readStream('thing-1');
    expect(verifyChain(recorded)).toBeUndefined();
    const envelopes = rightOf(await codec.decode(recorded, registry));
    expect(envelopes.map(({ type, data }) => ({ type, data }))).toEqual([
      { type: 'ThingCreated', data: { id: 'x' } },
      { type: 'ThingRenamed', data: { first: 'Ada', last: 'Li' } },
    ]);
    expect(envelopes[1]?.metadata).toEqual({ ...metadata('e-2'), schemaVersion: 2, hash: recorded[1]?.metadata.hash });
  });

  it('upcasts data stored by an older version, and reads unversioned events as version 1', async () => {
    const [v1] = rightOf(
      await codec.decode([stored('ThingRenamed', { name: 'Ada Li' }, { schemaVersion: 1 })], registry),
    );
    expect(v1?.data).toEqual({ first: 'Ada', last: 'Li' });
    expect(v1?.metadata.schemaVersion).toBe(1);
    const [unversioned] = rightOf(
      await codec.decode([stored('ThingRenamed', { name: 'Bo Wu' }, { schemaVersion: undefined })], registry),
    );
    expect(unversioned?.data).toEqual({ first: 'Bo', last: 'Wu' });
  });

  it('says which stored event it cannot read', async () => {
    const unknown = await codec.decode([stored('Nope', {}, { schemaVersion: 1 })], registry);
    expect(isLeft(unknown) && unknown.left).toMatchObject({
      code: 'EVENT_TYPE_UNKNOWN',
      details: { streamName: 'thing-1', revision: 4 },
    });
    const invalid = await codec.decode([stored('ThingCreated', { id: 7 }, { schemaVersion: 1 })], registry);
    expect(isLeft(invalid) && invalid.left.code).toBe('EVENT_DATA_INVALID');
    const future = await codec.decode([stored('ThingCreated', { id: 'x' }, { schemaVersion: 3 })], registry);
    expect(isLeft(future) && future.left.code).toBe('EVENT_VERSION_UNSUPPORTED');
    const garbled = await codec.decode([stored('ThingCreated', { id: 'x' }, { schemaVersion: 'one' })], registry);
    expect(isLeft(garbled) && garbled.left.code).toBe('EVENT_VERSION_UNSUPPORTED');
    expect(isRight(await codec.decode([], registry))).toBe(true);
  });
});
