import type { LoadFigures } from './api-load.js';
import type { ApiProcess } from './api-server.js';
import { drained } from './api-load.js';
import { loadInChild, type LoadPhase } from './load-child.js';
import { median } from './measure.js';

/** One paced command phase, with the API process's CPU over it (share of one core) and per command (ms). */
export type CommandFigures = LoadFigures & { readonly apiCpu?: number; readonly apiCpuMsPerCommand?: number };

/** POST /customers at `rate`/s for `seconds`, each phase under a prefix of its own (ids never repeat). */
export function commandPhases(url: string, bearer: string, run: string, rate: number): (seconds: number) => LoadPhase {
  let phases = 0;
  return (seconds) => ({ url, path: '/customers', bearer, customers: `bench-${run}-${(phases += 1)}`, seconds, rate });
}

/** A paced phase in its own process, with the API's CPU time over it. */
export async function pacedWithCpu(api: ApiProcess, phase: LoadPhase): Promise<CommandFigures> {
  await drained(api.url);
  const before = api.cpuSeconds();
  const started = performance.now();
  const figures = await loadInChild(phase);
  const after = api.cpuSeconds();
  if (before === undefined || after === undefined) return figures;
  const cpu = after - before;
  return {
    ...figures,
    apiCpu: Math.round((cpu / ((performance.now() - started) / 1_000)) * 100) / 100,
    apiCpuMsPerCommand: Math.round((cpu / Math.max(1, figures.requests)) * 1e6) / 1e3,
  };
}

/**
 * `rounds` measured command phases after one warm-up (3 s at the same rate, not measured: the command path's
 * first seconds are JIT compilation and the WAL files growing to their working size). On a shared machine one
 * phase's p99 says little: several, with their median and spread, are what two builds are compared on.
 */
export async function commandRounds(
  api: ApiProcess,
  phase: (seconds: number) => LoadPhase,
  seconds: number,
  rounds: number,
): Promise<CommandFigures[]> {
  await pacedWithCpu(api, phase(3));
  const measured: CommandFigures[] = [];
  for (let round = 0; round < rounds; round += 1) measured.push(await pacedWithCpu(api, phase(seconds)));
  return measured;
}

/** A load phase's figures in one line (with the API's CPU share when measured). */
export const figuresLine = (name: string, f: LoadFigures & { readonly apiCpu?: number }): string =>
  `${name.padEnd(44)} ${String(f.rps).padStart(6)} req/s  p50 ${String(f.p50Ms).padStart(4)} ms  p99 ${String(f.p99Ms).padStart(4)} ms  (${f.requests} requests, ${f.failures} failed, ${f.timeouts} of them timed out)` +
  ('apiCpu' in f ? `\n    CPU, share of one core: API ${percent(f.apiCpu)}, load tool ${percent(f.loadToolCpu)}` : '') +
  (f.failureReasons === undefined ? '' : `\n    failed: ${JSON.stringify(f.failureReasons)}`);

const percent = (share: number | undefined): string => (share === undefined ? '?' : `${Math.round(share * 100)}%`);

/** The issue's figure in one line: command p99 at the offered rate on a store of `events`, beside /health's. */
export function issueLine(
  events: number,
  rate: number,
  commands: readonly CommandFigures[],
  baseline: LoadFigures | undefined,
): string {
  const p99s = commands.map((f) => f.p99Ms);
  const spread = p99s.length > 1 ? ` (median of ${p99s.length} phases; each: ${p99s.join(', ')} ms)` : '';
  const served = commands.map((f) => f.rps).join(', ');
  const failed = commands.reduce((sum, f) => sum + f.failures, 0);
  const cpu = commands.map((f) => (f.apiCpuMsPerCommand === undefined ? '?' : f.apiCpuMsPerCommand)).join(', ');
  return (
    `COMMAND p99 at ${rate} commands/s offered on a store of ${events} events: ${Math.round(median(p99s) * 10) / 10} ms (target < 25)${spread}; ` +
    `baseline GET /health p99 at the same rate: ${baseline === undefined ? 'not run' : `${baseline.p99Ms} ms`}; ` +
    `served ${served} commands/s, ${failed} failed; API CPU ${cpu} ms per command`
  );
}
