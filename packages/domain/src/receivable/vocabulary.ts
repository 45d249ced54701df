import { z } from 'zod';
import { ID_PATTERN } from '../shared/ids.js';
import { Currency, NonNegativeMinorUnits, PositiveMinorUnits } from '../shared/money.js';
import { IsoDate } from '../shared/time.js';

/** Id of a credit note, unique per receivable; a repeat is a no-op. (The kernel has no such id yet.) */
export const CreditNoteId = z
  .string({ message: 'creditNoteId must be a text' })
  .regex(ID_PATTERN, 'must be 1-64 characters: letters, digits, ".", "_" or "-", starting with a letter or digit')
  .brand<'CreditNoteId'>();
export type CreditNoteId = z.infer<typeof CreditNoteId>;

/** How a payment arrived. */
export const PaymentMethod = z.enum(['bank_transfer', 'cash', 'check', 'card', 'other'], {
  message: 'method must be bank_transfer, cash, check, card or other',
});
export type PaymentMethod = z.infer<typeof PaymentMethod>;

/** Why a payment was reversed; only bounced payments for now. */
export const ReversalReason = z.enum(['bounced'], { message: 'reason must be bounced' });
export type ReversalReason = z.infer<typeof ReversalReason>;

/** How a collection follow-up reached the customer. */
export const FollowUpChannel = z.enum(['phone', 'email', 'visit', 'letter', 'other'], {
  message: 'channel must be phone, email, visit, letter or other',
});
export type FollowUpChannel = z.infer<typeof FollowUpChannel>;

/** A positive amount of money in minor units, as a client sends it. */
export const PositiveMoney = z.object({ amount: PositiveMinorUnits, currency: Currency }).strict();
export type PositiveMoney = z.infer<typeof PositiveMoney>;

/** Installment numbers: 1, 2, 3... */
export const InstallmentNo = z
  .number({ message: 'installmentNo must be a number' })
  .int('installmentNo must be a whole number')
  .min(1, 'installmentNo must be >= 1')
  .max(1_000, 'installmentNo must be at most 1000');

/** One installment of a receivable's schedule. */
export const Installment = z
  .object({
    installmentNo: InstallmentNo,
    dueDate: IsoDate,
    amount: NonNegativeMinorUnits,
  })
  .strict();
export type Installment = z.infer<typeof Installment>;

/**
 * How much of a payment, credit note or write-off went to one installment, and what that installment
 * still owes afterwards. For a reversal, `amount` is what is owed again.
 */
export const Allocation = z.object({
  installmentNo: InstallmentNo,
  dueDate: IsoDate,
  amount: PositiveMinorUnits,
  outstandingAfter: NonNegativeMinorUnits,
});
export type Allocation = z.infer<typeof Allocation>;

/** A promise to pay `amount` by `date`, made during a collection follow-up. */
export const PromiseToPay = z.object({ date: IsoDate, amount: PositiveMoney }).strict();
export type PromiseToPay = z.infer<typeof PromiseToPay>;

/** A free-text reason or resolution: trimmed, 1 to 1000 characters. */
export const Text = (field: string) =>
  z
    .string({ message: `${field} must be a text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(1_000, `${field} must be at most 1000 characters`);

/** The business date (`YYYY-MM-DD`) of an instant, in UTC. The edge passes explicit dates for other business zones. */
export const dateOf = (instant: string): IsoDate => instant.slice(0, 10);
