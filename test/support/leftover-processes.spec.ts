import { spawn, spawnSync } from 'node:child_process';
import { leftoverProcesses } from './leftover-processes.js';

// The teardown's finder sees what a test leaves behind: a child still running, and a grandchild its parent left to
// init (the case that kept CI waiting on an inherited pipe).

async function until(done: () => boolean): Promise<void> {
  for (let waited = 0; !done(); waited += 50) {
    if (waited > 5_000) throw new Error('still there after 5 s');
    await new Promise((wait) => setTimeout(wait, 50));
  }
}

describe('leftover processes', () => {
  it('finds a child still running and an orphan left to init (not this process, nor a zombie once killed)', async () => {
    const child = spawn('sleep', ['30'], { stdio: 'ignore' });
    // The shell starts sleep in the background, prints its pid and exits: sleep's parent becomes init.
    const orphan = Number(spawnSync('sh', ['-c', 'sleep 30 > /dev/null 2>&1 & echo $!'], { encoding: 'utf8' }).stdout);
    try {
      const found = leftoverProcesses().map(({ pid }) => pid);
      expect(found).toContain(child.pid);
      expect(found).toContain(orphan);
      expect(found).not.toContain(process.pid);
    } finally {
      child.kill('SIGKILL');
      process.kill(orphan, 'SIGKILL');
    }
    await until(() => !leftoverProcesses().some(({ pid }) => pid === orphan));
  });
});
