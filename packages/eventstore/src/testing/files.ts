import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Every file under `dir`, recursively (-wal, -shm, journals, logs, keys included), as [path, bytes]:
 * what an erasure test searches, since SQLite and logs may leave a value in any of them.
 */
export function everyFile(dir: string): [string, Buffer][] {
  return readdirSync(dir).flatMap((name): [string, Buffer][] => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? everyFile(full) : [[full, readFileSync(full)]];
  });
}

/** The names of the files under `dir` whose bytes hold `needle` in UTF-8 or UTF-16LE (SQLite may store either). */
export const filesHolding = (dir: string, needle: string): string[] =>
  everyFile(dir)
    .filter(
      ([, bytes]) => bytes.includes(Buffer.from(needle, 'utf8')) || bytes.includes(Buffer.from(needle, 'utf16le')),
    )
    .map(([name]) => path.basename(name));
