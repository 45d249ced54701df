import {
  ActorId,
  ComplaintId,
  CustomerId,
  RegionId,
  Standing,
  SurveyId,
  type AccessFacts,
  type Actor,
  type ComplaintCommand,
  type CustomerCommand,
} from '@salesbook/domain';

// Small factories of the personal data specs: one customer with a contact, one complaint naming her.
export const CUSTOMER = CustomerId.parse('cust-pd-1');
export const COMPLAINT = ComplaintId.parse('cmp-pd-1');
export const EMAIL = 'wang.fang@example.com';
export const PHONE = '+86 21 5555-0100';
export const NAME = 'Wang Fang';
export const DESCRIPTION = `Two pallets arrived crushed; ${NAME} (${PHONE}) asks for a replacement.`;

const actor = (id: string, role: Actor['role'], region?: string): Actor => ({
  id: ActorId.parse(id),
  role,
  ...(region === undefined ? {} : { region: RegionId.parse(region) }),
});
export const rep = actor('rep-1', 'sales_rep', 'east');
export const handler = actor('rep-2', 'sales_rep', 'east');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
/** The register agrees with every token here and rep-1 is a rep of east: access is not what these specs are about. */
const registered = (who: Actor): AccessFacts => ({
  actor: Standing.parse({ active: true, role: who.role, region: who.region }),
  rep: Standing.parse({ active: true, role: 'sales_rep', region: 'east' }),
});
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

export const register = (customerId = CUSTOMER): CustomerCommand =>
  ({
    type: 'RegisterCustomer',
    data: {
      customerId,
      companyName: 'Shanghai Bolt Co.',
      contact: { name: NAME, phone: PHONE, email: EMAIL },
      region: RegionId.parse('east'),
      segment: 'smb',
      ownerRepId: rep.id,
    },
    access: registered(rep),
    metadata: { actor: rep, occurredAt: at(1) },
  }) as CustomerCommand;

export const survey = (comment: string, day = 3): CustomerCommand =>
  ({
    type: 'RecordSatisfactionSurvey',
    data: {
      customerId: CUSTOMER,
      surveyId: SurveyId.parse(`srv-${day}`),
      period: '2026-03',
      nps: 9,
      csat: 5,
      scores: { productQuality: 5, delivery: 4, service: 5, price: 3 },
      comment,
    },
    access: registered(rep),
    metadata: { actor: rep, occurredAt: at(day) },
  }) as CustomerCommand;

export const forgetCommand = (): CustomerCommand =>
  ({
    type: 'ForgetCustomerPersonalData',
    data: { customerId: CUSTOMER, reason: 'data subject request 2026-17' },
    access: registered(eastManager),
    metadata: { actor: eastManager, occurredAt: at(10) },
  }) as CustomerCommand;

export const fileComplaint = (): ComplaintCommand =>
  ({
    type: 'FileComplaint',
    data: {
      complaintId: COMPLAINT,
      customerId: CUSTOMER,
      channel: 'phone',
      category: 'delivery',
      severity: 'medium',
      description: DESCRIPTION,
    },
    inputs: { customer: { ownerRepId: rep.id, region: RegionId.parse('east') } },
    access: registered(rep),
    metadata: { actor: rep, occurredAt: at(4) },
  }) as ComplaintCommand;

export const assignComplaint = (): ComplaintCommand =>
  ({
    type: 'AssignComplaint',
    data: { complaintId: COMPLAINT, handlerId: handler.id },
    access: registered(eastManager),
    metadata: { actor: eastManager, occurredAt: at(4) },
  }) as ComplaintCommand;

export const recordInvestigation = (findings: string): ComplaintCommand =>
  ({
    type: 'RecordInvestigation',
    data: { complaintId: COMPLAINT, findings },
    access: registered(handler),
    metadata: { actor: handler, occurredAt: at(5) },
  }) as ComplaintCommand;

export const acknowledgeComplaint = (): ComplaintCommand =>
  ({
    type: 'AcknowledgeComplaint',
    data: { complaintId: COMPLAINT },
    access: registered(handler),
    metadata: { actor: handler, occurredAt: at(4) },
  }) as ComplaintCommand;
