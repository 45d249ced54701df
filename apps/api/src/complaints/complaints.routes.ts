import { complaintCommandSchemas as schemas, type Role } from '@salesbook/domain';
import { commandRoute, MANAGERS, SALES } from '../commands/command-route.js';

const route = (path: string, type: keyof typeof schemas, audience: readonly Role[], summary: string) =>
  commandRoute({ path, type, schema: schemas[type], audience, summary, tag: 'complaints', aggregate: 'complaint', ...(path.includes(':id') ? { idField: 'complaintId' } : {}) });

/** The Complaint command routes (stream `complaint-<id>`). */
export const complaintRoutes = {
  file: route('/complaints', 'FileComplaint', SALES, 'File a complaint'),
  assign: route('/complaints/:id/assignment', 'AssignComplaint', MANAGERS, 'Assign the handler (never the customer\'s own rep)'),
  acknowledge: route('/complaints/:id/acknowledgement', 'AcknowledgeComplaint', SALES, 'Acknowledge the complaint to the customer'),
  investigate: route('/complaints/:id/investigation', 'RecordInvestigation', SALES, 'Record investigation findings and root cause'),
  awaitCustomer: route('/complaints/:id/awaiting-customer', 'AwaitCustomer', SALES, 'Wait on the customer (pauses the SLA clock)'),
  customerResponse: route('/complaints/:id/customer-response', 'RecordCustomerResponse', SALES, 'Record the customer\'s answer (resumes the SLA clock)'),
  escalate: route('/complaints/:id/escalation', 'EscalateComplaint', SALES, 'Escalate the complaint'),
  resolve: route('/complaints/:id/resolution', 'ResolveComplaint', SALES, 'Resolve the complaint'),
  close: route('/complaints/:id/closure', 'CloseComplaint', SALES, 'Close with the customer\'s satisfaction with the handling'),
  reopen: route('/complaints/:id/reopening', 'ReopenComplaint', SALES, 'Reopen within 30 days of closing'),
} as const;
