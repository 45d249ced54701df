import type { z } from 'zod';
import { receivableCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) =>
  commandRoute({
    path,
    type,
    schema,
    summary,
    tag: 'receivables',
    aggregate: 'receivable',
    ...(path.includes(':id') ? { idField: 'receivableId' } : {}),
  });

/** The Receivable command routes (stream `receivable-<id>`, one per invoice). */
export const receivableRoutes = {
  open: route(
    '/receivables',
    'OpenReceivable',
    schemas.OpenReceivable,
    'Open the receivable of an invoice (usually the order policy does)',
  ),
  recordPayment: route('/receivables/:id/payments', 'RecordPayment', schemas.RecordPayment, 'Record a payment'),
  reversePayment: route(
    '/receivables/:id/payment-reversals',
    'ReversePayment',
    schemas.ReversePayment,
    'Reverse a bounced payment',
  ),
  issueCreditNote: route(
    '/receivables/:id/credit-notes',
    'IssueCreditNote',
    schemas.IssueCreditNote,
    'Issue a credit note',
  ),
  requestWriteOff: route(
    '/receivables/:id/write-off-request',
    'RequestWriteOff',
    schemas.RequestWriteOff,
    'Ask for the outstanding amount to be written off',
  ),
  approveWriteOff: route(
    '/receivables/:id/write-off-approval',
    'ApproveWriteOff',
    schemas.ApproveWriteOff,
    'Approve the pending write-off (another person, a manager)',
  ),
  logFollowUp: route(
    '/receivables/:id/follow-ups',
    'LogCollectionFollowUp',
    schemas.LogCollectionFollowUp,
    'Log a collection follow-up',
  ),
  dispute: route(
    '/receivables/:id/dispute',
    'DisputeReceivable',
    schemas.DisputeReceivable,
    'Record that the customer disputes the receivable',
  ),
  resolveDispute: route(
    '/receivables/:id/dispute-resolution',
    'ResolveDispute',
    schemas.ResolveDispute,
    'Resolve the dispute',
  ),
} as const;
