import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCliBuilt, salesbook, workspace, type Workspace } from '../cli/cli-harness.js';
import { KEPT, legacyDir, seeded } from './cli-fixtures.js';

// Master key rotation through the real binary: every data key re-wrapped, no event rewritten, history
// still opens with the new key and no longer with the old one.

const cleanup: (() => void)[] = [];
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => cleanup.splice(0).forEach((dispose) => dispose()));

async function seededWorkspace(): Promise<Workspace> {
  const ws = workspace();
  const legacy = legacyDir();
  cleanup.push(
    () => ws.dispose(),
    () => rmSync(legacy, { recursive: true, force: true }),
  );
  await seeded(ws, legacy);
  return ws;
}

const newKey = (): string => randomBytes(32).toString('base64');
const emailOf = (stdout: string): unknown => JSON.parse(stdout).events[0].data.contact.email;
const unmasked = ['history', 'customer-cust-kept', '--unmask', '--reader', 'mgr-1', '--json'];

describe('salesbook rotate-master-key', () => {
  it('re-wraps every data key from a key file, touches no event, and only the new key opens the key store', async () => {
    const ws = await seededWorkspace();
    const events = ws.events();
    const keyDir = mkdtempSync(join(tmpdir(), 'salesbook-newkey-'));
    cleanup.push(() => rmSync(keyDir, { recursive: true, force: true }));
    const next = newKey();
    const keyFile = join(keyDir, 'new.key');
    writeFileSync(keyFile, `${next}\n`, { mode: 0o600 });

    const rotated = await salesbook(['rotate-master-key', '--new-key-file', keyFile], ws.env);
    expect(rotated.stderr).toBe('');
    expect(rotated.code).toBe(0);
    // cust-gone and cust-kept: one data key each.
    expect(rotated.stdout).toContain(
      `rotate-master-key: 2 data keys re-wrapped with the new master key in ${ws.env['SALESBOOK_KEYSTORE']}; no event rewritten`,
    );
    expect(rotated.stdout).toContain('set SALESBOOK_MASTER_KEY to the new key');
    expect(ws.events()).toEqual(events);

    const old = await salesbook(unmasked, ws.env);
    expect(old.code).toBe(1);
    expect(old.stderr.trim()).toBe(
      `salesbook: SALESBOOK_MASTER_KEY does not open the key store ${ws.env['SALESBOOK_KEYSTORE']}: it was made (or last rotated) with another master key`,
    );
    const withNew = await salesbook(unmasked, { ...ws.env, SALESBOOK_MASTER_KEY: next });
    expect(withNew.code).toBe(0);
    expect(emailOf(withNew.stdout)).toBe(KEPT.email);

    // Again, from the environment this time; the key of the previous rotation is now the current one.
    const third = newKey();
    const again = await salesbook(['rotate-master-key'], {
      ...ws.env,
      SALESBOOK_MASTER_KEY: next,
      SALESBOOK_NEW_MASTER_KEY: third,
    });
    expect(again.code).toBe(0);
    expect((await salesbook(unmasked, { ...ws.env, SALESBOOK_MASTER_KEY: next })).code).toBe(1);
    expect(emailOf((await salesbook(unmasked, { ...ws.env, SALESBOOK_MASTER_KEY: third })).stdout)).toBe(KEPT.email);
    expect(ws.events()).toEqual(events);
  }, 120_000);

  it('in development mode replaces the key file beside the key store', async () => {
    const ws = await seededWorkspace();
    const env = {
      ...Object.fromEntries(Object.entries(ws.env).filter(([name]) => name !== 'SALESBOOK_MASTER_KEY')),
      NODE_ENV: 'development',
    };
    // The workspace was seeded with SALESBOOK_MASTER_KEY: put that key where development mode looks for it.
    const keyFile = join(ws.dir, 'master.key');
    writeFileSync(keyFile, `${ws.env['SALESBOOK_MASTER_KEY']}\n`, { mode: 0o600 });
    const rotated = await salesbook(['rotate-master-key'], env);
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain(`development mode: the new key replaced ${keyFile}`);
    const written = readFileSync(keyFile, 'utf8').trim();
    expect(written).not.toBe(ws.env['SALESBOOK_MASTER_KEY']);
    expect(emailOf((await salesbook(unmasked, env)).stdout)).toBe(KEPT.email);
    expect((await salesbook(unmasked, ws.env)).code).toBe(1);
  }, 120_000);

  it.each([
    [
      {},
      'rotate-master-key: the new master key is missing: set SALESBOOK_NEW_MASTER_KEY or give --new-key-file <file>',
    ],
    [
      { SALESBOOK_NEW_MASTER_KEY: 'dG9vIHNob3J0' },
      'salesbook: SALESBOOK_NEW_MASTER_KEY must be 32 random bytes in base64',
    ],
  ])(
    'refuses a missing or bad new key (%j) and changes nothing',
    async (extra, message) => {
      const ws = await seededWorkspace();
      const run = await salesbook(['rotate-master-key'], { ...ws.env, ...extra });
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(message);
      expect(emailOf((await salesbook(unmasked, ws.env)).stdout)).toBe(KEPT.email);
    },
    60_000,
  );
});
