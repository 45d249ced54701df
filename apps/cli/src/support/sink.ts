import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import type { Writable } from 'node:stream';

/** Where a streamed answer goes: stdout, or a file; writes wait when the consumer is slower. */
export interface Sink {
  write(chunk: string): Promise<void>;
  close(): Promise<void>;
}

const drained = (stream: Writable): Promise<void> => new Promise((resolve) => stream.once('drain', resolve));

/** A sink on `path`, or on stdout when `path` is absent or `-`. */
export function openSink(path: string | undefined): Sink {
  const toFile = path !== undefined && path !== '-';
  const stream: Writable = toFile ? createWriteStream(path, { encoding: 'utf8' }) : process.stdout;
  return {
    async write(chunk) {
      if (!stream.write(chunk)) await drained(stream);
    },
    async close() {
      if (!toFile) return;
      stream.end();
      await finished(stream);
    },
  };
}
