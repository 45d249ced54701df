import { customerDecider, customerEventRegistry, customerStream, salesbookEventRegistry } from '@salesbook/domain';
import { createEventCodec, createMemoryEventStore, handleCommand, loadAggregate } from '@salesbook/eventstore';
import { createMemoryDataKeyStore } from './memory-data-keys.js';
import {
  canReadPersonalData,
  createMaskingCodec,
  createPersonalDataCodec,
  MASKED_PERSONAL_DATA,
  maskPersonalFields,
} from './personal-data-codec.js';
import * as f from './personal-data.testing.js';
import { createMemoryReadLog } from './read-log.js';

const plain = createEventCodec(salesbookEventRegistry);
const streamName = customerStream(f.CUSTOMER);

async function registered(codecFor: 'sealed' | 'plain') {
  const store = createMemoryEventStore();
  const keys = createMemoryDataKeyStore();
  const codec = codecFor === 'plain' ? plain : createPersonalDataCodec({ inner: plain, keys });
  await handleCommand({
    store,
    codec,
    decider: customerDecider,
    registry: customerEventRegistry,
    streamName,
    command: f.register() as never,
    commandId: 'cmd-1',
  });
  await handleCommand({
    store,
    codec,
    decider: customerDecider,
    registry: customerEventRegistry,
    streamName,
    command: f.survey('Ask for Wang Fang') as never,
    commandId: 'cmd-2',
  });
  return { store, keys };
}

describe('masking by role', () => {
  it('masks personal fields by the field map, leaving business fields and absent values alone', () => {
    const data = { customerId: 'c-1', companyName: 'Bolt', contact: { name: 'A', phone: 'B', email: 'C' }, size: null };
    expect(maskPersonalFields('CustomerRegistered', data)).toEqual({
      ...data,
      contact: { name: '***', phone: '***', email: '***' },
    });
    expect(maskPersonalFields('ComplaintCustomerResponded', { note: null })).toEqual({ note: null });
  });

  it.each(['sealed', 'plain'] as const)(
    'the masking codec folds %s history with every personal field hidden, touching no key',
    async (written) => {
      const { store } = await registered(written);
      const loaded = await loadAggregate({
        store,
        codec: createMaskingCodec(plain),
        decider: customerDecider,
        registry: customerEventRegistry,
        streamName,
      });
      const json = JSON.stringify(loaded, (_key, value: unknown) =>
        typeof value === 'bigint' ? value.toString() : value,
      );
      expect(json).not.toContain(f.EMAIL);
      expect(json).not.toContain('Wang Fang');
      expect(loaded).toMatchObject({ _tag: 'Right', right: { state: { contact: { email: MASKED_PERSONAL_DATA } } } });
      expect(await createMaskingCodec(plain).encode([])).toMatchObject({
        _tag: 'Left',
        left: { code: 'PERSONAL_DATA_MASKED_CODEC' },
      });
    },
  );

  it('lets managers, reps and finance read personal data; not auditors, analysts or the system role', () => {
    expect(['sales_manager', 'regional_manager', 'sales_rep', 'finance'].every(canReadPersonalData)).toBe(true);
    expect(['auditor', 'market_analyst', 'system'].some(canReadPersonalData)).toBe(false);
  });
});

describe('the read log', () => {
  it('logs a person reading personal data, with who, why, whose and which stream, before the plaintext is returned', async () => {
    const { store, keys } = await registered('sealed');
    const log = createMemoryReadLog();
    const reader = { actorId: 'rm-east', role: 'regional_manager', purpose: `GET /audit/streams/${streamName}/events` };
    const codec = createPersonalDataCodec({
      inner: plain,
      keys,
      reads: { log, reader, clock: () => new Date('2026-04-01T08:00:00Z') },
    });
    await loadAggregate({ store, codec, decider: customerDecider, registry: customerEventRegistry, streamName });
    expect(await log.list({ customerId: f.CUSTOMER })).toEqual([
      { ...reader, at: '2026-04-01T08:00:00.000Z', customerIds: [f.CUSTOMER], streams: [streamName] },
    ]);
    expect(await log.list({ actorId: 'someone-else' })).toEqual([]);
  });

  it('logs nothing when no personal data was opened (erased, or none in the events)', async () => {
    const { store, keys } = await registered('sealed');
    await keys.forget(f.CUSTOMER);
    const log = createMemoryReadLog();
    const codec = createPersonalDataCodec({
      inner: plain,
      keys,
      reads: { log, reader: { actorId: 'a', role: 'sales_manager', purpose: 'p' } },
    });
    await loadAggregate({ store, codec, decider: customerDecider, registry: customerEventRegistry, streamName });
    expect(await log.list()).toEqual([]);
  });
});
