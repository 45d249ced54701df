import type { AsOf } from '@salesbook/eventstore';
import { endOfBusinessDate } from '@salesbook/projections';
import { isCalendarDate } from '../support/business-time.js';
import { loadStreamState } from '../support/aggregates.js';
import { CliError } from '../support/cli-error.js';
import type { StoreContext } from '../support/infrastructure.js';
import { writeOut } from '../support/output.js';
import { readerOf, readingCodec, type UnmaskOptions } from '../support/readers.js';

/** Options of `salesbook state`. */
export interface StateOptions extends UnmaskOptions {
  readonly asOf?: string;
}

/**
 * Reads `--as-of`: a revision (digits), an ISO 8601 instant, or a business date `YYYY-MM-DD` meaning the end
 * of that day in the business time zone.
 */
export function parseAsOf(value: string, zone: string): AsOf {
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return { revision: Number(trimmed) };
  if (isCalendarDate(trimmed)) return { time: endOfBusinessDate(trimmed, zone) };
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed) && !Number.isNaN(Date.parse(trimmed)))
    return { time: new Date(Date.parse(trimmed)).toISOString() };
  throw new CliError(
    `--as-of: "${value}" is neither a revision (0, 1, ...), an ISO 8601 time (2026-03-31T16:00:00Z) nor a date (2026-03-31)`,
    2,
  );
}

/**
 * `salesbook state <stream> [--as-of ...]`: the aggregate folded from its events up to then, as JSON; personal
 * data masked (folded from masked events), or opened with `--unmask --reader <id>` (each read logged).
 */
export async function state(context: StoreContext, streamName: string, options: StateOptions): Promise<void> {
  const asOf = options.asOf === undefined ? undefined : parseAsOf(options.asOf, context.config.timeZone);
  const reader = readerOf(options, `salesbook state ${streamName}`);
  if (!(await context.store.streamExists(streamName)))
    throw new CliError(`stream ${streamName} does not exist in ${context.storeName}`);
  const loaded = await loadStreamState(context.store, readingCodec(context, reader), streamName, asOf);
  const answer = {
    streamName,
    asOf: asOf ?? null,
    revision: loaded.revision,
    position: loaded.position === undefined ? null : loaded.position.toString(),
    state: loaded.state,
  };
  await writeOut(`${JSON.stringify(answer, null, 2)}\n`);
}
