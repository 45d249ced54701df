import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createSqliteKeyStore, parseMasterKey } from '@salesbook/keystore';
import { queryDailySales } from '@salesbook/projections';
import { ensureCliBuilt, salesbook, workspace, type Workspace } from '../cli/cli-harness.js';
import { GONE, KEPT, legacyDir, seeded, text, valuesOf, writePlaintextHistory } from './cli-fixtures.js';
import { everyFile, filesHolding } from './fixtures.js';

// Issue 7 through the real `salesbook` binary on real files: history in clear is sealed on the way in,
// the customer is forgotten with `salesbook forget`, and then replay, verify and reports are unchanged,
// history/state/export read [erased], and no file of the data directory (events, -wal/-shm, read models,
// key store, exports) nor any output of the command line holds the erased values.

const cleanup: (() => void)[] = [];
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => cleanup.splice(0).forEach((dispose) => dispose()));

function setUp(): { ws: Workspace; legacy: string } {
  const ws = workspace();
  const legacy = legacyDir();
  cleanup.push(
    () => ws.dispose(),
    () => rmSync(legacy, { recursive: true, force: true }),
  );
  return { ws, legacy };
}

const digestsOf = (stdout: string): string => /digests: (.*)/.exec(stdout)?.[1] ?? `no digests in: ${stdout}`;

/** The daily sales report over the read models, rows only (the checkpoint moves with the erasure event). */
function dailySales(ws: Workspace): unknown[] {
  const db = new Database(ws.env['SALESBOOK_READMODELS'] ?? '', { readonly: true });
  try {
    return [...queryDailySales(db, () => 0, { from: '2026-01-01', to: '2026-12-31' }).rows];
  } finally {
    db.close();
  }
}

const wrappedKeyOf = (ws: Workspace, customerId: string): Buffer => {
  const db = new Database(ws.env['SALESBOOK_KEYSTORE'] ?? '', { readonly: true });
  try {
    return db.prepare('SELECT wrapped FROM data_keys WHERE customer_id = ?').pluck().get(customerId) as Buffer;
  } finally {
    db.close();
  }
};

describe('salesbook forget: erasure end to end through the command line', () => {
  it('erases a customer: replay, verify and reports unchanged, [erased] everywhere, the values in no file and no output', async () => {
    const { ws, legacy } = setUp();
    const seeding = await seeded(ws, legacy);
    // 14 events, and a detractor follow-up opened with each customer's NPS-6 answer (in the same append).
    expect(seeding.importEvents).toContain('import-events: 16 events of 4 streams loaded');
    expect(seeding.importEvents).toContain('import-events: 10 events held personal data in clear: sealed');
    // The search finds what is there: the legacy export holds the values in clear, the data directory does not.
    expect(text(join(legacy, 'legacy.ndjson'))).toContain(GONE.email);
    for (const value of [...valuesOf(GONE), ...valuesOf(KEPT)])
      expect({ value, files: filesHolding(ws.dir, value) }).toEqual({ value, files: [] });
    expect(filesHolding(ws.dir, 'cust-gone Trading Co.').length).toBeGreaterThan(0);

    const replayBefore = await salesbook(['replay'], ws.env);
    expect(replayBefore.code).toBe(0);
    const reportBefore = dailySales(ws);
    expect(reportBefore.length).toBeGreaterThan(0);
    const unmaskedBefore = await salesbook(
      ['history', 'customer-cust-gone', '--unmask', '--reader', 'mgr-1', '--json'],
      ws.env,
    );
    expect(unmaskedBefore.stdout).toContain(GONE.email);
    const wrappedKey = wrappedKeyOf(ws, GONE.id);
    expect(wrappedKey.length).toBeGreaterThan(32);

    // From here on every output of the command line is kept and searched.
    const outputs: string[] = [];
    const cli = async (args: string[]) => {
      const run = await salesbook(args, ws.env);
      outputs.push(run.stdout, run.stderr);
      return run;
    };
    const forgot = await cli([
      'forget',
      GONE.id,
      '--reason',
      'data subject request DSR-2026-31',
      '--operator',
      'dpo-1',
    ]);
    expect(forgot.stderr).toBe('');
    expect(forgot.code).toBe(0);
    expect(forgot.stdout).toContain(
      `forget: customer ${GONE.id}: CustomerPersonalDataForgotten recorded in customer-cust-gone at revision 3 by dpo-1 (as system); its data key is destroyed`,
    );
    const again = await cli(['forget', GONE.id, '--reason', 'data subject request DSR-2026-31', '--operator', 'dpo-1']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`forget: customer ${GONE.id} was already forgotten; nothing changed`);
    const unknown = await cli(['forget', 'cust-nobody', '--reason', 'request', '--operator', 'dpo-1']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim()).toBe(
      `salesbook: forget: customer cust-nobody does not exist in sqlite:${ws.eventsPath}`,
    );

    const replayAfter = await cli(['replay']);
    expect(replayAfter.code).toBe(0);
    expect(digestsOf(replayAfter.stdout)).toEqual(digestsOf(replayBefore.stdout));
    expect(dailySales(ws)).toEqual(reportBefore);
    const verified = await cli(['verify']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toContain('all intact');
    expect(verified.stdout).toContain('verify: OK');

    const history = JSON.parse(
      (await cli(['history', 'customer-cust-gone', '--unmask', '--reader', 'mgr-1', '--json'])).stdout,
    );
    expect(history.events.map((event: { type: string }) => event.type)).toEqual([
      'CustomerRegistered',
      'SatisfactionSurveyRecorded',
      'DetractorFollowUpOpened',
      'CustomerPersonalDataForgotten',
    ]);
    expect(history.events[0].data.contact).toEqual({ name: '[erased]', phone: '[erased]', email: '[erased]' });
    expect(history.events[1].data.comment).toBe('[erased]');
    expect(history.events[3].data.reason).toBe('data subject request DSR-2026-31');
    const complaint = JSON.parse(
      (await cli(['history', 'complaint-cmp-cust-gone', '--unmask', '--reader', 'mgr-1', '--json'])).stdout,
    );
    const texts = complaint.events.map((event: { type: string; data: Record<string, unknown> }) => [
      event.type,
      event.data['description'] ?? event.data['findings'] ?? event.data['note'] ?? null,
    ]);
    expect(texts).toEqual([
      ['ComplaintFiled', '[erased]'],
      ['ComplaintAssigned', null],
      ['ComplaintAcknowledged', null],
      ['ComplaintInvestigationRecorded', '[erased]'],
      ['ComplaintAwaitingCustomer', '[erased]'],
    ]);
    const state = JSON.parse((await cli(['state', 'customer-cust-gone', '--unmask', '--reader', 'mgr-1'])).stdout);
    expect(state.state).toMatchObject({
      personalDataErased: true,
      contact: { name: null, phone: null, email: null },
      companyName: 'cust-gone Trading Co.',
    });
    const table = await cli(['history', 'complaint-cmp-cust-gone', '--unmask', '--reader', 'mgr-1']);
    expect(table.code).toBe(0);

    const opened = await cli([
      'export',
      '--unmask',
      '--reader',
      'mgr-1',
      '--category',
      'customer,complaint',
      '--output',
      join(ws.dir, 'opened.ndjson'),
    ]);
    expect(opened.code).toBe(0);
    const openedLines = text(join(ws.dir, 'opened.ndjson'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(openedLines.find((line) => line.streamName === 'customer-cust-gone').data.contact.email).toBe('[erased]');
    // The export did open personal data: the customer kept reads in clear (it is removed before the search below).
    expect(openedLines.find((line) => line.streamName === 'customer-cust-kept').data.contact.email).toBe(KEPT.email);
    rmSync(join(ws.dir, 'opened.ndjson'));
    const stored = await cli(['export', '--output', join(ws.dir, 'stored.ndjson')]);
    expect(stored.code).toBe(0);
    expect(await cli(['export', '--format', 'csv'])).toMatchObject({ code: 0 });
    await cli(['history', 'customer-cust-gone']);
    await cli(['state', 'complaint-cmp-cust-gone']);
    await cli(['personal-data-reads']);

    for (const value of valuesOf(GONE)) {
      expect({ value, files: filesHolding(ws.dir, value) }).toEqual({ value, files: [] });
      expect({ value, outputs: outputs.filter((output) => output.includes(value)).length }).toEqual({
        value,
        outputs: 0,
      });
    }
    expect(
      everyFile(ws.dir)
        .map(([name]) => name)
        .some((name) => name.endsWith('keys.db')),
    ).toBe(true);
    expect(
      everyFile(ws.dir)
        .filter(([, bytes]) => bytes.includes(wrappedKey))
        .map(([name]) => name),
    ).toEqual([]);
    // The customer kept is still readable with the same key store: the search above is not blind.
    expect(
      (await salesbook(['history', 'customer-cust-kept', '--unmask', '--reader', 'mgr-1', '--json'], ws.env)).stdout,
    ).toContain(KEPT.email);
  }, 180_000);

  it('warns that history written before encryption keeps its text: there is no key to destroy for it', async () => {
    const { ws } = setUp();
    await writePlaintextHistory(ws.eventsPath);
    const keys = createSqliteKeyStore({
      path: ws.env['SALESBOOK_KEYSTORE'] ?? '',
      masterKey: parseMasterKey(ws.env['SALESBOOK_MASTER_KEY'] ?? ''),
    });
    await keys.close();
    const run = await salesbook(
      ['forget', GONE.id, '--reason', 'data subject request DSR-2026-32', '--operator', 'dpo-1'],
      ws.env,
    );
    expect(run.code).toBe(0);
    expect(run.stderr.trim()).toBe(
      'salesbook: warning: 2 event(s) of customer-cust-gone hold personal data in clear (written before encryption); destroying the key cannot erase them: re-load the log through export and import-events',
    );
    expect(filesHolding(ws.dir, GONE.email)).not.toEqual([]);
  }, 60_000);
});
