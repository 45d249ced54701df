import { readableLogDestination, readableLogLine } from './readable-log.js';

const at = Date.UTC(2026, 2, 1, 9, 30, 1);

describe('readable log lines (development mode)', () => {
  it('writes a Nest line as time, level, context and message', () => {
    expect(
      readableLogLine(
        JSON.stringify({
          level: 30,
          time: at,
          context: 'NestApplication',
          msg: 'Nest application successfully started',
        }),
      ),
    ).toBe('09:30:01 INFO  [NestApplication] Nest application successfully started');
  });

  it('writes a request with its method, path, status and time', () => {
    const line = {
      level: 30,
      time: at,
      req: { id: 1, method: 'GET', url: '/health' },
      res: { statusCode: 200 },
      responseTime: 2,
      msg: 'request completed',
    };
    expect(readableLogLine(JSON.stringify(line))).toBe('09:30:01 INFO  request completed GET /health 200 2 ms');
  });

  it('keeps an error stack on the lines after it', () => {
    const line = {
      level: 50,
      time: at,
      context: 'ApiExceptionFilter',
      msg: 'unexpected',
      err: { type: 'Error', message: 'boom', stack: 'Error: boom\n    at x' },
    };
    expect(readableLogLine(JSON.stringify(line))).toBe(
      '09:30:01 ERROR [ApiExceptionFilter] unexpected\nError: boom\n    at x',
    );
  });

  it("drops Nest's start-up chatter and passes on what is not JSON", () => {
    for (const context of ['InstanceLoader', 'RoutesResolver', 'RouterExplorer']) {
      expect(
        readableLogLine(JSON.stringify({ level: 30, time: at, context, msg: 'Mapped {/health, GET} route' })),
      ).toBeUndefined();
    }
    expect(readableLogLine('plain text')).toBe('plain text');
  });

  it('writes each line of a chunk to its destination, and nothing for a dropped one', () => {
    const written: string[] = [];
    const destination = readableLogDestination({ write: (text: string) => written.push(text) });
    destination.write(
      `${JSON.stringify({ level: 40, time: at, msg: 'slow' })}\n${JSON.stringify({ level: 30, time: at, context: 'RouterExplorer', msg: 'Mapped' })}\n`,
    );
    expect(written).toEqual(['09:30:01 WARN  slow\n']);
  });
});
