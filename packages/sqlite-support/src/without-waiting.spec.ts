import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { withoutWaiting } from './without-waiting.js';

describe('withoutWaiting', () => {
  let folder: string;
  let writer: Database.Database;
  let other: Database.Database;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'salesbook-without-waiting-'));
    const path = join(folder, 'file.db');
    writer = new Database(path);
    writer.pragma('journal_mode = WAL');
    writer.pragma('busy_timeout = 5000');
    writer.exec('CREATE TABLE marks (name TEXT PRIMARY KEY, value INTEGER NOT NULL)');
    other = new Database(path);
  });
  afterEach(() => {
    writer.close();
    other.close();
    rmSync(folder, { recursive: true, force: true });
  });

  const insert = (value: number) => () =>
    void writer.prepare('INSERT OR REPLACE INTO marks VALUES (?, ?)').run('policy', value);

  it('answers false at once while another connection holds the write lock, and writes once it is free', () => {
    other.exec('BEGIN IMMEDIATE');
    const started = process.hrtime.bigint();
    expect(withoutWaiting(writer, insert(1))).toBe(false);
    // The connection's own busy timeout (5 s) would have slept here.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
    expect(writer.pragma('busy_timeout', { simple: true })).toBe(5000);
    other.exec('COMMIT');
    expect(withoutWaiting(writer, insert(2))).toBe(true);
    expect(other.prepare('SELECT value FROM marks').pluck().all()).toEqual([2]);
    expect(writer.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('throws any other failure, with the busy timeout put back', () => {
    expect(() =>
      withoutWaiting(writer, () => void writer.prepare('INSERT INTO marks VALUES (NULL, NULL)').run()),
    ).toThrow(/NOT NULL/);
    expect(writer.pragma('busy_timeout', { simple: true })).toBe(5000);
  });
});
