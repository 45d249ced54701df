import type { WithAccess } from '../shared/access.js';
import { complaintAccess } from './access.js';
import type { Either } from 'fp-ts/lib/Either.js';
import { assertNever } from '../shared/assert-never.js';
import type { Decider } from '../shared/decider.js';
import type { DomainError } from '../shared/domain-error.js';
import type { ComplaintCommand } from './commands.js';
import { acknowledgeComplaint } from './decide/acknowledge-complaint.js';
import { assignComplaint } from './decide/assign-complaint.js';
import { awaitCustomer } from './decide/await-customer.js';
import { approveCompensation, rejectCompensation } from './decide/decide-compensation.js';
import { requestCompensationApproval } from './decide/request-compensation.js';
import { closeComplaint } from './decide/close-complaint.js';
import { escalateComplaint } from './decide/escalate-complaint.js';
import { fileComplaint } from './decide/file-complaint.js';
import { recordCustomerResponse } from './decide/record-customer-response.js';
import { recordInvestigation } from './decide/record-investigation.js';
import { reopenComplaint } from './decide/reopen-complaint.js';
import { resolveComplaint } from './decide/resolve-complaint.js';
import type { ComplaintEvent } from './events.js';
import { evolve, initialState, type ComplaintState } from './state.js';

/** Decides a Complaint command against the complaint's state. */
export function decide(
  command: WithAccess<ComplaintCommand>,
  state: ComplaintState,
): Either<DomainError, readonly ComplaintEvent[]> {
  const access = complaintAccess(command, state);
  if (access._tag === 'Left') return access;
  switch (command.type) {
    case 'FileComplaint':
      return fileComplaint(command, state);
    case 'AssignComplaint':
      return assignComplaint(command, state);
    case 'AcknowledgeComplaint':
      return acknowledgeComplaint(command, state);
    case 'RecordInvestigation':
      return recordInvestigation(command, state);
    case 'AwaitCustomer':
      return awaitCustomer(command, state);
    case 'RecordCustomerResponse':
      return recordCustomerResponse(command, state);
    case 'EscalateComplaint':
      return escalateComplaint(command, state);
    case 'ResolveComplaint':
      return resolveComplaint(command, state);
    case 'RequestCompensationApproval':
      return requestCompensationApproval(command, state);
    case 'ApproveCompensation':
      return approveCompensation(command, state);
    case 'RejectCompensation':
      return rejectCompensation(command, state);
    case 'CloseComplaint':
      return closeComplaint(command, state);
    case 'ReopenComplaint':
      return reopenComplaint(command, state);
    default:
      return assertNever(command);
  }
}

/** The Complaint aggregate (stream `complaint-<id>`) as a decider. */
export const complaintDecider: Decider<WithAccess<ComplaintCommand>, ComplaintEvent, ComplaintState> = {
  initialState,
  decide,
  evolve,
};
