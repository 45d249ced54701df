import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApiLogger, PinoNestLogger, requestLogger } from './api-logger.js';

/** Every line a logger wrote, parsed. */
function capture(): { out: { write(text: string): void }; lines: () => Record<string, unknown>[] } {
  const written: string[] = [];
  return {
    out: { write: (text: string) => void written.push(text) },
    lines: () =>
      written
        .join('')
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

describe("Nest's messages through the API's pino logger", () => {
  it('writes each Nest level at its pino level with the context Nest passes last', () => {
    const { out, lines } = capture();
    const nest = new PinoNestLogger(createApiLogger({ logLevel: 'trace', logFormat: 'json' }, out));
    nest.log('started', 'NestApplication');
    nest.warn('slow', 'Policies');
    nest.debug('detail', 'Runner');
    nest.verbose('more', 'Runner');
    nest.fatal('gone');
    expect(lines().map(({ level, context, msg }) => [level, context, msg])).toEqual([
      [30, 'NestApplication', 'started'],
      [40, 'Policies', 'slow'],
      [20, 'Runner', 'detail'],
      [10, 'Runner', 'more'],
      [60, undefined, 'gone'],
    ]);
  });

  it('keeps the stack of an error Nest reports, and an Error object as `err`', () => {
    const { out, lines } = capture();
    const nest = new PinoNestLogger(createApiLogger({ logLevel: 'info', logFormat: 'json' }, out));
    nest.error('boom', 'Error: boom\n    at here', 'ExceptionsHandler');
    nest.error(new Error('thrown'), 'Bootstrap');
    const [first, second] = lines();
    expect(first).toMatchObject({
      level: 50,
      context: 'ExceptionsHandler',
      msg: 'boom',
      err: { stack: 'Error: boom\n    at here' },
    });
    expect(second).toMatchObject({
      level: 50,
      context: 'Bootstrap',
      msg: 'thrown',
      err: { type: 'Error', message: 'thrown' },
    });
  });

  it('writes nothing below the configured level', () => {
    const { out, lines } = capture();
    const nest = new PinoNestLogger(createApiLogger({ logLevel: 'warn', logFormat: 'json' }, out));
    nest.log('started', 'NestApplication');
    nest.debug('detail');
    expect(lines()).toEqual([]);
  });

  it('writes readable lines in the pretty format, without JSON', () => {
    const written: string[] = [];
    const nest = new PinoNestLogger(
      createApiLogger({ logLevel: 'info', logFormat: 'pretty' }, { write: (text: string) => void written.push(text) }),
    );
    nest.log('Nest application successfully started', 'NestApplication');
    expect(written.join('')).toMatch(
      /^\d\d:\d\d:\d\d INFO {2}\[NestApplication\] Nest application successfully started\n$/,
    );
  });
});

describe('request logs', () => {
  let server: Server | undefined;
  afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

  it('are not set up at a level that would drop them', () => {
    expect(requestLogger(createApiLogger({ logLevel: 'warn', logFormat: 'json' }, capture().out), 'warn')).toBe(
      undefined,
    );
  });

  it('write one line per answered request: method, URL, status, time; never the token or a cookie', async () => {
    const { out, lines } = capture();
    const logRequest = requestLogger(createApiLogger({ logLevel: 'info', logFormat: 'json' }, out), 'info');
    if (logRequest === undefined) throw new Error('request logs expected at info');
    server = createServer((request, response) => {
      logRequest(request, response);
      response.statusCode = 201;
      response.end('{}');
    });
    await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const answer = await fetch(`http://127.0.0.1:${port}/customers/c-1?x=1`, {
      method: 'POST',
      headers: { authorization: 'Bearer secret-token', cookie: 'session=abc' },
      body: '{"name":"personal"}',
    });
    expect(answer.status).toBe(201);
    await answer.text();
    const deadline = Date.now() + 2_000;
    while (lines().length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(lines()).toEqual([
      expect.objectContaining({
        level: 30,
        msg: 'request completed',
        req: { id: expect.anything(), method: 'POST', url: '/customers/c-1?x=1' },
        res: expect.objectContaining({ statusCode: 201 }),
        responseTime: expect.any(Number),
      }),
    ]);
    const text = JSON.stringify(lines());
    expect(text).not.toContain('secret-token');
    expect(text).not.toContain('session=abc');
    expect(text).not.toContain('personal');
  });
});
