// Jest's node environment, failing a spec file that leaves a SQLite file (event store, key store, read models, outbox)
// open when it ends: an unclosed store keeps a descriptor, and a key store or file event store a checkpoint thread,
// which once kept this project's Jest from exiting. Open files are read from /proc/self/fd (Linux; elsewhere the
// check is skipped), before the file's first test and after its last hook, so only what the file itself opened counts.
const { readdirSync, readlinkSync } = require('node:fs');
const { TestEnvironment } = require('jest-environment-node');

const SQLITE_FILE = /\.db(-wal|-shm|-journal)?( \(deleted\))?$/;

/** The SQLite files this process holds open, by descriptor. */
function openSqliteFiles() {
  const open = new Map();
  let descriptors;
  try {
    descriptors = readdirSync('/proc/self/fd');
  } catch {
    return open;
  }
  for (const fd of descriptors) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`);
      if (SQLITE_FILE.test(target)) open.set(fd, target);
    } catch {
      // Closed between the listing and the read: not open.
    }
  }
  return open;
}

class SqliteLeakCheckingEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context);
    this.testPath = context.testPath;
    this.openBefore = new Map();
  }

  async setup() {
    await super.setup();
    this.openBefore = openSqliteFiles();
  }

  async teardown() {
    const left = [...openSqliteFiles()].filter(([fd, target]) => this.openBefore.get(fd) !== target);
    await super.teardown();
    if (left.length > 0)
      throw new Error(
        `${this.testPath} left SQLite files open (close every store, key store and database it opens):\n` +
          left.map(([fd, target]) => `  fd ${fd}: ${target}`).join('\n'),
      );
  }
}

module.exports = SqliteLeakCheckingEnvironment;
