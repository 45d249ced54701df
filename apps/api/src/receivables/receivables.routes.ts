import { receivableCommandSchemas as schemas, type Role } from '@salesbook/domain';
import { commandRoute, FINANCE } from '../commands/command-route.js';

const route = (path: string, type: keyof typeof schemas, audience: readonly Role[], summary: string) =>
  commandRoute({ path, type, schema: schemas[type], audience, summary, tag: 'receivables', aggregate: 'receivable', ...(path.includes(':id') ? { idField: 'receivableId' } : {}) });

const FINANCE_AND_MANAGERS: readonly Role[] = ['finance', 'sales_manager', 'regional_manager', 'system'];
const COLLECTORS: readonly Role[] = ['finance', 'sales_manager', 'regional_manager', 'sales_rep', 'system'];
const APPROVERS: readonly Role[] = ['sales_manager', 'regional_manager', 'system'];

/** The Receivable command routes (stream `receivable-<id>`, one per invoice). */
export const receivableRoutes = {
  open: route('/receivables', 'OpenReceivable', FINANCE, 'Open the receivable of an invoice (usually the order policy does)'),
  recordPayment: route('/receivables/:id/payments', 'RecordPayment', FINANCE, 'Record a payment'),
  reversePayment: route('/receivables/:id/payment-reversals', 'ReversePayment', FINANCE, 'Reverse a bounced payment'),
  issueCreditNote: route('/receivables/:id/credit-notes', 'IssueCreditNote', FINANCE, 'Issue a credit note'),
  requestWriteOff: route('/receivables/:id/write-off-request', 'RequestWriteOff', FINANCE_AND_MANAGERS, 'Ask for the outstanding amount to be written off'),
  approveWriteOff: route('/receivables/:id/write-off-approval', 'ApproveWriteOff', APPROVERS, 'Approve the pending write-off (another person, a manager)'),
  logFollowUp: route('/receivables/:id/follow-ups', 'LogCollectionFollowUp', COLLECTORS, 'Log a collection follow-up'),
  dispute: route('/receivables/:id/dispute', 'DisputeReceivable', COLLECTORS, 'Record that the customer disputes the receivable'),
  resolveDispute: route('/receivables/:id/dispute-resolution', 'ResolveDispute', FINANCE_AND_MANAGERS, 'Resolve the dispute'),
} as const;
