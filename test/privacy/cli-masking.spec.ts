import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ensureCliBuilt, GOOD_ORDERS, salesbook, workspace, type Workspace } from '../cli/cli-harness.js';
import { GONE, KEPT, legacyDir, seeded, valuesOf } from './cli-fixtures.js';

// Masking and the read log through the real binary: personal data is `***` unless a named reader unmasks
// it, and every unmasked read is logged (who, when, which customer, what for) in the key store.

const cleanup: (() => void)[] = [];
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => cleanup.splice(0).forEach((dispose) => dispose()));

let refusals: Workspace | undefined;
afterAll(() => refusals?.dispose());

async function seededWorkspace(disposeAfterTest = true): Promise<Workspace> {
  const ws = workspace();
  const legacy = legacyDir();
  if (disposeAfterTest) cleanup.push(() => ws.dispose());
  cleanup.push(() => rmSync(legacy, { recursive: true, force: true }));
  await seeded(ws, legacy);
  return ws;
}

const withoutKey = (ws: Workspace): Record<string, string> =>
  Object.fromEntries(Object.entries(ws.env).filter(([name]) => name !== 'SALESBOOK_MASTER_KEY'));

describe('masking by default, unmasking logged', () => {
  it('history, state and export show *** without --unmask, plaintext with it, and the read log names reader, time, customer and purpose', async () => {
    const ws = await seededWorkspace();
    const masked = [
      await salesbook(['history', 'customer-cust-kept', '--json'], ws.env),
      await salesbook(['history', 'complaint-cmp-cust-kept'], ws.env),
      await salesbook(['state', 'customer-cust-kept'], ws.env),
      await salesbook(['state', 'complaint-cmp-cust-kept'], ws.env),
    ];
    for (const run of masked) expect(run.code).toBe(0);
    const history = JSON.parse(masked[0]?.stdout ?? '');
    expect(history.events[0].data.contact).toEqual({ name: '***', phone: '***', email: '***' });
    expect(history.events[1].data.comment).toBe('***');
    expect(JSON.parse(masked[2]?.stdout ?? '').state.contact).toEqual({ name: '***', phone: '***', email: '***' });
    for (const value of valuesOf(KEPT))
      expect({ value, shown: masked.filter((run) => run.stdout.includes(value)).length }).toEqual({ value, shown: 0 });
    // Masking reads no key: no reads logged so far.
    expect(JSON.parse((await salesbook(['personal-data-reads', '--json'], ws.env)).stdout).reads).toEqual([]);

    const before = new Date().toISOString();
    const opened = await salesbook(
      ['history', 'customer-cust-kept', '--unmask', '--reader', 'mgr-7', '--json'],
      ws.env,
    );
    expect(opened.code).toBe(0);
    expect(JSON.parse(opened.stdout).events[0].data.contact).toEqual({
      name: KEPT.name,
      phone: KEPT.phone,
      email: KEPT.email,
    });
    const state = JSON.parse(
      (await salesbook(['state', 'customer-cust-kept', '--unmask', '--reader', 'fin-2', '--role', 'finance'], ws.env))
        .stdout,
    ).state;
    expect(state.contact.email).toBe(KEPT.email);
    expect(state.surveys['srv-1'].comment).toBe(KEPT.survey);

    const reads = JSON.parse((await salesbook(['personal-data-reads', '--json'], ws.env)).stdout).reads;
    expect(reads).toEqual([
      {
        actorId: 'mgr-7',
        role: 'sales_manager',
        purpose: 'salesbook history customer-cust-kept',
        at: expect.any(String),
        customerIds: ['cust-kept'],
        streams: ['customer-cust-kept'],
      },
      {
        actorId: 'fin-2',
        role: 'finance',
        purpose: 'salesbook state customer-cust-kept',
        at: expect.any(String),
        customerIds: ['cust-kept'],
        streams: ['customer-cust-kept'],
      },
    ]);
    expect(reads[0].at >= before).toBe(true);
    const byReader = await salesbook(['personal-data-reads', '--reader', 'fin-2'], ws.env);
    expect(byReader.stdout).toContain('personal-data-reads: 1 read of personal data');
    expect(byReader.stdout).toMatch(/fin-2\s+finance\s+cust-kept\s+salesbook state customer-cust-kept/);
    expect(
      JSON.parse((await salesbook(['personal-data-reads', '--customer', GONE.id, '--json'], ws.env)).stdout).reads,
    ).toEqual([]);
    expect(
      JSON.parse((await salesbook(['personal-data-reads', '--since', before, '--json'], ws.env)).stdout).reads,
    ).toHaveLength(2);
    expect(
      JSON.parse((await salesbook(['personal-data-reads', '--since', '2999-01-01', '--json'], ws.env)).stdout).reads,
    ).toEqual([]);
    expect((await salesbook(['personal-data-reads', '--since', 'yesterday'], ws.env)).code).toBe(2);
    // The log holds ids and times only; it is readable without the master key (auditors).
    const auditorView = await salesbook(['personal-data-reads'], withoutKey(ws));
    expect(auditorView.code).toBe(0);
    for (const value of valuesOf(KEPT)) expect(auditorView.stdout).not.toContain(value);

    const exported = await salesbook(['export', '--unmask', '--reader', 'mgr-7', '--category', 'customer'], ws.env);
    expect(exported.stdout).toContain(KEPT.email);
    expect(exported.stdout.split('\n')[0]).toContain('"form":"opened"');
    const refused = await salesbook(['import-events', ws.file('opened.ndjson', exported.stdout)], ws.env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'opened.ndjson:1: an opened export (salesbook export --unmask) holds decoded data, not what was stored',
    );
    const csv = await salesbook(
      ['export', '--format', 'csv', '--unmask', '--reader', 'mgr-7', '--category', 'complaint'],
      ws.env,
    );
    expect(csv.stdout).toContain(KEPT.complaint);
    expect(
      JSON.parse((await salesbook(['personal-data-reads', '--json', '--customer', KEPT.id], ws.env)).stdout).reads,
    ).toHaveLength(4);
    const storedForm = await salesbook(['export', '--category', 'customer'], withoutKey(ws));
    expect(storedForm.code).toBe(0);
    expect(storedForm.stdout).toContain('sbpd1.');
    for (const value of valuesOf(KEPT)) expect(storedForm.stdout).not.toContain(value);
  }, 120_000);

  it.each([
    [['history', 'customer-cust-kept', '--unmask'], '--unmask needs --reader <id>'],
    [
      ['history', 'customer-cust-kept', '--unmask', '--reader', 'aud-1', '--role', 'auditor'],
      '--role auditor: this role sees personal data masked only',
    ],
    [
      ['state', 'customer-cust-kept', '--unmask', '--reader', 'an-1', '--role', 'market_analyst'],
      '--role market_analyst: this role sees personal data masked only',
    ],
    [
      ['state', 'customer-cust-kept', '--unmask', '--reader', 'rep-1', '--role', 'sales_rep'],
      'a sales_rep reads only their own customers, through the API',
    ],
    [['export', '--reader', 'mgr-1'], '--reader and --role name who unmasks: use them with --unmask'],
    [['history', 'customer-cust-kept', '--unmask', '--reader', 'bad id!'], '--reader: must be 1-64 characters'],
  ])(
    'refuses %j with one line, exit 2, and logs nothing',
    async (args, message) => {
      // Refusals write nothing, so they share one seeded workspace.
      refusals ??= await seededWorkspace(false);
      const ws = refusals;
      const run = await salesbook(args, ws.env);
      expect(run.code).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(message);
      for (const value of valuesOf(KEPT)) expect(run.stdout).not.toContain(value);
      expect(JSON.parse((await salesbook(['personal-data-reads', '--json'], ws.env)).stdout).reads).toEqual([]);
    },
    60_000,
  );
});

describe('the master key', () => {
  it('is needed only by commands that open or write personal data, and a wrong one is one line', async () => {
    const ws = await seededWorkspace();
    const env = withoutKey(ws);
    for (const args of [
      ['verify', '--chains-only'],
      ['replay'],
      ['history', 'customer-cust-kept'],
      ['state', 'customer-cust-kept'],
      ['export'],
    ]) {
      const run = await salesbook(args, env);
      expect({ args, code: run.code, stderr: run.stderr.includes('SALESBOOK_MASTER_KEY') }).toEqual({
        args,
        code: 0,
        stderr: false,
      });
    }
    for (const args of [
      ['history', 'customer-cust-kept', '--unmask', '--reader', 'mgr-1'],
      ['forget', KEPT.id, '--reason', 'request', '--operator', 'dpo-1'],
      ['import', ws.file('more.csv', GOOD_ORDERS)],
    ]) {
      const run = await salesbook(args, env);
      expect({ args, code: run.code, stderr: run.stderr.trim() }).toEqual({
        args,
        code: 1,
        stderr:
          'salesbook: SALESBOOK_MASTER_KEY is required: 32 random bytes in base64 (e.g. `openssl rand -base64 32`)',
      });
    }
    const wrong = await salesbook(['history', 'customer-cust-kept', '--unmask', '--reader', 'mgr-1'], {
      ...ws.env,
      SALESBOOK_MASTER_KEY: Buffer.alloc(32, 7).toString('base64'),
    });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr.trim()).toBe(
      `salesbook: SALESBOOK_MASTER_KEY does not open the key store ${ws.env['SALESBOOK_KEYSTORE']}: it was made (or last rotated) with another master key`,
    );
    const short = await salesbook(['history', 'customer-cust-kept', '--unmask', '--reader', 'mgr-1'], {
      ...ws.env,
      SALESBOOK_MASTER_KEY: 'c2hvcnQ=',
    });
    expect(short.stderr.trim()).toBe(
      'salesbook: SALESBOOK_MASTER_KEY must be 32 random bytes in base64 (e.g. `openssl rand -base64 32`), got 5 bytes',
    );
    const elsewhere = await salesbook(['forget', KEPT.id, '--reason', 'request', '--operator', 'dpo-1'], {
      ...ws.env,
      SALESBOOK_KEYSTORE: join(ws.dir, 'other', 'keys.db'),
    });
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('SALESBOOK_KEYSTORE: no key store at');
    expect(existsSync(join(ws.dir, 'other'))).toBe(false);
  }, 120_000);

  it('in development mode is made beside the key store (mode 0600) with a warning, and used again', async () => {
    const ws = workspace();
    cleanup.push(() => ws.dispose());
    const env = { ...withoutKey(ws), NODE_ENV: 'development' };
    const first = await salesbook(['import', ws.file('orders.csv', GOOD_ORDERS)], env);
    expect(first.code).toBe(0);
    const keyFile = join(ws.dir, 'master.key');
    expect(first.stderr).toContain(`development mode: the master key is in ${keyFile}, beside the data it protects`);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const read = await salesbook(['history', 'customer-C-1', '--unmask', '--reader', 'mgr-1', '--json'], env);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout).events[0].data.contact.email).toBe('unknown@legacy-import.invalid');
  }, 60_000);
});
