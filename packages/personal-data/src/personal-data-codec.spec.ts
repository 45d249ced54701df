import {
  complaintDecider,
  complaintEventRegistry,
  complaintStream,
  customerDecider,
  customerEventRegistry,
  customerStream,
  salesbookEventRegistry,
  type Command,
  type Decider,
  type Event,
  type EventRegistry,
} from '@salesbook/domain';
import {
  createEventCodec,
  createMemoryEventStore,
  handleCommand,
  loadAggregate,
  verifyChain,
  type EventCodec,
  type EventStore,
} from '@salesbook/eventstore';
import { createMemoryDataKeyStore, type MemoryDataKeyStore } from './memory-data-keys.js';
import { createPersonalDataCodec } from './personal-data-codec.js';
import * as f from './personal-data.testing.js';
import { ERASED_PERSONAL_DATA, isSealed } from './sealed-value.js';

const plain = createEventCodec(salesbookEventRegistry);
let store: EventStore;
let keys: MemoryDataKeyStore;
let codec: EventCodec;
let counter = 0;

async function run<C extends Command, E extends Event, S>(
  decider: Decider<C, E, S>,
  registry: EventRegistry<E>,
  streamName: string,
  command: C,
): Promise<void> {
  const result = await handleCommand({
    store,
    codec,
    decider,
    registry,
    streamName,
    command,
    commandId: `cmd-${++counter}`,
  });
  if (result._tag === 'Left') throw new Error(JSON.stringify(result.left));
}
const customer = (command: Command) =>
  run(customerDecider, customerEventRegistry, customerStream(f.CUSTOMER), command as never);
const complaint = (command: Command) =>
  run(complaintDecider, complaintEventRegistry, complaintStream(f.COMPLAINT), command as never);
const storedJson = async (): Promise<string> =>
  JSON.stringify((await store.readAll({ maxCount: 1000 })).map((event) => event.data));

beforeEach(() => {
  store = createMemoryEventStore();
  keys = createMemoryDataKeyStore();
  codec = createPersonalDataCodec({ inner: plain, keys });
});

describe('the personal data codec', () => {
  it('stores personal fields sealed (key id recorded) and business fields as they are', async () => {
    await customer(f.register());
    const [registered] = await store.readStream(customerStream(f.CUSTOMER));
    const data = registered?.data as { contact: Record<string, string>; companyName: string };
    expect(Object.values(data.contact).every(isSealed)).toBe(true);
    expect(data.contact['email']?.split('.')[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(data.companyName).toBe('Shanghai Bolt Co.');
    expect(await storedJson()).not.toContain(f.EMAIL);
    // A random IV per field: the same text never seals to the same bytes.
    expect(new Set(Object.values(data.contact)).size).toBe(3);
  });

  it('reads them back decrypted: the state folds from plaintext', async () => {
    await customer(f.register());
    const loaded = await loadAggregate({
      store,
      codec,
      decider: customerDecider,
      registry: customerEventRegistry,
      streamName: customerStream(f.CUSTOMER),
    });
    expect(loaded).toMatchObject({
      _tag: 'Right',
      right: { state: { contact: { name: f.NAME, phone: f.PHONE, email: f.EMAIL } } },
    });
  });

  it("seals a complaint's later texts with its customer's key, found through the complaint filed for that customer", async () => {
    await customer(f.register());
    await complaint(f.fileComplaint());
    await complaint(f.assignComplaint());
    await complaint(f.acknowledgeComplaint());
    await complaint(f.recordInvestigation(`Called ${f.NAME}; the driver dropped the pallets.`));
    expect(await storedJson()).not.toContain(f.NAME);
    const loaded = await loadAggregate({
      store,
      codec,
      decider: complaintDecider,
      registry: complaintEventRegistry,
      streamName: complaintStream(f.COMPLAINT),
    });
    expect(loaded._tag === 'Right' && loaded.right.events.map((event) => JSON.stringify(event.data)).join()).toContain(
      `Called ${f.NAME}`,
    );
  });

  it('refuses to write personal data whose customer it cannot tell', async () => {
    const encoded = await codec.encode([
      {
        event: {
          type: 'ComplaintInvestigationRecorded',
          data: {
            complaintId: 'cmp-unknown',
            rootCause: null,
            findings: 'Ms. Li says...',
            recordedBy: 'rep-2',
            recordedAt: f.at(5),
          },
        },
        metadata: {
          eventId: 'e-1',
          occurredAt: f.at(5),
          actor: f.handler,
          correlationId: 'c',
          causationId: 'c',
          commandId: 'c',
        },
      },
    ]);
    expect(encoded).toMatchObject({ _tag: 'Left', left: { code: 'PERSONAL_DATA_OWNER_UNKNOWN' } });
  });

  it('reads every personal field as erased once the key is destroyed, and the chains still verify', async () => {
    await customer(f.register());
    await customer(f.survey(`Great service from ${f.NAME}`));
    await complaint(f.fileComplaint());
    const before = await store.readAll({ maxCount: 1000 });
    await customer(f.forgetCommand());
    expect(await keys.forget(f.CUSTOMER)).toEqual({ customerId: f.CUSTOMER, destroyed: true });

    const state = await loadAggregate({
      store,
      codec,
      decider: customerDecider,
      registry: customerEventRegistry,
      streamName: customerStream(f.CUSTOMER),
    });
    expect(state).toMatchObject({
      _tag: 'Right',
      right: { state: { personalDataErased: true, contact: { name: null, email: null } } },
    });
    const registered = state._tag === 'Right' ? state.right.events[0]?.data : undefined;
    expect(registered).toMatchObject({
      contact: { name: ERASED_PERSONAL_DATA, phone: ERASED_PERSONAL_DATA, email: ERASED_PERSONAL_DATA },
    });
    const filed = await loadAggregate({
      store,
      codec,
      decider: complaintDecider,
      registry: complaintEventRegistry,
      streamName: complaintStream(f.COMPLAINT),
    });
    expect(filed._tag === 'Right' && filed.right.events[0]?.data).toMatchObject({ description: ERASED_PERSONAL_DATA });

    // The stored (sealed) form never changed: forgetting rewrites nothing, so no hash moves.
    const after = await store.readAll({ maxCount: 1000 });
    expect(after.slice(0, before.length)).toEqual(before);
    for (const streamName of new Set(after.map((event) => event.streamName)))
      expect(verifyChain(await store.readStream(streamName))).toBeUndefined();
  });

  it('stores personal data written after erasure as erased, never under a new key', async () => {
    await customer(f.register());
    await keys.forget(f.CUSTOMER);
    await complaint(f.fileComplaint());
    const [filed] = await store.readStream(complaintStream(f.COMPLAINT));
    expect((filed?.data as { description: string }).description).toBe(ERASED_PERSONAL_DATA);
    expect(keys.liveKeys()).toBe(0);
  });

  it('refuses a sealed value moved to another event, and a key the key store does not know', async () => {
    await customer(f.register());
    const [registered] = await store.readStream(customerStream(f.CUSTOMER));
    if (registered === undefined) throw new Error('no event');
    const moved = await codec.decode([{ ...registered, eventId: 'another-event' }], salesbookEventRegistry);
    expect(moved).toMatchObject({
      _tag: 'Left',
      left: { code: 'PERSONAL_DATA_UNREADABLE', details: { path: 'contact.name' } },
    });
    const elsewhere = createPersonalDataCodec({ inner: plain, keys: createMemoryDataKeyStore() });
    expect(await elsewhere.decode([registered], salesbookEventRegistry)).toMatchObject({
      _tag: 'Left',
      left: { code: 'PERSONAL_DATA_KEY_UNKNOWN' },
    });
  });

  it('reads history written before encryption as it was written', async () => {
    codec = plain;
    await customer(f.register());
    const loaded = await loadAggregate({
      store,
      codec: createPersonalDataCodec({ inner: plain, keys }),
      decider: customerDecider,
      registry: customerEventRegistry,
      streamName: customerStream(f.CUSTOMER),
    });
    expect(loaded).toMatchObject({ _tag: 'Right', right: { state: { contact: { email: f.EMAIL } } } });
  });
});
