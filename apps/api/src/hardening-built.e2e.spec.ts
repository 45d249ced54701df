import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { customerBody, people } from './testing/fixtures.js';
import { startBuiltApi, type BuiltApi } from './testing/built-api.js';
import { TEST_MASTER_KEY } from './testing/test-app.js';

const SECRET = 'built-hardening-secret-of-32-characters!';
const TIMEOUT_MS = 500;

/** Sends a POST whose body never arrives in full; resolves with what the server wrote before closing, and when. */
function stalledPost(url: string, abortAfterMs?: number): Promise<{ text: string; ms: number }> {
  const { hostname, port } = new URL(url);
  const started = Date.now();
  return new Promise((resolve) => {
    let text = '';
    const socket = connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname, () => {
      socket.write(
        'POST /customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"customerId":',
      );
      if (abortAfterMs !== undefined) setTimeout(() => socket.destroy(), abortAfterMs);
    });
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve({ text, ms: Date.now() - started }));
  });
}

const mode = (path: string): number => statSync(path).mode & 0o777;

describe('the built API: request timeout, client aborts and private data files (abuse 10)', () => {
  const root = mkdtempSync(join(tmpdir(), 'salesbook-hardening-'));
  const data = join(root, 'data');
  let api: BuiltApi;
  beforeAll(async () => {
    api = await startBuiltApi(
      {
        SALESBOOK_EVENTSTORE: `sqlite:${join(data, 'events.db')}`,
        SALESBOOK_READMODELS: join(data, 'readmodels.db'),
        SALESBOOK_KEYSTORE: join(data, 'keys.db'),
        SALESBOOK_MASTER_KEY: TEST_MASTER_KEY,
        SALESBOOK_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS),
        SALESBOOK_LOG_LEVEL: 'info',
      },
      SECRET,
      root,
    );
  }, 30_000);
  afterAll(async () => {
    await api.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('creates the data folder and every data file readable by the owner only', async () => {
    expect((await api.call('POST', '/customers', people.rep, customerBody('c-1'))).status).toBe(201);
    expect(mode(data)).toBe(0o700);
    for (const file of ['events.db', 'events.db-wal', 'readmodels.db', 'readmodels.db-wal', 'keys.db', 'keys.db-wal'])
      expect([file, mode(join(data, file))]).toEqual([file, 0o600]);
  });

  it('answers a stalled body 408 REQUEST_TIMEOUT within about the timeout, and logs it at info without a stack', async () => {
    const { text, ms } = await stalledPost(api.url);
    expect(text).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(text.slice(text.indexOf('{')))).toMatchObject({ statusCode: 408, code: 'REQUEST_TIMEOUT' });
    expect(ms).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(ms).toBeLessThan(TIMEOUT_MS + 3_000);
  });

  it('logs a client that goes away mid-body at info, without an error or a stack', async () => {
    await stalledPost(api.url, 100);
    const logged = () =>
      readFileSync(api.logFile, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { level: number; msg: string });
    // The child writes its log on its own time: wait for the lines rather than a fixed while (up to 10 s).
    const deadline = Date.now() + 10_000;
    while (logged().filter((line) => line.msg.includes('went away')).length < 2 && Date.now() < deadline)
      await new Promise((wait) => setTimeout(wait, 50));
    const lines = logged();
    const aborts = lines.filter((line) => line.msg.includes('went away'));
    expect(aborts.length).toBeGreaterThanOrEqual(2);
    for (const line of aborts) {
      expect(line.level).toBe(30);
      expect(line.msg).not.toMatch(/\n\s+at /);
    }
    expect(lines.filter((line) => line.level >= 50)).toEqual([]);
  });
});
