import type { z } from 'zod';
import { complaintCommandSchemas as schemas } from '@salesbook/domain';
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
    tag: 'complaints',
    aggregate: 'complaint',
    ...(path.includes(':id') ? { idField: 'complaintId' } : {}),
  });

/** The Complaint command routes (stream `complaint-<id>`). */
export const complaintRoutes = {
  file: route('/complaints', 'FileComplaint', schemas.FileComplaint, 'File a complaint'),
  assign: route(
    '/complaints/:id/assignment',
    'AssignComplaint',
    schemas.AssignComplaint,
    "Assign the handler (never the customer's own rep)",
  ),
  acknowledge: route(
    '/complaints/:id/acknowledgement',
    'AcknowledgeComplaint',
    schemas.AcknowledgeComplaint,
    'Acknowledge the complaint to the customer',
  ),
  investigate: route(
    '/complaints/:id/investigation',
    'RecordInvestigation',
    schemas.RecordInvestigation,
    'Record investigation findings and root cause',
  ),
  awaitCustomer: route(
    '/complaints/:id/awaiting-customer',
    'AwaitCustomer',
    schemas.AwaitCustomer,
    'Wait on the customer (pauses the SLA clock)',
  ),
  customerResponse: route(
    '/complaints/:id/customer-response',
    'RecordCustomerResponse',
    schemas.RecordCustomerResponse,
    "Record the customer's answer (resumes the SLA clock)",
  ),
  escalate: route(
    '/complaints/:id/escalation',
    'EscalateComplaint',
    schemas.EscalateComplaint,
    'Escalate the complaint',
  ),
  resolve: route('/complaints/:id/resolution', 'ResolveComplaint', schemas.ResolveComplaint, 'Resolve the complaint'),
  requestCompensation: route(
    '/complaints/:id/compensation-request',
    'RequestCompensationApproval',
    schemas.RequestCompensationApproval,
    'Ask a manager to approve a compensation above the threshold',
  ),
  approveCompensation: route(
    '/complaints/:id/compensation-approval',
    'ApproveCompensation',
    schemas.ApproveCompensation,
    'Approve the pending compensation request (a manager of the region, not the requester)',
  ),
  rejectCompensation: route(
    '/complaints/:id/compensation-rejection',
    'RejectCompensation',
    schemas.RejectCompensation,
    'Reject the pending compensation request with a reason (a manager of the region, not the requester)',
  ),
  close: route(
    '/complaints/:id/closure',
    'CloseComplaint',
    schemas.CloseComplaint,
    "Close with the customer's satisfaction with the handling",
  ),
  reopen: route(
    '/complaints/:id/reopening',
    'ReopenComplaint',
    schemas.ReopenComplaint,
    'Reopen within 30 days of closing',
  ),
} as const;
