import fs, { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFileSync } from './file-sync.js';

describe('createFileSync (fsync off the event loop)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'salesbook-filesync-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('syncs a real file off the event loop; a call while another sync runs starts its own at once', async () => {
    const file = join(dir, 'events.db-wal');
    writeFileSync(file, 'frame 1');
    const wal = createFileSync(file);
    const settled: string[] = [];
    const first = wal.sync().then(() => settled.push('first'));
    // The fsync runs on the thread pool: the call returns before it is done.
    expect(settled).toEqual([]);
    appendFileSync(file, 'frame 2');
    // Written after the first sync began: this call must not be answered by it, so it gets a sync of its own.
    const second = wal.sync().then(() => settled.push('second'));
    await Promise.all([first, second]);
    expect(settled.sort()).toEqual(['first', 'second']);
    wal.close();
  });

  it('rejects when the file cannot be opened, and the next call tries again', async () => {
    const file = join(dir, 'later-wal');
    const wal = createFileSync(file);
    await expect(wal.sync()).rejects.toThrow(/ENOENT/);
    writeFileSync(file, 'now it exists');
    await expect(wal.sync()).resolves.toBeUndefined();
    wal.close();
  });

  it('with dataOnly flushes the file with fdatasync, not fsync, and answers its errors', async () => {
    const file = join(dir, 'data-only-wal');
    writeFileSync(file, 'frame 1');
    const fsyncs = jest.spyOn(fs, 'fsync');
    const fdatasyncs = jest.spyOn(fs, 'fdatasync');
    try {
      const wal = createFileSync(file, { dataOnly: true });
      await expect(wal.sync()).resolves.toBeUndefined();
      expect([fdatasyncs.mock.calls.length, fsyncs.mock.calls.length]).toEqual([1, 0]);
      wal.close();
      const missing = createFileSync(join(dir, 'no-such-wal'), { dataOnly: true });
      await expect(missing.sync()).rejects.toThrow(/ENOENT/);
    } finally {
      fsyncs.mockRestore();
      fdatasyncs.mockRestore();
    }
  });
});
