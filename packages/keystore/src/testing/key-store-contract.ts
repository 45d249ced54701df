import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { customerDecider, customerEventRegistry, salesbookEventRegistry } from '@salesbook/domain';
import {
  createEventCodec,
  createMemoryEventStore,
  handleCommand,
  loadAggregate,
  StoreConfigurationError,
} from '@salesbook/eventstore';
import { createPersonalDataCodec, type DataKeyLookup } from '@salesbook/personal-data';
import type { ManagedKeyStore } from '../key-store.js';

/** One empty key store for one test: `open` makes an instance on it (as another process or host would). */
export interface KeyStoreContractSubject {
  open(masterKey: Uint8Array): Promise<ManagedKeyStore>;
  dispose(): Promise<void>;
}

const keyOf = (answer: ReadonlyMap<string, DataKeyLookup>, customerId: string): { keyId: string; key: Uint8Array } => {
  const key = answer.get(customerId);
  if (key === undefined || key === 'forgotten') throw new Error(`no key for ${customerId}`);
  return key;
};

const registration = {
  type: 'RegisterCustomer',
  data: {
    customerId: 'c-1',
    companyName: 'Bolt',
    contact: { name: 'Wang Fang', phone: '+86 21 5555-0100', email: 'wang.fang@example.com' },
    region: 'east',
    segment: 'smb',
    ownerRepId: 'rep-1',
  },
  metadata: { actor: { id: 'rep-1', role: 'sales_rep', region: 'east' }, occurredAt: '2026-03-01T09:00:00Z' },
  // The register's view of rep-1, acting and named as owner: access is not what this contract is about.
  access: {
    actor: { active: true, role: 'sales_rep', region: 'east' },
    rep: { active: true, role: 'sales_rep', region: 'east' },
  },
};

/**
 * Registers the key store contract (jest blocks) that every key store of this package honours, whatever backs it:
 * one key per customer across instances, even when they race; erasure seen by every instance at once; the master key
 * check; rotation; the read log.
 *
 * @example
 * describeKeyStoreContract('sqlite', async () => { const dir = mkdtempSync(...); return { open: async (masterKey) => createSqliteKeyStore({ path: join(dir, 'keys.db'), masterKey }), dispose: async () => rmSync(dir, { recursive: true }) }; });
 */
export function describeKeyStoreContract(name: string, setup: () => Promise<KeyStoreContractSubject>): void {
  let subject: KeyStoreContractSubject;
  let opened: ManagedKeyStore[] = [];
  const master = randomBytes(32);
  const open = async (masterKey: Uint8Array = master): Promise<ManagedKeyStore> => {
    const keys = await subject.open(masterKey);
    opened.push(keys);
    return keys;
  };
  const closeAll = async (): Promise<void> => {
    await Promise.all(opened.map((keys) => keys.close()));
    opened = [];
  };

  describe(`${name} key store contract`, () => {
    beforeEach(async () => {
      subject = await setup();
    });
    afterEach(async () => {
      await closeAll();
      await subject.dispose();
    });

    it('makes one data key per customer, kept across instances; unknown key ids are left out', async () => {
      const [one, two] = [await open(), await open()];
      const first = keyOf(await one.keysForWriting(['c-1', 'c-2']), 'c-1');
      expect(keyOf(await one.keysForWriting(['c-1']), 'c-1')).toEqual(first);
      expect((await two.keysForReading([first.keyId, 'unknown'])).get(first.keyId)).toEqual(first);
      expect((await two.keysForReading(['unknown'])).size).toBe(0);
      expect(keyOf(await two.keysForWriting(['c-1']), 'c-1')).toEqual(first);
    });

    it('hands two instances racing for the same new customers the same keys', async () => {
      const [one, two] = [await open(), await open()];
      const customers = Array.from({ length: 60 }, (_, index) => `race-${index}`);
      const asks = customers.flatMap((customerId) => [
        one.keysForWriting([customerId]),
        two.keysForWriting([customerId]),
      ]);
      const answers = await Promise.all(asks);
      customers.forEach((customerId, index) =>
        expect(keyOf(answers[2 * index] ?? new Map(), customerId)).toEqual(
          keyOf(answers[2 * index + 1] ?? new Map(), customerId),
        ),
      );
      const [batchOne, batchTwo] = await Promise.all([
        one.keysForWriting(['both-1', 'both-2', 'both-1']),
        two.keysForWriting(['both-2', 'both-1']),
      ]);
      expect(keyOf(batchOne, 'both-1')).toEqual(keyOf(batchTwo, 'both-1'));
      expect(keyOf(batchOne, 'both-2')).toEqual(keyOf(batchTwo, 'both-2'));
    });

    it('keeps the first owner of a subject', async () => {
      const [one, two] = [await open(), await open()];
      await one.linkSubjects(new Map([['complaint-1', 'c-1']]));
      await two.linkSubjects(
        new Map([
          ['complaint-1', 'c-2'],
          ['complaint-2', 'c-2'],
        ]),
      );
      expect(await one.ownersOf(['complaint-1', 'complaint-2', 'complaint-3'])).toEqual(
        new Map([
          ['complaint-1', 'c-1'],
          ['complaint-2', 'c-2'],
        ]),
      );
    });

    it('forgets on one instance and every other instance sees it at its next call; idempotent, with tombstones', async () => {
      const [one, two] = [await open(), await open()];
      const key = keyOf(await two.keysForWriting(['c-1']), 'c-1');
      expect((await two.keysForReading([key.keyId])).get(key.keyId)).toEqual(key);
      expect(await one.forget('c-1')).toEqual({ customerId: 'c-1', destroyed: true });
      expect((await two.keysForReading([key.keyId])).get(key.keyId)).toBe('forgotten');
      expect((await two.keysForWriting(['c-1'])).get('c-1')).toBe('forgotten');
      expect(await two.forget('c-1')).toEqual({ customerId: 'c-1', destroyed: false });
      expect(await one.forget('never-seen')).toEqual({ customerId: 'never-seen', destroyed: false });
      expect((await two.keysForWriting(['never-seen'])).get('never-seen')).toBe('forgotten');
    });

    it('keeps handed-out keys across a restart, and refuses a master key that did not make them', async () => {
      const key = keyOf(await (await open()).keysForWriting(['c-1']), 'c-1');
      await closeAll();
      expect((await (await open()).keysForReading([key.keyId])).get(key.keyId)).toEqual(key);
      await expect(open(randomBytes(32))).rejects.toThrow(StoreConfigurationError);
      await expect(open(randomBytes(32))).rejects.toThrow(/SALESBOOK_MASTER_KEY does not open the key store/);
    });

    it('rotates the master key without touching events: old events open with the new key, the old key opens nothing', async () => {
      const store = createMemoryEventStore();
      const keys = await open();
      const codec = createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys });
      await handleCommand({
        store,
        codec,
        decider: customerDecider,
        registry: customerEventRegistry,
        streamName: 'customer-c-1',
        command: registration as never,
        commandId: 'cmd-1',
      });
      const before = await store.readAll();
      const next = randomBytes(32);
      expect((await keys.rotateMasterKey(next)).rewrapped).toBe(1);
      await closeAll();
      await expect(open(master)).rejects.toThrow(/does not open/);
      const rotated = await open(next);
      const loaded = await loadAggregate({
        store,
        codec: createPersonalDataCodec({ inner: createEventCodec(salesbookEventRegistry), keys: rotated }),
        decider: customerDecider,
        registry: customerEventRegistry,
        streamName: 'customer-c-1',
      });
      expect(loaded).toMatchObject({
        _tag: 'Right',
        right: { state: { contact: { email: 'wang.fang@example.com' } } },
      });
      expect(await store.readAll()).toEqual(before);
    });

    it('keeps the read log with the keys, filtered by customer, actor and time', async () => {
      const keys = await open();
      const read = {
        actorId: 'rm-east',
        role: 'regional_manager',
        purpose: 'GET /customers/c-1',
        customerIds: ['c-1', 'c-2'],
        streams: ['customer-c-1'],
      };
      await keys.reads.record({ ...read, at: '2026-04-01T08:00:00.000Z' });
      await keys.reads.record({ ...read, actorId: 'sm-1', customerIds: ['c-3'], at: '2026-04-02T08:00:00.000Z' });
      await closeAll();
      const reopened = await open();
      expect(await reopened.reads.list({ customerId: 'c-2' })).toEqual([{ ...read, at: '2026-04-01T08:00:00.000Z' }]);
      expect((await reopened.reads.list({ since: '2026-04-02T00:00:00Z' })).map((entry) => entry.actorId)).toEqual([
        'sm-1',
      ]);
      expect(await reopened.reads.list({ actorId: 'nobody' })).toEqual([]);
    });
  });
}
