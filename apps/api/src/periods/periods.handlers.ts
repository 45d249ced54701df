import {
  nextMonthStart,
  periodDecider,
  periodEventRegistry,
  PERIOD_STREAM,
  type CommandPayload,
  type PeriodCommand,
  type PeriodsState,
} from '@salesbook/domain';
import { AggregateCommand } from '../commands/command-request.js';
import { singleStreamHandler } from '../commands/single-stream-handler.js';
import type { PeriodRow } from './periods.answers.js';

/** A Period command on the CommandBus: one of the Period payloads. */
export class PeriodCommandMessage extends AggregateCommand<CommandPayload<PeriodCommand>> {}

/** Decides period commands on the one `period-closes` stream. */
export const PeriodCommandHandler = singleStreamHandler(PeriodCommandMessage, {
  decider: periodDecider,
  registry: periodEventRegistry,
  stream: () => PERIOD_STREAM,
  command: ({ payload, metadata, access }) => ({ ...payload, metadata, access }),
});

/** The most months one answer lists (ten years). */
export const MAX_PERIOD_MONTHS = 120;

/** The months from `from` to `to`, both included, oldest first. */
export function monthsBetween(from: string, to: string): string[] {
  const months: string[] = [];
  for (let month = from; month <= to && months.length < MAX_PERIOD_MONTHS; month = nextMonthStart(month).slice(0, 7))
    months.push(month);
  return months;
}

/** A month's row: its close history, or open when it was never closed. */
export function periodRow(state: PeriodsState, month: string): PeriodRow {
  const close = state.months[month];
  if (close === undefined)
    return {
      month,
      status: 'open',
      closedBy: null,
      closedAt: null,
      reopenings: 0,
      lastReopenedAt: null,
      reopeningRequest: null,
    };
  const { status, closedBy, closedAt, reopenings, lastReopenedAt, reopening } = close;
  return {
    month,
    status,
    closedBy,
    closedAt,
    reopenings,
    lastReopenedAt,
    reopeningRequest: reopening === null ? null : { ...reopening },
  };
}
