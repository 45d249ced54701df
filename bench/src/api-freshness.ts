import { drained, quantile } from './api-load.js';
import type { ApiProcess } from './api-server.js';
import { customerBodies, loadInChild, type LoadPhase } from './load-child.js';

const today = (): string => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** The freshness probes' own customers (the load phases make theirs in their processes, under other prefixes). */
const customer = customerBodies(`bench-${Math.random().toString(36).slice(2, 8)}-probe`);

/** Command, then the daily report with X-Min-Position of its answer, until `done`: ms from the command's answer to the fresh report. */
async function freshness(
  url: string,
  bearer: string,
  done: () => boolean,
): Promise<{ samples: number[]; stale: number }> {
  const headers = { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' };
  const samples: number[] = [];
  let stale = 0;
  while (!done()) {
    const command = await fetch(`${url}/customers`, { method: 'POST', headers, body: customer() });
    const { position } = (await command.json()) as { position: string };
    const answered = performance.now();
    const report = await fetch(`${url}/reports/sales/daily?date=${today()}&groupBy=region`, {
      headers: { ...headers, 'x-min-position': position },
    });
    const body = (await report.json()) as { stale: boolean };
    samples.push(performance.now() - answered);
    if (body.stale) stale += 1;
    await new Promise((wait) => setTimeout(wait, 20));
  }
  return { samples, stale };
}

/** Freshness under the command load, in a run of its own: each probe's report is computed afresh. */
export async function freshnessUnderLoad(api: ApiProcess, manager: string, phase: LoadPhase) {
  await drained(api.url);
  let commandsDone = false;
  const probes = freshness(api.url, manager, () => commandsDone);
  const commandWithProbes = await loadInChild(phase);
  commandsDone = true;
  const fresh = await probes;
  const p50Ms = quantile(fresh.samples, 0.5);
  const p99Ms = quantile(fresh.samples, 0.99);
  return { commandWithProbes, fresh, p50Ms: Math.round(p50Ms * 10) / 10, p99Ms: Math.round(p99Ms * 10) / 10 };
}
