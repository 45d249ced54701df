import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { load, type LoadFigures, type Target } from './api-load.js';
import { pacedLoad } from './paced-load.js';

/**
 * One load phase, as data, so it can be run in a process of its own: closed loop (autocannon) or a fixed offered
 * rate (the open-loop pacer). `customers` makes each request a POST /customers body with a fresh id under that
 * prefix; without it the request is a GET.
 */
export interface LoadPhase {
  readonly url: string;
  readonly path: string;
  readonly bearer?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly customers?: string;
  readonly seconds: number;
  /** Requests per second offered; absent for a closed loop. */
  readonly rate?: number;
}

/** A RegisterCustomer body with a fresh id under `prefix`: a durable one-event command on a new short stream. */
export function customerBodies(prefix: string): () => string {
  let made = 0;
  return () => {
    made += 1;
    const id = `${prefix}-${made}`;
    return JSON.stringify({
      customerId: id,
      companyName: `Bench ${id}`,
      contact: { name: 'Bench Contact', phone: '+8613800000000', email: 'bench@example.cn' },
      region: 'east',
      segment: 'smb',
      ownerRepId: 'rep-east-01',
    });
  };
}

const CHILD = fileURLToPath(import.meta.url);
const run = promisify(execFile);

/**
 * Runs the phase in a fresh Node process and returns its figures. The load tool's own garbage collection is
 * charged to every request that waits behind it, so each phase gets a heap of its own, whatever the phases before
 * it left behind (the measurements that showed it are in the bench README).
 */
export async function loadInChild(phase: LoadPhase): Promise<LoadFigures> {
  const { stdout } = await run(process.execPath, [CHILD, JSON.stringify(phase)], { maxBuffer: 16 * 1024 * 1024 });
  const last = stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as LoadFigures;
}

async function child(spec: string): Promise<void> {
  const phase = JSON.parse(spec) as LoadPhase;
  const target: Target = {
    path: phase.path,
    ...(phase.bearer === undefined ? {} : { bearer: phase.bearer }),
    ...(phase.headers === undefined ? {} : { headers: phase.headers }),
    ...(phase.customers === undefined ? {} : { body: customerBodies(phase.customers) }),
  };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const figures =
    phase.rate === undefined
      ? await load(phase.url, target, phase.seconds)
      : await pacedLoad(phase.url, target, phase.seconds, phase.rate);
  const cpu = process.cpuUsage(cpuBefore);
  const loadToolCpu = Math.round(((cpu.user + cpu.system) / 1_000 / (performance.now() - started)) * 100) / 100;
  process.stdout.write(`${JSON.stringify({ ...figures, loadToolCpu })}\n`);
}

if (process.argv[1] === CHILD) {
  const spec = process.argv[2];
  if (spec === undefined) throw new Error('usage: node load-child.js <phase as JSON>');
  await child(spec);
}
