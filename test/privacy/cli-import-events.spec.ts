import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { chainHash, GENESIS_HASH, type NewEvent } from '@salesbook/eventstore';
import { ensureCliBuilt, salesbook, workspace, type Workspace } from '../cli/cli-harness.js';
import { filesHolding } from './fixtures.js';

// `import-events` of history written before encryption, at an older schema version: release 1 wrote
// CustomerRegistered with flat contactName/phone/email. The import upcasts it and seals the contact
// at its current paths, so no file of the data directory holds it in clear.

let ws: Workspace;
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => ws?.dispose());

const CONTACT = { contactName: 'Wen Jiayi v1x4', phone: '+86 137 1234 9917', email: 'wen.jiayi.v1x4@example.com' };

function exportLine(event: NewEvent, previous: string): { line: string; hash: string } {
  const hash = chainHash(previous, event);
  const line = JSON.stringify({
    streamName: 'customer-cust-v1',
    revision: 0,
    position: '1',
    ...event,
    metadata: { ...event.metadata, hash },
    recordedAt: '2024-01-02T00:00:00.000Z',
  });
  return { line, hash };
}

describe('salesbook import-events of plaintext history at an older schema version', () => {
  it('upcasts and seals it: no value in clear in the data directory, history --unmask reads it, verify passes', async () => {
    ws = workspace();
    const registered: NewEvent = {
      eventId: '0b5f3f0e-5d0c-4b43-9d6e-2f0b7a1c0001',
      type: 'CustomerRegistered',
      data: {
        customerId: 'cust-v1',
        companyName: 'Old Books Co.',
        ...CONTACT,
        region: 'east',
        ownerRepId: 'rep-1',
        registeredAt: '2024-01-02T00:00:00Z',
      },
      metadata: {
        occurredAt: '2024-01-02T00:00:00Z',
        actor: { id: 'rep-1', role: 'sales_rep' },
        correlationId: 'legacy-1',
        causationId: 'legacy-1',
        commandId: 'legacy-1',
        eventId: '0b5f3f0e-5d0c-4b43-9d6e-2f0b7a1c0001',
        schemaVersion: 1,
      },
    };
    const { line } = exportLine(registered, GENESIS_HASH);
    const file = ws.file('v1.ndjson', `${line}\n`);
    expect(filesHolding(ws.dir, CONTACT.email)).toEqual(['v1.ndjson']);

    const loaded = await salesbook(['import-events', file], ws.env);
    expect(loaded.stderr).toBe('');
    expect(loaded.code).toBe(0);
    expect(loaded.stdout).toContain('import-events: 1 event held personal data in clear: sealed');
    const [stored] = ws.events();
    const data = JSON.parse(stored?.data ?? '{}');
    expect(data).toMatchObject({ customerId: 'cust-v1', segment: 'unassigned' });
    for (const field of ['name', 'phone', 'email']) expect(data.contact[field]).toMatch(/^sbpd1\./);
    ws.file('v1.ndjson', '');
    for (const value of Object.values(CONTACT))
      expect({ value, files: filesHolding(ws.dir, value) }).toEqual({ value, files: [] });

    const opened = await salesbook(['history', 'customer-cust-v1', '--unmask', '--reader', 'mgr-1', '--json'], ws.env);
    expect(JSON.parse(opened.stdout).events[0].data.contact).toEqual({
      name: CONTACT.contactName,
      phone: CONTACT.phone,
      email: CONTACT.email,
    });
    expect((await salesbook(['verify', '--chains-only'], ws.env)).stdout).toContain('all intact');

    // An altered export is still refused before anything is sealed or written.
    const other = workspace();
    try {
      const altered = other.file('altered.ndjson', `${line.replace('Old Books Co.', 'New Books Co.')}\n`);
      const refused = await salesbook(['import-events', altered], other.env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        'the hash does not follow from the event and its predecessor (the export was altered)',
      );
      expect(other.events()).toEqual([]);
    } finally {
      other.dispose();
    }
  }, 60_000);
});
