import { z } from 'zod';
import type { Command } from '../shared/message.js';
import { YearMonth } from '../shared/time.js';

const Reason = z
  .string({ message: 'reason must be a text' })
  .trim()
  .min(1, 'reason must not be empty')
  .max(1_000, 'reason must be at most 1000 characters');

/** Close a business month that has ended: from then on its reports no longer move. */
export const ClosePeriod = z.object({ month: YearMonth }).strict();
export type ClosePeriod = z.infer<typeof ClosePeriod>;

/** Ask to reopen a closed month, with the reason; a second person of the other role must approve. */
export const RequestPeriodReopening = z.object({ month: YearMonth, reason: Reason }).strict();
export type RequestPeriodReopening = z.infer<typeof RequestPeriodReopening>;

/** Approve the pending request to reopen a closed month. */
export const ApprovePeriodReopening = z.object({ month: YearMonth }).strict();
export type ApprovePeriodReopening = z.infer<typeof ApprovePeriodReopening>;

/** ClosePeriod as a command. */
export type ClosePeriodCommand = Command<'ClosePeriod', ClosePeriod>;
/** RequestPeriodReopening as a command. */
export type RequestPeriodReopeningCommand = Command<'RequestPeriodReopening', RequestPeriodReopening>;
/** ApprovePeriodReopening as a command. */
export type ApprovePeriodReopeningCommand = Command<'ApprovePeriodReopening', ApprovePeriodReopening>;

/** Every command of the period close (stream `period-closes`). */
export type PeriodCommand = ClosePeriodCommand | RequestPeriodReopeningCommand | ApprovePeriodReopeningCommand;

/** Schemas of the Period commands' data, by command type (HTTP validation and OpenAPI). */
export const periodCommandSchemas = { ClosePeriod, RequestPeriodReopening, ApprovePeriodReopening } as const;
