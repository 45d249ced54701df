import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomBytes } from 'node:crypto';
import { createSqliteKeyStore } from './sqlite-key-store.js';

const packageDir = path.join(__dirname, '..');
const built = path.join(packageDir, 'dist', 'index.js');

/** The child runs this package's build (`npm test` builds first); a missing or stale build is made here. */
function ensureBuilt(): void {
  const newest = Math.max(
    ...readdirSync(__dirname)
      .filter((name) => !name.endsWith('.spec.ts'))
      .map((name) => statSync(path.join(__dirname, name)).mtimeMs),
  );
  if (existsSync(built) && statSync(built).mtimeMs >= newest) return;
  execFileSync('npx', ['nx', 'run', '@salesbook/keystore:build', '--outputStyle=static'], {
    cwd: path.join(packageDir, '..', '..'),
    stdio: 'pipe',
    timeout: 170_000,
  });
}

/** Another process: asks for 200 first keys at once through the key store, prints them once they are handed out. */
const WRITER = `
import { createSqliteKeyStore } from ${JSON.stringify(pathToFileURL(built).href)};
const keys = createSqliteKeyStore({ path: process.argv[1], masterKey: Buffer.from(process.env.MASTER, 'base64') });
const ids = Array.from({ length: 200 }, (_, index) => 'child-' + index);
const answers = await Promise.all(ids.map((id) => keys.keysForWriting([id])));
console.log(JSON.stringify(answers.map((answer, index) => { const key = answer.get(ids[index]); return [key.keyId, Buffer.from(key.key).toString('hex')]; })));
await keys.close();
`;

describe('two processes sharing the key store file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'salesbook-keys-processes-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('make first keys at the same time, each reading every key the other made', async () => {
    ensureBuilt();
    const file = path.join(dir, 'keys.db');
    const master = randomBytes(32);
    const keys = createSqliteKeyStore({ path: file, masterKey: master });
    await keys.keysForWriting(['parent-0']);
    const child = spawn(process.execPath, ['--input-type=module', '-e', WRITER, file], {
      cwd: packageDir,
      env: { ...process.env, MASTER: master.toString('base64') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let printed = '';
    child.stdout.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const exited = once(child, 'exit');
    let running = true;
    void exited.then(() => (running = false));
    // This process makes first keys for as long as the other one lives, so their writes overlap.
    const ours: Awaited<ReturnType<typeof keys.keysForWriting>>[] = [];
    while (running) ours.push(await keys.keysForWriting([`parent-${ours.length}`]));
    expect((await exited)[0]).toBe(0);
    expect(ours.length).toBeGreaterThan(1);

    const theirs = JSON.parse(printed) as [string, string][];
    expect(new Set(theirs.map(([keyId]) => keyId)).size).toBe(200);
    const read = await keys.keysForReading(theirs.map(([keyId]) => keyId));
    for (const [keyId, hex] of theirs) expect(read.get(keyId)).toMatchObject({ keyId, key: Buffer.from(hex, 'hex') });
    // Asked for by name, the child's customers have the keys it made (no second key was made here).
    const again = await keys.keysForWriting(theirs.map((_, index) => `child-${index}`));
    theirs.forEach(([keyId], index) => expect(again.get(`child-${index}`)).toMatchObject({ keyId }));
    const mine = await keys.keysForReading(
      ours.map((answer, index) => {
        const key = answer.get(`parent-${index}`);
        return key === undefined || key === 'forgotten' ? '' : key.keyId;
      }),
    );
    expect(mine.size).toBe(ours.length);
    await keys.close();
  }, 180_000);
});
