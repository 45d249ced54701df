import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { scratchFolder } from './measure.js';
import { bareRowsPhase, baselinePhase, replayPhase, seedPhase, type PhaseResult } from './replay-phases.js';

// `npm run bench:replay`: 1,000,000 generated events (`--events N` or BENCH_REPLAY_EVENTS for a quicker run) in
// a SQLite store; then, each in a fresh process so its memory is its own: the baseline (select every row in
// order and JSON.parse data and metadata) and the replay (every projection rebuilt by the ProjectionRunner).
// Figures are printed beside the baseline; the last line is one JSON object. Benchmarks never fail on time.
// A second ratio counts writes as well: the baseline plus a bare insert of the rebuilt rows, once each.

const SEED = 20250101;

function eventsWanted(argv: readonly string[]): number {
  const flag = argv.indexOf('--events');
  const text = flag >= 0 ? argv[flag + 1] : process.env['BENCH_REPLAY_EVENTS'];
  const events = Number((text ?? '1000000').replace(/_/g, ''));
  if (!Number.isInteger(events) || events < 1)
    throw new Error(`--events must be a positive whole number, not ${String(text)}`);
  return events;
}

/** Runs one phase in a child process (this file with `--phase`) and reads the JSON line it prints. */
function inChild(phase: string, args: readonly string[]): PhaseResult {
  const self = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [self, '--phase', phase, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`the ${phase} phase failed (exit ${String(result.status)})`);
  const last = result.stdout.trim().split('\n').at(-1) ?? '';
  return JSON.parse(last) as PhaseResult;
}

async function runPhase(argv: readonly string[]): Promise<void> {
  const [, phase, path = '', extra = ''] = argv.slice(argv.indexOf('--phase'));
  const result =
    phase === 'seed'
      ? await seedPhase(path, Number(extra), SEED)
      : phase === 'baseline'
        ? baselinePhase(path)
        : phase === 'rows'
          ? bareRowsPhase(path, extra)
          : await replayPhase(path, extra);
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

const perSecond = (events: number, seconds: number): number => Math.round(events / seconds);

async function main(argv: readonly string[]): Promise<void> {
  const events = eventsWanted(argv);
  const scratch = scratchFolder();
  try {
    const path = scratch.path('events.db');
    console.log(
      `generating ${events} events (seed ${SEED}) into a SQLite store (synchronous=NORMAL for this setup only)...`,
    );
    const seeded = inChild('seed', [path, String(events)]);
    console.log(
      `  ${seeded.events} events in ${seeded.seconds.toFixed(1)} s (${perSecond(seeded.events, seeded.seconds)} events/s generated and appended)`,
    );
    const baseline = inChild('baseline', [path]);
    console.log(
      `baseline, bare better-sqlite3: select all rows in order, JSON.parse data and metadata: ${baseline.seconds.toFixed(1)} s, ` +
        `${perSecond(baseline.events, baseline.seconds)} events/s, peak RSS ${baseline.peakRssMb} MB`,
    );
    const replay = inChild('replay', [path, scratch.path('readmodels.db')]);
    const projections = (replay.detail?.['projections'] as string[] | undefined) ?? [];
    console.log(
      `replay, ${projections.length} projections rebuilt by the ProjectionRunner (${projections.join(', ')}): ${replay.seconds.toFixed(1)} s, ` +
        `${perSecond(seeded.events, replay.seconds)} events/s, peak RSS ${replay.peakRssMb} MB (sampled every 100 ms: ${replay.sampledPeakRssMb} MB)`,
    );
    console.log(`  parked events: ${JSON.stringify(replay.detail?.['parked'])}`);
    const ratio = Math.round((baseline.seconds / replay.seconds) * 1000) / 1000;
    console.log(`  replay / baseline: ${ratio}x (target in bench/README.md: >= 0.5x, peak RSS < 300 MB)`);
    const rows = inChild('rows', [scratch.path('readmodels.db'), scratch.path('bare-rows.db')]);
    const withWrites = Math.round(((baseline.seconds + rows.seconds) / replay.seconds) * 1000) / 1000;
    console.log(
      `bare insert of the rebuilt rows, each once (${rows.events} rows in ${String(rows.detail?.['tables'])} tables, 2,000 per transaction): ` +
        `${rows.seconds.toFixed(1)} s; replay / (baseline + that): ${withWrites}x (not a target: a lower bound on what a replay must write)`,
    );
    console.log(
      JSON.stringify({
        events: seeded.events,
        eventsPerSec: perSecond(seeded.events, replay.seconds),
        baselineEventsPerSec: perSecond(baseline.events, baseline.seconds),
        replayRatio: ratio,
        peakRssMb: replay.peakRssMb,
        sampledPeakRssMb: replay.sampledPeakRssMb,
        baselinePeakRssMb: baseline.peakRssMb,
        projections: projections.length,
        replaySeconds: Math.round(replay.seconds * 100) / 100,
        baselineSeconds: Math.round(baseline.seconds * 100) / 100,
        bareRows: rows.events,
        bareRowsSeconds: Math.round(rows.seconds * 100) / 100,
        replayRatioWithWrites: withWrites,
        seedSeconds: Math.round(seeded.seconds * 100) / 100,
      }),
    );
  } finally {
    scratch.dispose();
  }
}

if (process.argv.includes('--phase')) await runPhase(process.argv);
else await main(process.argv);
