import { spawn } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensureCliBuilt, salesbook, workspace, type Workspace } from '../cli/cli-harness.js';

// DESIGN.md section 12: a replay killed with SIGKILL mid-batch resumes from its checkpoint to the same
// digest as a clean rebuild, with nothing counted twice. The child runs the built runner on real files.
const CHILD = join(__dirname, 'projection-runner.mjs');
const KILLS = 6;

interface LiveReport {
  readonly digests: Record<string, string>;
  readonly status: { name: string; position: string; head: string; parked: number }[];
}

/** A seeded stream of numbers in [0, 1) (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** An orders.csv of `orders` orders over 2024 (a line or two each), shipped and delivered. */
function ordersCsv(orders: number, next: () => number): string {
  const rows = ['order_id,order_date,customer_id,customer_name,segment,region,rep_id,currency,sku,product_name,quantity,unit_price,discount_pct,ship_date,delivered_date,promised_date'];
  const day = (offset: number): string => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  for (let order = 1; order <= orders; order += 1) {
    const customer = Math.floor(next() * 60);
    const placed = Math.floor(next() * 300);
    const head = [`SO-${order}`, day(placed), `C-${customer}`, `Customer ${customer}`, ['smb', 'retail', 'enterprise'][customer % 3], ['east', 'west'][customer % 2], `rep-${customer % 6}`, 'CNY'];
    for (let line = 1; line <= 1 + (order % 2); line += 1) {
      rows.push([...head, `SKU-${line}`, `Part ${line}`, String(1 + Math.floor(next() * 20)), `${10 + Math.floor(next() * 90)}.50`, order % 5 === 0 ? '5' : '0', day(placed + 2), day(placed + 6), day(placed + 7)].join(','));
    }
  }
  return `${rows.join('\n')}\n`;
}

/**
 * Runs the child to the end, or, with `killAfterMs`, kills it that long after it has committed its first
 * batches (watched from this process through the checkpoint table, as WAL lets a reader do).
 */
function runChild(space: Workspace, readModels: string, head: bigint, killAfterMs?: number): Promise<LiveReport | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, space.eventsPath, readModels, '25'], { cwd: __dirname, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const watch =
      killAfterMs === undefined
        ? undefined
        : setInterval(() => {
            const checkpoints = checkpointsOf(readModels);
            if (checkpoints.some((position) => position > 0n && position < head)) {
              clearInterval(watch);
              setTimeout(() => child.kill('SIGKILL'), killAfterMs);
            }
          }, 10);
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(watch);
      if (signal === 'SIGKILL') return resolve(undefined);
      const live = out.split('\n').find((line) => line.includes('"live"'));
      if (code !== 0 || live === undefined) return reject(new Error(`runner exited ${String(code)}: ${err}`));
      resolve(JSON.parse(live) as LiveReport);
    });
  });
}

/** Every active projection's checkpoint (0 before its first batch), read straight from the file. */
function checkpointsOf(path: string): bigint[] {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const rows = db.prepare('SELECT position FROM projection_checkpoints WHERE active = 1 ORDER BY projection').all() as { position: string | null }[];
    return rows.map((row) => (row.position === null ? 0n : BigInt(row.position)));
  } catch {
    return []; // the child has not created the file or its checkpoint table yet
  } finally {
    db?.close();
  }
}

let space: Workspace;
beforeAll(async () => {
  ensureCliBuilt();
  space = workspace();
  const imported = await salesbook(['import', space.file('orders.csv', ordersCsv(2_500, seeded(7)))], space.env);
  expect(imported.code).toBe(0);
}, 240_000);
afterAll(() => space?.dispose());

describe('projection runner killed with SIGKILL mid-replay', () => {
  it('resumes from its checkpoints to the digest of a clean rebuild, nothing counted twice', async () => {
    const head = BigInt(space.events().length);
    const crashed = join(space.dir, 'crashed-readmodels.db');
    const next = seeded(2026);
    const progress: bigint[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      await runChild(space, crashed, head, Math.floor(next() * 40));
      const checkpoints = checkpointsOf(crashed);
      // Killed mid-replay: some batches were kept, some projection was not done.
      if (checkpoints.some((position) => position > 0n) && checkpoints.some((position) => position < head)) {
        progress.push(checkpoints.reduce((sum, position) => sum + position, 0n));
      }
    }
    expect(progress.length).toBeGreaterThanOrEqual(3);
    // What a batch committed stays committed: no checkpoint goes back after a kill.
    expect(progress).toEqual([...progress].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const resumed = await runChild(space, crashed, head);
    const clean = await runChild(space, join(space.dir, 'clean-readmodels.db'), head);
    expect(resumed?.digests).toEqual(clean?.digests);
    for (const status of resumed?.status ?? []) {
      expect([status.name, status.position, status.parked]).toEqual([status.name, status.head, 0]);
    }
    expect(Object.keys(resumed?.digests ?? {}).length).toBeGreaterThanOrEqual(8);
  }, 240_000);
});
