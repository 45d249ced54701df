import { RegionId } from '@salesbook/domain';
import { registeredAccess, testActor } from '@salesbook/domain/testing';

// One customer with a contact, a survey comment and a complaint that name her; a second customer kept.
export const EMAIL = 'zhang.wei.privacy@example.com';
export const PHONE = '+86 138 0013 8000';
export const NAME = 'Zhang Wei';
export const KEPT_EMAIL = 'li.na.kept@example.com';

const rep = testActor('rep-1', 'sales_rep', 'east');
const manager = testActor('rm-east', 'regional_manager', 'east');
// The register agrees with every token here and rep-1 is a rep of the east region: access is not what these tests are about.
export const repAccess = registeredAccess(rep, RegionId.parse('east'));
export const managerAccess = registeredAccess(manager);
const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;

export const register = (customerId: string, email: string) => ({
  type: 'RegisterCustomer',
  data: {
    customerId,
    companyName: `${customerId} Trading Co.`,
    contact: { name: NAME, phone: PHONE, email },
    region: 'east',
    segment: 'smb',
    ownerRepId: rep.id,
  },
  access: repAccess,
  metadata: { actor: rep, occurredAt: at(1) },
});

export const survey = (customerId: string) => ({
  type: 'RecordSatisfactionSurvey',
  data: {
    customerId,
    surveyId: 'srv-1',
    period: '2026-03',
    nps: 6,
    csat: 3,
    scores: { productQuality: 4, delivery: 2, service: 3, price: 3 },
    comment: `Call me on ${PHONE}, ${NAME}`,
  },
  access: repAccess,
  metadata: { actor: rep, occurredAt: at(2) },
});

export const fileComplaint = (customerId: string, complaintId: string) => ({
  type: 'FileComplaint',
  data: {
    complaintId,
    customerId,
    channel: 'email',
    category: 'delivery',
    severity: 'high',
    description: `${NAME} (${EMAIL}, ${PHONE}) says two pallets arrived broken.`,
  },
  inputs: { customer: { ownerRepId: rep.id, region: 'east' } },
  access: repAccess,
  metadata: { actor: rep, occurredAt: at(3) },
});

export const forget = (customerId: string) => ({
  type: 'ForgetCustomerPersonalData',
  data: { customerId, reason: 'data subject request 2026-31' },
  access: managerAccess,
  metadata: { actor: manager, occurredAt: at(9) },
});

export { everyFile, filesHolding } from '@salesbook/eventstore/testing';
