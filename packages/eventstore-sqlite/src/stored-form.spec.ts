import {
  canonicalJson,
  chainHash,
  GENESIS_HASH,
  verifyChain,
  type Json,
  type NewEvent,
  type RecordedEvent,
} from '@salesbook/eventstore';
import fc from 'fast-check';
import { toStoredForms } from './stored-form.js';

const metadata = fc.dictionary(fc.string(), fc.jsonValue()) as fc.Arbitrary<{ [key: string]: Json }>;
const newEvent: fc.Arbitrary<NewEvent> = fc.record({
  eventId: fc.uuid(),
  type: fc.string(),
  data: fc.jsonValue() as fc.Arbitrary<Json>,
  metadata,
});

// Seeded, so a failure is the same on every machine and can be replayed.
const seed = 20261127;

describe('stored form (the fast path of the hash chain)', () => {
  it('links each event as chainHash does, and what is stored reads back to the same chain', () => {
    fc.assert(
      fc.property(fc.array(newEvent, { minLength: 1, maxLength: 5 }), (events) => {
        const forms = toStoredForms(GENESIS_HASH, events);
        let previous = GENESIS_HASH;
        const recorded: RecordedEvent[] = events.map((event, revision) => {
          const form = forms[revision]!;
          expect(form.hash).toBe(chainHash(previous, event));
          previous = form.hash;
          const stored = JSON.parse(form.metadata) as RecordedEvent['metadata'];
          expect(stored.hash).toBe(form.hash);
          const { hash: _hash, ...rest } = stored;
          const { hash: _ignored, ...appended } = event.metadata;
          expect(rest).toEqual(JSON.parse(canonicalJson(appended)));
          return {
            ...event,
            streamName: 's',
            revision,
            position: BigInt(revision + 1),
            data: JSON.parse(form.data) as Json,
            metadata: stored,
            recordedAt: '',
          };
        });
        expect(verifyChain(recorded)).toBeUndefined();
      }),
      { seed, numRuns: 200 },
    );
  });

  it('ignores a hash the caller put in metadata', () => {
    const event: NewEvent = { eventId: 'e', type: 'T', data: {}, metadata: { hash: 'forged', actor: 'a' } };
    const [form] = toStoredForms(GENESIS_HASH, [event]);
    expect(form?.hash).toBe(chainHash(GENESIS_HASH, event));
    expect(JSON.parse(form?.metadata ?? '')).toEqual({ hash: form?.hash, actor: 'a' });
  });
});
