import { ensureBuilt, startDemo, type StartedDemo } from '../dashboard/harness.js';

// `npm start` is read by a person: its banner (URL, tokens) must not drown in Nest's start-up lines, and the logs
// it writes are lines a person reads, not JSON. The built start command runs as a child process, as `npm start` runs it.
let demo: StartedDemo;

beforeAll(async () => {
  ensureBuilt();
  demo = await startDemo({ SALESBOOK_LOG_LEVEL: 'info' });
}, 300_000);
afterAll(async () => demo?.stop());

const lines = (): string[] => demo.output().split('\n');

describe('npm start in development mode', () => {
  it("prints readable log lines, no JSON, and none of Nest's route-mapping lines", () => {
    expect(lines().filter((line) => line.startsWith('{'))).toEqual([]);
    expect(lines().filter((line) => /Mapped \{|RouterExplorer|RoutesResolver|InstanceLoader/.test(line))).toEqual([]);
    expect(lines().some((line) => /^\d\d:\d\d:\d\d INFO {2}\[NestApplication\] /.test(line))).toBe(true);
    expect(lines().some((line) => /^Dashboard: http/.test(line))).toBe(true);
  });

  it('logs a request as one line: method, path, status and time', async () => {
    expect((await fetch(`${demo.url}/health`)).status).toBe(200);
    const deadline = Date.now() + 5_000;
    while (!lines().some((line) => line.includes('GET /health 200')) && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(lines().filter((line) => line.includes('GET /health 200'))).toEqual([
      expect.stringMatching(/^\d\d:\d\d:\d\d INFO {2}request completed GET \/health 200 \d+ ms$/),
    ]);
  });
});
