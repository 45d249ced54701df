import { z } from 'zod';
import { ActorId, CustomerId, OrderId, PaymentId, ReceivableId, RegionId } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { BusinessDate } from '../shared/time.js';
import {
  CreditNoteId,
  FollowUpChannel,
  Installment,
  InstallmentNo,
  PaymentMethod,
  PositiveMoney,
  PromiseToPay,
  ReversalReason,
  Text,
} from './vocabulary.js';

/** Installment numbers are unique and due dates fall between the issue date and the final due date. */
const checkSchedule = (
  data: { issueDate: string; dueDate: string; installments?: Installment[] | undefined },
  ctx: z.RefinementCtx,
): void => {
  if (data.dueDate < data.issueDate)
    ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'dueDate must be on or after issueDate' });
  const seen = new Set<number>();
  (data.installments ?? []).forEach((part, index) => {
    if (seen.has(part.installmentNo))
      ctx.addIssue({
        code: 'custom',
        path: ['installments', index, 'installmentNo'],
        message: 'installment numbers must be unique',
      });
    seen.add(part.installmentNo);
    if (part.dueDate < data.issueDate || part.dueDate > data.dueDate) {
      ctx.addIssue({
        code: 'custom',
        path: ['installments', index, 'dueDate'],
        message: 'an installment falls due between issueDate and dueDate',
      });
    }
  });
};

/**
 * Open the receivable of one invoice. Without `installments`, one installment of the whole amount
 * falls due on `dueDate`; with them, they must add up to `amount` (checked by the decider).
 */
export const OpenReceivable = z
  .object({
    receivableId: ReceivableId,
    orderId: OrderId,
    customerId: CustomerId,
    repId: ActorId,
    region: RegionId,
    amount: PositiveMoney,
    issueDate: BusinessDate,
    dueDate: BusinessDate,
    installments: z
      .array(Installment)
      .min(1, 'a schedule needs at least one installment')
      .max(120, 'a schedule has at most 120 installments')
      .optional(),
  })
  .strict()
  .superRefine(checkSchedule);
export type OpenReceivable = z.infer<typeof OpenReceivable>;

/** Record a payment; without `installmentNo` it settles the oldest open installment first. */
export const RecordPayment = z
  .object({
    receivableId: ReceivableId,
    paymentId: PaymentId,
    amount: PositiveMoney,
    receivedOn: BusinessDate,
    method: PaymentMethod,
    installmentNo: InstallmentNo.optional(),
  })
  .strict();
export type RecordPayment = z.infer<typeof RecordPayment>;

/** Reverse a payment that bounced; `reversedOn` defaults to the date of the command. */
export const ReversePayment = z
  .object({
    receivableId: ReceivableId,
    paymentId: PaymentId,
    reason: ReversalReason,
    reversedOn: BusinessDate.optional(),
  })
  .strict();
export type ReversePayment = z.infer<typeof ReversePayment>;

/** Issue a credit note that reduces what the customer owes; `creditedOn` defaults to the date of the command. */
export const IssueCreditNote = z
  .object({
    receivableId: ReceivableId,
    creditNoteId: CreditNoteId,
    amount: PositiveMoney,
    reason: Text('reason'),
    creditedOn: BusinessDate.optional(),
  })
  .strict();
export type IssueCreditNote = z.infer<typeof IssueCreditNote>;

/** Ask for the outstanding amount to be written off; another person, a manager, approves. */
export const RequestWriteOff = z.object({ receivableId: ReceivableId, reason: Text('reason') }).strict();
export type RequestWriteOff = z.infer<typeof RequestWriteOff>;

/** A manager other than the requester approves the pending write-off; `writtenOffOn` defaults to the date of the command. */
export const ApproveWriteOff = z.object({ receivableId: ReceivableId, writtenOffOn: BusinessDate.optional() }).strict();
export type ApproveWriteOff = z.infer<typeof ApproveWriteOff>;

/** Log a collection follow-up; `note` is free text and personal data. `loggedOn` defaults to the date of the command. */
export const LogCollectionFollowUp = z
  .object({
    receivableId: ReceivableId,
    channel: FollowUpChannel,
    note: z
      .string({ message: 'note must be a text' })
      .trim()
      .min(1, 'note must not be empty')
      .max(4_000, 'note must be at most 4000 characters'),
    promiseToPay: PromiseToPay.optional(),
    loggedOn: BusinessDate.optional(),
  })
  .strict();
export type LogCollectionFollowUp = z.infer<typeof LogCollectionFollowUp>;

/** The customer disputes the receivable: reminders pause until the dispute is resolved. */
export const DisputeReceivable = z.object({ receivableId: ReceivableId, reason: Text('reason') }).strict();
export type DisputeReceivable = z.infer<typeof DisputeReceivable>;

/** The dispute is resolved (a credit note, if any, is issued separately). */
export const ResolveDispute = z.object({ receivableId: ReceivableId, resolution: Text('resolution') }).strict();
export type ResolveDispute = z.infer<typeof ResolveDispute>;

/** OpenReceivable command. */
export type OpenReceivableCommand = Command<'OpenReceivable', OpenReceivable>;
/** RecordPayment command. */
export type RecordPaymentCommand = Command<'RecordPayment', RecordPayment>;
/** ReversePayment command. */
export type ReversePaymentCommand = Command<'ReversePayment', ReversePayment>;
/** IssueCreditNote command. */
export type IssueCreditNoteCommand = Command<'IssueCreditNote', IssueCreditNote>;
/** RequestWriteOff command. */
export type RequestWriteOffCommand = Command<'RequestWriteOff', RequestWriteOff>;
/** ApproveWriteOff command. */
export type ApproveWriteOffCommand = Command<'ApproveWriteOff', ApproveWriteOff>;
/** LogCollectionFollowUp command. */
export type LogCollectionFollowUpCommand = Command<'LogCollectionFollowUp', LogCollectionFollowUp>;
/** DisputeReceivable command. */
export type DisputeReceivableCommand = Command<'DisputeReceivable', DisputeReceivable>;
/** ResolveDispute command. */
export type ResolveDisputeCommand = Command<'ResolveDispute', ResolveDispute>;

/** Every command of the Receivable aggregate (stream `receivable-<id>`). */
export type ReceivableCommand =
  | OpenReceivableCommand
  | RecordPaymentCommand
  | ReversePaymentCommand
  | IssueCreditNoteCommand
  | RequestWriteOffCommand
  | ApproveWriteOffCommand
  | LogCollectionFollowUpCommand
  | DisputeReceivableCommand
  | ResolveDisputeCommand;

/** Schemas of the commands' `data`, by command type (HTTP validation and OpenAPI). */
export const receivableCommandSchemas = {
  OpenReceivable,
  RecordPayment,
  ReversePayment,
  IssueCreditNote,
  RequestWriteOff,
  ApproveWriteOff,
  LogCollectionFollowUp,
  DisputeReceivable,
  ResolveDispute,
} as const;
