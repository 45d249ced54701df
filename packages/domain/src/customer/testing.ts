import { registeredDecider } from '../testing/access.js';
import { customerDecider } from './decide.js';
import type { Actor } from '../shared/actors.js';
import { CustomerId, RegionId, SurveyId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import type {
  ChangeCustomerContactCommand,
  DeactivateCustomerCommand,
  ForgetCustomerPersonalDataCommand,
  ReassignCustomer,
  ReassignCustomerCommand,
  RecordSatisfactionSurvey,
  RecordSatisfactionSurveyCommand,
  RegisterCustomer,
  RegisterCustomerCommand,
  SetCreditLimitCommand,
  UpdateCustomerProfile,
  UpdateCustomerProfileCommand,
} from './commands.js';
import type {
  CustomerContactChangedEvent,
  CustomerCreditLimitSetEvent,
  CustomerDeactivatedEvent,
  CustomerPersonalDataForgottenEvent,
  CustomerProfileUpdatedEvent,
  CustomerReassignedEvent,
  CustomerRegisteredEvent,
  SatisfactionSurveyRecordedEvent,
} from './events.js';
import { ERASED_FIELDS } from './events.js';
import type { Contact } from './vocabulary.js';
import { testActor as actor } from '../testing/actors.js';

/** Test data for the Customer aggregate: small factories with sensible defaults. */
export const CUSTOMER_ID = CustomerId.parse('c-1');
export const EAST = RegionId.parse('east');
export const WEST = RegionId.parse('west');
export const CNY = Currency.parse('CNY');
export const surveyId = (value: string) => SurveyId.parse(value);

export const rep = actor('rep-1', 'sales_rep', 'east');
export const otherRep = actor('rep-2', 'sales_rep', 'east');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const westManager = actor('rm-west', 'regional_manager', 'west');
export const salesManager = actor('sm-1', 'sales_manager');
export const system = actor('importer', 'system');
export const analyst = actor('an-1', 'market_analyst');
export const finance = actor('fin-1', 'finance');
export const auditor = actor('aud-1', 'auditor');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;
const meta = (by: Actor, day: number) => ({ actor: by, occurredAt: at(day) });

export const contact = (overrides: Partial<Contact> = {}): Contact => ({
  name: 'Wang Fang',
  phone: '+86 21 5555-0100',
  email: 'wang.fang@example.com',
  ...overrides,
});
export const newContact = (): Contact =>
  contact({ name: 'Li Lei', phone: '138 0000 0000', email: 'li.lei@example.com' });

export const registerData = (overrides: Partial<RegisterCustomer> = {}): RegisterCustomer => ({
  customerId: CUSTOMER_ID,
  companyName: 'Shanghai Bolt Co.',
  contact: contact(),
  region: EAST,
  segment: 'smb',
  ownerRepId: rep.id,
  ...overrides,
});
export const registerCustomer = (
  overrides: Partial<RegisterCustomer> = {},
  by: Actor = rep,
): RegisterCustomerCommand => ({
  type: 'RegisterCustomer',
  data: registerData(overrides),
  metadata: meta(by, 1),
});
export const updateProfile = (
  data: Partial<UpdateCustomerProfile> = {},
  by: Actor = rep,
  day = 5,
): UpdateCustomerProfileCommand => ({
  type: 'UpdateCustomerProfile',
  data: { customerId: CUSTOMER_ID, ...data },
  metadata: meta(by, day),
});
export const changeContact = (to: Contact = newContact(), by: Actor = rep): ChangeCustomerContactCommand => ({
  type: 'ChangeCustomerContact',
  data: { customerId: CUSTOMER_ID, contact: to },
  metadata: meta(by, 6),
});
export const reassign = (data: Partial<ReassignCustomer> = {}, by: Actor = eastManager): ReassignCustomerCommand => ({
  type: 'ReassignCustomer',
  data: { customerId: CUSTOMER_ID, ownerRepId: otherRep.id, ...data },
  metadata: meta(by, 7),
});
export const setCreditLimit = (amount = 5_000_000, by: Actor = eastManager, currency = CNY): SetCreditLimitCommand => ({
  type: 'SetCreditLimit',
  data: { customerId: CUSTOMER_ID, creditLimit: { amount, currency } },
  metadata: meta(by, 8),
});
export const surveyData = (overrides: Partial<RecordSatisfactionSurvey> = {}): RecordSatisfactionSurvey => ({
  customerId: CUSTOMER_ID,
  surveyId: SurveyId.parse('s-2026-03'),
  period: '2026-03',
  nps: 9,
  csat: 4,
  scores: { productQuality: 5, delivery: 4, service: 4, price: 3 },
  comment: 'Deliveries were on time this month.',
  ...overrides,
});
export const recordSurvey = (
  overrides: Partial<RecordSatisfactionSurvey> = {},
  by: Actor = rep,
): RecordSatisfactionSurveyCommand => ({
  type: 'RecordSatisfactionSurvey',
  data: surveyData(overrides),
  metadata: meta(by, 10),
});
export const forget = (by: Actor = eastManager): ForgetCustomerPersonalDataCommand => ({
  type: 'ForgetCustomerPersonalData',
  data: { customerId: CUSTOMER_ID, reason: 'data subject request 2026-17' },
  metadata: meta(by, 12),
});
export const deactivate = (by: Actor = eastManager): DeactivateCustomerCommand => ({
  type: 'DeactivateCustomer',
  data: { customerId: CUSTOMER_ID, reason: 'company closed' },
  metadata: meta(by, 15),
});

export const customerRegistered = (
  overrides: Partial<CustomerRegisteredEvent['data']> = {},
): CustomerRegisteredEvent => ({
  type: 'CustomerRegistered',
  data: {
    customerId: CUSTOMER_ID,
    companyName: 'Shanghai Bolt Co.',
    contact: contact(),
    region: EAST,
    segment: 'smb',
    ownerRepId: rep.id,
    size: null,
    businessScope: null,
    purchasingHabits: null,
    registeredAt: at(1),
    ...overrides,
  },
});
export const profileUpdated = (
  overrides: Partial<CustomerProfileUpdatedEvent['data']> = {},
  by: Actor = rep,
  day = 5,
): CustomerProfileUpdatedEvent => ({
  type: 'CustomerProfileUpdated',
  data: {
    customerId: CUSTOMER_ID,
    size: null,
    businessScope: null,
    purchasingHabits: null,
    segment: 'smb',
    changedFields: [],
    reviewedBy: by.id,
    reviewedAt: at(day),
    ...overrides,
  },
});
export const contactChanged = (to: Contact = newContact()): CustomerContactChangedEvent => ({
  type: 'CustomerContactChanged',
  data: { customerId: CUSTOMER_ID, contact: to, changedAt: at(6) },
});
export const reassigned = (toRepId = otherRep.id, toRegion = EAST): CustomerReassignedEvent => ({
  type: 'CustomerReassigned',
  data: {
    customerId: CUSTOMER_ID,
    fromRepId: rep.id,
    toRepId,
    fromRegion: EAST,
    toRegion,
    reassignedBy: eastManager.id,
    reassignedAt: at(7),
  },
});
export const creditLimitSet = (amount = 5_000_000): CustomerCreditLimitSetEvent => ({
  type: 'CustomerCreditLimitSet',
  data: {
    customerId: CUSTOMER_ID,
    creditLimit: { amount, currency: CNY },
    previousCreditLimit: null,
    setBy: eastManager.id,
    setAt: at(8),
  },
});
export const surveyRecorded = (
  overrides: Partial<SatisfactionSurveyRecordedEvent['data']> = {},
): SatisfactionSurveyRecordedEvent => ({
  type: 'SatisfactionSurveyRecorded',
  data: {
    customerId: CUSTOMER_ID,
    surveyId: SurveyId.parse('s-2026-03'),
    period: '2026-03',
    nps: 9,
    csat: 4,
    scores: { productQuality: 5, delivery: 4, service: 4, price: 3 },
    comment: 'Deliveries were on time this month.',
    region: EAST,
    ownerRepId: rep.id,
    segment: 'smb',
    respondedAt: at(10),
    ...overrides,
  },
});
export const personalDataForgotten = (): CustomerPersonalDataForgottenEvent => ({
  type: 'CustomerPersonalDataForgotten',
  data: {
    customerId: CUSTOMER_ID,
    erasedFields: [...ERASED_FIELDS],
    reason: 'data subject request 2026-17',
    forgottenBy: eastManager.id,
    forgottenAt: at(12),
  },
});
export const deactivated = (): CustomerDeactivatedEvent => ({
  type: 'CustomerDeactivated',
  data: { customerId: CUSTOMER_ID, reason: 'company closed', deactivatedBy: eastManager.id, deactivatedAt: at(15) },
});

/** The Customer decider with every actor registered as their token says and a named owner active in the customer's region. */
export const registeredCustomerDecider = registeredDecider(customerDecider, (command, state) => {
  if (command.type === 'RegisterCustomer') return command.data.region;
  if (command.type === 'ReassignCustomer')
    return command.data.region ?? (state.status === 'none' ? undefined : state.region);
  return undefined;
});
