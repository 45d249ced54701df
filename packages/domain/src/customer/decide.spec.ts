import { deciderSpec } from '../testing/decider-spec.js';
import { registeredCustomerDecider as customerDecider } from './testing.js';
import type { CustomerProfileUpdated, ProfileField } from './events.js';
import * as t from './testing.js';

const given = deciderSpec(customerDecider);
const registered = t.customerRegistered();

describe('RegisterCustomer', () => {
  it('registers a customer with null profile fields when they are not given', () => {
    given([]).when(t.registerCustomer()).then([registered]);
  });
  it('keeps the optional profile fields when given', () => {
    const profile = {
      size: 'medium',
      businessScope: 'Fasteners wholesale',
      purchasingHabits: 'Monthly orders',
    } as const;
    given([])
      .when(t.registerCustomer(profile))
      .then([t.customerRegistered(profile)]);
  });
  it('registers a customer only once', () => {
    given([registered]).when(t.registerCustomer()).then('CUSTOMER_ALREADY_REGISTERED');
    given([registered, t.deactivated()]).when(t.registerCustomer()).then('CUSTOMER_ALREADY_REGISTERED');
  });
  it('lets a rep register only customers they own', () => {
    given([]).when(t.registerCustomer({}, t.otherRep)).then('FORBIDDEN_SCOPE');
    given([])
      .when(t.registerCustomer({ ownerRepId: t.otherRep.id }, t.otherRep))
      .then([t.customerRegistered({ ownerRepId: t.otherRep.id })]);
  });
  it('lets a regional manager register only in their region, and a sales manager or the system anywhere', () => {
    given([]).when(t.registerCustomer({}, t.westManager)).then('FORBIDDEN_SCOPE');
    given([]).when(t.registerCustomer({}, t.eastManager)).then([registered]);
    given([]).when(t.registerCustomer({}, t.salesManager)).then([registered]);
    given([]).when(t.registerCustomer({}, t.system)).then([registered]);
  });
  it.each([t.analyst, t.finance, t.auditor])('refuses a $role', (by) => {
    given([]).when(t.registerCustomer({}, by)).then('CUSTOMER_NOT_AUTHORIZED');
  });
});

describe('UpdateCustomerProfile', () => {
  const reviewed = (data: Partial<CustomerProfileUpdated>, changedFields: ProfileField[], by = t.rep) =>
    t.profileUpdated({ ...data, changedFields }, by);
  it('changes the given fields, keeps the absent ones and records the review', () => {
    given([registered])
      .when(t.updateProfile({ size: 'large', segment: 'key_account' }))
      .then([reviewed({ size: 'large', segment: 'key_account' }, ['size', 'segment'])]);
    given([registered])
      .when(t.updateProfile({ purchasingHabits: 'Orders before holidays' }))
      .then([t.profileUpdated({ purchasingHabits: 'Orders before holidays', changedFields: ['purchasingHabits'] })]);
  });
  it('clears a field given as null', () => {
    const withScope = t.customerRegistered({ businessScope: 'Fasteners', purchasingHabits: 'Quarterly' });
    given([withScope])
      .when(t.updateProfile({ businessScope: null }))
      .then([reviewed({ purchasingHabits: 'Quarterly' }, ['businessScope'])]);
  });
  it('records a review with no change as a review that changed nothing', () => {
    given([registered])
      .when(t.updateProfile())
      .then([reviewed({}, [])]);
  });
  it('refuses a deactivated or unknown customer', () => {
    given([registered, t.deactivated()])
      .when(t.updateProfile({ size: 'large' }))
      .then('CUSTOMER_DEACTIVATED');
    given([]).when(t.updateProfile()).then('FORBIDDEN_SCOPE');
  });
  it('is for the owner rep and the managers of the region', () => {
    given([registered]).when(t.updateProfile({}, t.otherRep)).then('FORBIDDEN_SCOPE');
    given([registered]).when(t.updateProfile({}, t.westManager)).then('FORBIDDEN_SCOPE');
    given([registered])
      .when(t.updateProfile({}, t.eastManager))
      .then([reviewed({}, [], t.eastManager)]);
  });
});

describe('ChangeCustomerContact', () => {
  it('replaces the contact person', () => {
    given([registered]).when(t.changeContact()).then([t.contactChanged()]);
  });
  it('is a no-op for the same contact', () => {
    given([registered]).when(t.changeContact(t.contact())).then([]);
  });
  it('is refused after deactivation, after erasure, and for others than the owner', () => {
    given([registered, t.deactivated()]).when(t.changeContact()).then('CUSTOMER_DEACTIVATED');
    given([registered, t.personalDataForgotten()]).when(t.changeContact()).then('CUSTOMER_PERSONAL_DATA_ERASED');
    given([registered]).when(t.changeContact(t.newContact(), t.otherRep)).then('FORBIDDEN_SCOPE');
    given([]).when(t.changeContact()).then('FORBIDDEN_SCOPE');
  });
});

describe('ReassignCustomer', () => {
  it('is for managers only', () => {
    given([registered]).when(t.reassign({}, t.rep)).then('CUSTOMER_NOT_AUTHORIZED');
    given([registered]).when(t.reassign({}, t.finance)).then('CUSTOMER_NOT_AUTHORIZED');
    given([registered]).when(t.reassign({}, t.eastManager)).then([t.reassigned()]);
    given([registered])
      .when(t.reassign({ region: t.WEST }, t.salesManager))
      .then([
        {
          ...t.reassigned(t.otherRep.id, t.WEST),
          data: { ...t.reassigned(t.otherRep.id, t.WEST).data, reassignedBy: t.salesManager.id },
        },
      ]);
  });
  it('limits a regional manager to their region, for the old and the new home region', () => {
    given([registered]).when(t.reassign({}, t.westManager)).then('FORBIDDEN_SCOPE');
    given([registered])
      .when(t.reassign({ region: t.WEST }, t.eastManager))
      .then('CUSTOMER_NOT_AUTHORIZED');
  });
  it('is a no-op when nothing changes, and refused after deactivation', () => {
    given([registered])
      .when(t.reassign({ ownerRepId: t.rep.id, region: t.EAST }))
      .then([]);
    given([registered, t.deactivated()]).when(t.reassign()).then('CUSTOMER_DEACTIVATED');
  });
  it('hands the customer to the new owner', () => {
    given([registered, t.reassigned()]).when(t.changeContact(t.newContact(), t.rep)).then('FORBIDDEN_SCOPE');
    given([registered, t.reassigned()]).when(t.changeContact(t.newContact(), t.otherRep)).then([t.contactChanged()]);
  });
});

describe('SetCreditLimit', () => {
  it('is for managers of the customer region only', () => {
    given([registered]).when(t.setCreditLimit(5_000_000, t.eastManager)).then([t.creditLimitSet()]);
    given([registered]).when(t.setCreditLimit(5_000_000, t.rep)).then('CUSTOMER_NOT_AUTHORIZED');
    given([registered]).when(t.setCreditLimit(5_000_000, t.westManager)).then('FORBIDDEN_SCOPE');
  });
  it('records the previous limit, and the same limit again is a no-op', () => {
    const raised = given([registered, t.creditLimitSet()])
      .when(t.setCreditLimit(8_000_000))
      .then([
        {
          type: 'CustomerCreditLimitSet',
          data: { ...t.creditLimitSet(8_000_000).data, previousCreditLimit: { amount: 5_000_000, currency: t.CNY } },
        },
      ]);
    expect(raised).toHaveLength(1);
    given([registered, t.creditLimitSet()]).when(t.setCreditLimit(5_000_000)).then([]);
  });
  it('is refused after deactivation', () => {
    given([registered, t.deactivated()]).when(t.setCreditLimit()).then('CUSTOMER_DEACTIVATED');
  });
});

describe('RecordSatisfactionSurvey', () => {
  it('records an answer with the region, owner and segment of the customer', () => {
    given([registered]).when(t.recordSurvey()).then([t.surveyRecorded()]);
  });
  it('records an answer without a comment', () => {
    const { comment: _comment, ...withoutComment } = t.surveyRecorded().data;
    given([registered])
      .when(t.recordSurvey({ comment: undefined }))
      .then([{ type: 'SatisfactionSurveyRecorded', data: withoutComment }]);
  });
  it('takes one answer per survey id: the same again is a no-op, a different one is refused', () => {
    given([registered, t.surveyRecorded()]).when(t.recordSurvey()).then([]);
    given([registered, t.surveyRecorded()])
      .when(t.recordSurvey({ nps: 3 }))
      .then('CUSTOMER_SURVEY_ALREADY_ANSWERED');
    given([registered, t.surveyRecorded()])
      .when(t.recordSurvey({ comment: 'changed my mind' }))
      .then('CUSTOMER_SURVEY_ALREADY_ANSWERED');
    given([registered, t.surveyRecorded()])
      .when(t.recordSurvey({ surveyId: t.surveyId('s-2026-04'), period: '2026-04' }))
      .then([t.surveyRecorded({ surveyId: t.surveyId('s-2026-04'), period: '2026-04' })]);
  });
  it('refuses new answers after deactivation, but a retried answer is still a no-op', () => {
    given([registered, t.deactivated()]).when(t.recordSurvey()).then('CUSTOMER_DEACTIVATED');
    given([registered, t.surveyRecorded(), t.deactivated()]).when(t.recordSurvey()).then([]);
  });
  it('after erasure refuses a comment, takes answers without one, and compares repeats without the erased comment', () => {
    given([registered, t.personalDataForgotten()]).when(t.recordSurvey()).then('CUSTOMER_PERSONAL_DATA_ERASED');
    const { comment: _comment, ...withoutComment } = t.surveyRecorded().data;
    given([registered, t.personalDataForgotten()])
      .when(t.recordSurvey({ comment: undefined }))
      .then([{ type: 'SatisfactionSurveyRecorded', data: withoutComment }]);
    given([registered, t.surveyRecorded(), t.personalDataForgotten()]).when(t.recordSurvey()).then([]);
  });
  it('is for the owner rep, managers of the region and the system', () => {
    given([registered]).when(t.recordSurvey({}, t.otherRep)).then('FORBIDDEN_SCOPE');
    given([registered]).when(t.recordSurvey({}, t.system)).then([t.surveyRecorded()]);
    given([]).when(t.recordSurvey()).then('FORBIDDEN_SCOPE');
  });
});

describe('ForgetCustomerPersonalData', () => {
  it('records the erasure, also for a deactivated customer, once', () => {
    given([registered]).when(t.forget()).then([t.personalDataForgotten()]);
    given([registered, t.deactivated()]).when(t.forget()).then([t.personalDataForgotten()]);
    given([registered, t.personalDataForgotten()]).when(t.forget()).then([]);
  });
  it('is for managers of the region', () => {
    given([registered]).when(t.forget(t.rep)).then('CUSTOMER_NOT_AUTHORIZED');
    given([registered]).when(t.forget(t.westManager)).then('FORBIDDEN_SCOPE');
    given([]).when(t.forget()).then('FORBIDDEN_SCOPE');
  });
});

describe('DeactivateCustomer', () => {
  it('deactivates once; again is a no-op', () => {
    given([registered]).when(t.deactivate()).then([t.deactivated()]);
    given([registered, t.deactivated()]).when(t.deactivate()).then([]);
  });
  it('is for managers of the region', () => {
    given([registered]).when(t.deactivate(t.rep)).then('CUSTOMER_NOT_AUTHORIZED');
    given([registered]).when(t.deactivate(t.westManager)).then('FORBIDDEN_SCOPE');
    given([]).when(t.deactivate()).then('FORBIDDEN_SCOPE');
  });
});

describe('customerDecider', () => {
  it('fails loudly on a command type it does not know (a programming error, not a business rule)', () => {
    expect(() =>
      customerDecider.decide(
        { type: 'Nope', metadata: { actor: t.salesManager, occurredAt: '2026-03-01T09:00:00Z' } } as never,
        customerDecider.initialState(),
      ),
    ).toThrow('Unhandled case');
  });
});
