import { deciderSpec } from '../testing/decider-spec.js';
import { answerableInvitation } from './decide.js';
import { evolve, initialState, type SurveyCampaignState } from './state.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredCampaignDecider);
const east = { segments: [], regions: [t.EAST], orderedWithinMonths: 6 };
const [a, b, c] = [t.member('c-a'), t.member('c-b', t.WEST), t.member('c-c')];

describe('PlanSurveyCampaign', () => {
  it('is planned once by an analyst or the sales manager, with the standard questions; the same plan again is a no-op, other terms are refused', () => {
    given([]).when(t.plan()).then([t.planned()]);
    given([])
      .when(t.plan({}, t.salesManager))
      .then([t.planned({}, t.salesManager)]);
    given([t.planned()]).when(t.plan()).then([]);
    given([t.planned()])
      .when(t.plan({ closesOn: '2026-05-15' }))
      .then('CAMPAIGN_ALREADY_PLANNED');
  });
  it('lets a regional manager plan a campaign of their own region alone, nothing wider; never a rep, nor finance', () => {
    given([])
      .when(t.plan({ population: east }, t.eastManager))
      .then([t.planned({ population: east }, t.eastManager)]);
    given([]).when(t.plan({}, t.eastManager)).then('FORBIDDEN_SCOPE');
    given([])
      .when(t.plan({ population: { ...east, regions: [t.WEST] } }, t.eastManager))
      .then('FORBIDDEN_SCOPE');
    given([])
      .when(t.plan({ population: east }, t.rep))
      .then('FORBIDDEN_SCOPE');
    given([]).when(t.plan({}, t.finance)).then('CAMPAIGN_NOT_AUTHORIZED');
  });
});

describe('LaunchSurveyCampaign', () => {
  it("is a sales manager's: everyone in the population is invited, numbered in customer-id order; again is a no-op", () => {
    given([t.planned()])
      .when(t.launch([c, a, b]))
      .then(t.launched([a, b, c]));
    given([t.planned(), ...t.launched([a, b, c])])
      .when(t.launch([a, b, c]))
      .then([]);
  });
  it('draws a seeded sample: the same seed draws the same customers, the whole population when it is no larger', () => {
    const members = ['c-1', 'c-2', 'c-3', 'c-4', 'c-5'].map((id) => t.member(id));
    const sample = { kind: 'random' as const, size: 2, seed: 42 };
    const drawn = given([t.planned({ sample })])
      .when(t.launch(members))
      .then(t.launched([members[2]!, members[3]!], 5));
    expect(
      given([t.planned({ sample })])
        .when(t.launch([...members].reverse()))
        .then(drawn),
    ).toHaveLength(3);
    given([t.planned({ sample: { ...sample, size: 5 } })])
      .when(t.launch(members))
      .then(t.launched(members));
  });
  it("is not an analyst's nor a regional manager's, even for their region; needs a planned campaign", () => {
    given([t.planned()])
      .when(t.launch([a], t.analyst))
      .then('CAMPAIGN_NOT_AUTHORIZED');
    given([t.planned({ population: east }, t.eastManager)])
      .when(t.launch([a], t.eastManager))
      .then('CAMPAIGN_NOT_AUTHORIZED');
    given([])
      .when(t.launch([a]))
      .then('CAMPAIGN_NOT_FOUND');
  });
  it('is refused after the campaign closes (its closing day is still in time)', () => {
    given([t.planned()])
      .when(t.launch([a], t.salesManager, '2026-04-30'))
      .then(t.launched([a]));
    given([t.planned()])
      .when(t.launch([a], t.salesManager, '2026-05-01'))
      .then('CAMPAIGN_CLOSED');
  });
  it('refuses an empty population, and any customer outside it or passed twice', () => {
    given([t.planned()]).when(t.launch([])).then('CAMPAIGN_POPULATION_EMPTY');
    given([t.planned({ population: east })])
      .when(t.launch([a, b]))
      .then('CAMPAIGN_POPULATION_MISMATCH');
    given([t.planned({ population: { ...east, regions: [], segments: ['retail'] } })])
      .when(t.launch([a]))
      .then('CAMPAIGN_POPULATION_MISMATCH');
    given([t.planned()])
      .when(t.launch([a, a]))
      .then('CAMPAIGN_POPULATION_MISMATCH');
    // Six months before 2026-03-31 is 2025-09-30: an order that day counts, the day before does not, nor one after the launch.
    given([t.planned()])
      .when(t.launch([t.member('c-old', t.EAST, '2025-09-30')]))
      .then(t.launched([t.member('c-old', t.EAST, '2025-09-30')]));
    given([t.planned()])
      .when(t.launch([t.member('c-old', t.EAST, '2025-09-29')]))
      .then('CAMPAIGN_POPULATION_MISMATCH');
    given([t.planned()])
      .when(t.launch([t.member('c-new', t.EAST, '2026-04-01')]))
      .then('CAMPAIGN_POPULATION_MISMATCH');
  });
});

describe('an invitation to answer', () => {
  const fold = (events: Parameters<typeof evolve>[1][]): SurveyCampaignState => events.reduce(evolve, initialState());
  const state = fold([t.planned(), ...t.launched([a, b])]);
  it('exists once launched and takes answers from the opening to the closing day', () => {
    expect(answerableInvitation(state, 'q1-2026.2', '2026-04-01')).toMatchObject({
      _tag: 'Right',
      right: { customerId: 'c-b', region: 'west', campaign: { period: '2026-03' } },
    });
    expect(answerableInvitation(state, 'q1-2026.1', '2026-04-30')).toMatchObject({
      _tag: 'Right',
      right: { customerId: 'c-a' },
    });
    expect(answerableInvitation(state, 'q1-2026.1', '2026-03-31')).toMatchObject({
      left: { code: 'CAMPAIGN_NOT_OPEN' },
    });
    expect(answerableInvitation(state, 'q1-2026.1', '2026-05-01')).toMatchObject({
      left: { code: 'CAMPAIGN_NOT_OPEN' },
    });
  });
  it('does not exist when unknown or before the launch', () => {
    expect(answerableInvitation(state, 'q1-2026.3', '2026-04-10')).toMatchObject({
      left: { code: 'CAMPAIGN_INVITATION_NOT_FOUND' },
    });
    expect(answerableInvitation(fold([t.planned()]), 'q1-2026.1', '2026-04-10')).toMatchObject({
      left: { code: 'CAMPAIGN_INVITATION_NOT_FOUND' },
    });
  });
  it('ignores events that do not apply to the state', () => {
    expect(fold(t.launched([a]))).toEqual({ status: 'none' });
    expect(fold([t.planned(), t.planned({ name: 'other' })])).toEqual(fold([t.planned()]));
  });
});
