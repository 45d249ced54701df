/** What a person reads of one pino line: its level, time, Nest context, message and the request it is about. */
interface LogLine {
  readonly level?: number;
  readonly time?: number;
  readonly context?: string;
  readonly msg?: string;
  readonly req?: { readonly method?: string; readonly url?: string };
  readonly res?: { readonly statusCode?: number };
  readonly responseTime?: number;
  readonly err?: { readonly type?: string; readonly message?: string; readonly stack?: string };
}

const LEVELS: Readonly<Record<number, string>> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

// Nest's start-up chatter: a line per module initialised and per route mapped (about seventy), which buries the
// banner a person is waiting for. Production's JSON keeps them; the route table is in the OpenAPI document anyway.
const STARTUP_CONTEXTS: ReadonlySet<string> = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

const clock = (time: number | undefined): string => new Date(time ?? Date.now()).toISOString().slice(11, 19);

/**
 * One pino JSON line as one readable line (`09:30:01 INFO  [Context] message GET /path 200 3 ms`), or `undefined`
 * for Nest's start-up chatter. A line that is not pino's JSON is passed on as it is.
 */
export function readableLogLine(json: string): string | undefined {
  let line: LogLine;
  try {
    line = JSON.parse(json) as LogLine;
  } catch {
    return json;
  }
  if (line.context !== undefined && STARTUP_CONTEXTS.has(line.context)) return undefined;
  const level = (LEVELS[line.level ?? 30] ?? 'INFO').padEnd(5);
  const context = line.context === undefined ? '' : ` [${line.context}]`;
  const request = line.req?.method === undefined ? '' : ` ${line.req.method} ${line.req.url ?? ''}`;
  const status = line.res?.statusCode === undefined ? '' : ` ${line.res.statusCode}`;
  const took = line.responseTime === undefined ? '' : ` ${line.responseTime} ms`;
  const error = line.err?.stack === undefined ? '' : `\n${line.err.stack}`;
  return `${clock(line.time)} ${level}${context} ${line.msg ?? ''}${request}${status}${took}${error}`;
}

/** A pino destination that writes each line readably to `out` (development mode). */
export function readableLogDestination(out: { write(text: string): unknown }): { write(json: string): void } {
  return {
    write(json: string): void {
      for (const each of json.split('\n')) {
        if (each === '') continue;
        const readable = readableLogLine(each);
        if (readable !== undefined) out.write(`${readable}\n`);
      }
    },
  };
}
