import type { ActorId, CustomerId, RegionId } from '../shared/ids.js';
import type { Money } from '../shared/money.js';
import type { CustomerEvent, CustomerRegistered, SatisfactionSurveyRecorded, StoredContact } from './events.js';
import type { CustomerSize, StoredSegment, SurveyScores } from './vocabulary.js';

/** The contact person after ForgetCustomerPersonalData: every field reads as erased. */
export interface ErasedContact {
  readonly name: null;
  readonly phone: null;
  readonly email: null;
}

/** The erased contact. */
export const ERASED_CONTACT: ErasedContact = { name: null, phone: null, email: null };

/** One survey answer, kept to recognise a repeated survey id; `comment` is `null` when absent or erased. */
export interface SurveyAnswer {
  readonly period: string;
  readonly nps: number;
  readonly csat: number;
  readonly scores: SurveyScores;
  readonly comment: string | null;
}

/** The follow-up of an unhappy answer; `actionTaken` is `null` while open, when absent, or once erased. */
export interface FollowUp {
  readonly status: 'open' | 'closed';
  readonly actionTaken: string | null;
  readonly recovered: boolean | null;
}

/** No customer in the stream yet. */
export interface NoCustomer {
  readonly status: 'none';
}

/** A registered customer, active or deactivated. */
export interface Customer {
  readonly status: 'active' | 'deactivated';
  readonly customerId: CustomerId;
  readonly companyName: string;
  readonly contact: StoredContact | ErasedContact;
  readonly personalDataErased: boolean;
  readonly region: RegionId;
  readonly segment: StoredSegment;
  readonly ownerRepId: ActorId;
  readonly size: CustomerSize | null;
  readonly businessScope: string | null;
  readonly purchasingHabits: string | null;
  readonly registeredAt: string;
  /** Last profile review (registration counts as the first). */
  readonly reviewedAt: string;
  readonly creditLimit: Money | null;
  readonly surveys: Readonly<Record<string, SurveyAnswer>>;
  /** Follow-ups of unhappy answers, by survey id. */
  readonly followUps: Readonly<Record<string, FollowUp>>;
  readonly deactivatedAt: string | null;
}

/** The state of a customer stream. */
export type CustomerState = NoCustomer | Customer;

/** Status of a customer stream, `none` before registration. */
export type CustomerStatus = CustomerState['status'];

/** The state before any event. */
export const initialState = (): CustomerState => ({ status: 'none' });

const registered = (data: CustomerRegistered): Customer => ({
  status: 'active',
  customerId: data.customerId,
  companyName: data.companyName,
  contact: data.contact,
  personalDataErased: false,
  region: data.region,
  segment: data.segment,
  ownerRepId: data.ownerRepId,
  size: data.size,
  businessScope: data.businessScope,
  purchasingHabits: data.purchasingHabits,
  registeredAt: data.registeredAt,
  reviewedAt: data.registeredAt,
  creditLimit: null,
  surveys: {},
  followUps: {},
  deactivatedAt: null,
});

const surveyAnswer = (data: SatisfactionSurveyRecorded, erased: boolean): SurveyAnswer => ({
  period: data.period,
  nps: data.nps,
  csat: data.csat,
  scores: data.scores,
  comment: erased ? null : (data.comment ?? null),
});

const eraseComments = (surveys: Customer['surveys']): Customer['surveys'] =>
  Object.fromEntries(Object.entries(surveys).map(([id, answer]) => [id, { ...answer, comment: null }]));

const eraseActions = (followUps: Customer['followUps']): Customer['followUps'] =>
  Object.fromEntries(Object.entries(followUps).map(([id, followUp]) => [id, { ...followUp, actionTaken: null }]));

const withFollowUp = (state: Customer, surveyId: string, followUp: FollowUp): Customer => ({
  ...state,
  followUps: { ...state.followUps, [surveyId]: followUp },
});

/** Applies an event to an existing customer. */
function evolveCustomer(state: Customer, event: CustomerEvent): Customer {
  switch (event.type) {
    case 'CustomerRegistered':
      return state;
    case 'CustomerProfileUpdated': {
      const { size, businessScope, purchasingHabits, segment, reviewedAt } = event.data;
      return { ...state, size, businessScope, purchasingHabits, segment, reviewedAt };
    }
    case 'CustomerContactChanged':
      return { ...state, contact: event.data.contact };
    case 'CustomerReassigned':
      return { ...state, ownerRepId: event.data.toRepId, region: event.data.toRegion };
    case 'CustomerCreditLimitSet':
      return { ...state, creditLimit: event.data.creditLimit };
    case 'SatisfactionSurveyRecorded':
      return {
        ...state,
        surveys: { ...state.surveys, [event.data.surveyId]: surveyAnswer(event.data, state.personalDataErased) },
      };
    case 'CustomerPersonalDataForgotten':
      return {
        ...state,
        contact: ERASED_CONTACT,
        personalDataErased: true,
        surveys: eraseComments(state.surveys),
        followUps: eraseActions(state.followUps),
      };
    case 'CustomerDeactivated':
      return { ...state, status: 'deactivated', deactivatedAt: event.data.deactivatedAt };
    case 'DetractorFollowUpOpened':
      return withFollowUp(state, event.data.surveyId, { status: 'open', actionTaken: null, recovered: null });
    case 'DetractorFollowUpClosed': {
      const actionTaken = state.personalDataErased ? null : (event.data.actionTaken ?? null);
      return withFollowUp(state, event.data.surveyId, {
        status: 'closed',
        actionTaken,
        recovered: event.data.recovered,
      });
    }
  }
}

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export function evolve(state: CustomerState, event: CustomerEvent): CustomerState {
  if (state.status === 'none') return event.type === 'CustomerRegistered' ? registered(event.data) : state;
  return evolveCustomer(state, event);
}
