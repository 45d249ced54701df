import cliProgress from 'cli-progress';

/** A progress bar on stderr with a rate and the time left; silent when stderr is not a terminal. */
export interface Progress {
  /** Sets how far the work is, out of `total`. */
  update(value: number, total?: number): void;
  stop(): void;
}

/**
 * Starts a bar: `label [=====-----] 42% | 4200/10000 orders | 1234 orders/s | 5s left`. Redrawn at most
 * ten times a second, so updating it per item costs next to nothing.
 */
export function startProgress(label: string, total: number, unit: string): Progress {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {rate} ${unit}/s | {eta_formatted} left`,
      stream: process.stderr,
      hideCursor: true,
      fps: 10,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(Math.max(total, 1), 0, { rate: 0 });
  return {
    update(value, newTotal) {
      if (newTotal !== undefined) bar.setTotal(Math.max(newTotal, 1));
      const seconds = (Date.now() - started) / 1000;
      bar.update(value, { rate: seconds > 0 ? Math.round(value / seconds) : 0 });
    },
    stop() {
      bar.stop();
    },
  };
}
