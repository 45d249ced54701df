import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openKeyStore } from './open-store.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'salesbook-open-key-store-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openKeyStore in development without SALESBOOK_MASTER_KEY', () => {
  it('keeps the master key in master.key beside the key store file, and says so once', async () => {
    const warnings: string[] = [];
    const keys = await openKeyStore(
      { kind: 'sqlite', path: join(dir, 'data', 'keys.db'), masterKey: 'development' },
      (line) => warnings.push(line),
    );
    const written = await keys.keysForWriting(['c-1']);
    await keys.close();
    expect(existsSync(join(dir, 'data', 'master.key'))).toBe(true);
    expect(warnings).toEqual([expect.stringContaining(join(dir, 'data', 'master.key'))]);
    // The same file opens the same key store again.
    const again = await openKeyStore(
      { kind: 'sqlite', path: join(dir, 'data', 'keys.db'), masterKey: 'development' },
      () => undefined,
    );
    expect((await again.keysForWriting(['c-1'])).get('c-1')).toEqual(written.get('c-1'));
    await again.close();
  });

  it('gives an in-memory key store a key for the run, writing no file', async () => {
    const stray = join(process.cwd(), 'master.key');
    const before = existsSync(stray);
    const warnings: string[] = [];
    const keys = await openKeyStore({ kind: 'sqlite', path: ':memory:', masterKey: 'development' }, (line) =>
      warnings.push(line),
    );
    expect((await keys.keysForWriting(['c-1'])).get('c-1')).toEqual(expect.objectContaining({ customerId: 'c-1' }));
    await keys.close();
    expect([warnings, existsSync(stray)]).toEqual([[], before]);
  });
});
