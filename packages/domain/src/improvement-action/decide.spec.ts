import { OpenImprovementAction } from './commands.js';
import { deciderSpec } from '../testing/decider-spec.js';
import { evolve, initialState } from './state.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredActionDecider);
const companyWide = { region: undefined };

describe('OpenImprovementAction', () => {
  it('is opened once by a regional manager for their region or by the sales manager for any; the same terms again are a no-op, other terms are refused', () => {
    given([]).when(t.open()).then([t.opened()]);
    given([])
      .when(t.open(companyWide, t.salesManager))
      .then([t.opened(companyWide, t.salesManager)]);
    given([t.opened()]).when(t.open()).then([]);
    given([t.opened()])
      .when(t.open({ dueOn: '2026-06-30' }))
      .then('ACTION_ALREADY_OPENED');
  });
  it("is outside a regional manager's scope for another region or the whole company, a rep's always; an analyst may not open one", () => {
    given([]).when(t.open({}, t.westManager)).then('FORBIDDEN_SCOPE');
    given([]).when(t.open(companyWide)).then('FORBIDDEN_SCOPE');
    given([]).when(t.open({}, t.rep)).then('FORBIDDEN_SCOPE');
    given([]).when(t.open({}, t.analyst)).then('ACTION_NOT_AUTHORIZED');
  });
  it('names its finding with a known report, metric, group and months, not free text alone', () => {
    const parse = (finding: unknown) => OpenImprovementAction.safeParse({ ...t.openData(), finding }).success;
    expect(parse(t.openData().finding)).toBe(true);
    expect(
      parse({
        report: 'complaints',
        metric: 'rootCause',
        rootCause: 'billing_error',
        period: { from: '2026-01', to: '2026-03' },
        value: 14,
      }),
    ).toBe(true);
    expect(
      parse({ report: 'complaints', metric: 'rootCause', period: { from: '2026-01', to: '2026-03' }, value: 14 }),
    ).toBe(false);
    expect(
      parse({ report: 'satisfaction', metric: 'mood', period: { from: '2026-01', to: '2026-03' }, value: 1 }),
    ).toBe(false);
    expect(parse({ report: 'satisfaction', metric: 'nps', period: { from: '2026-03', to: '2026-01' }, value: 1 })).toBe(
      false,
    );
    expect(parse({ report: 'sales', metric: 'nps', period: { from: '2026-01', to: '2026-01' }, value: 1 })).toBe(false);
    expect(parse('deliveries are slow')).toBe(false);
  });
});

describe('ChangeImprovementActionStatus', () => {
  it('moves open -> in progress -> done, each change dated by the command, with its note; asking for the status it has is a no-op', () => {
    given([t.opened()])
      .when(t.change('in_progress'))
      .then([t.changed('open', 'in_progress')]);
    given([t.opened(), t.changed('open', 'in_progress')])
      .when(t.change('done', t.salesManager, 20))
      .then([t.changed('in_progress', 'done', t.salesManager, 20)]);
    given([t.opened(), t.changed('open', 'in_progress')])
      .when(t.change('in_progress'))
      .then([]);
  });
  it('drops an open or started action; done and dropped are final; an open action is not done before it is started', () => {
    given([t.opened()])
      .when(t.change('dropped'))
      .then([t.changed('open', 'dropped')]);
    given([t.opened(), t.changed('open', 'in_progress')])
      .when(t.change('dropped'))
      .then([t.changed('in_progress', 'dropped')]);
    given([t.opened()]).when(t.change('done')).then('ACTION_TRANSITION_NOT_ALLOWED');
    const done = [t.opened(), t.changed('open', 'in_progress'), t.changed('in_progress', 'done')];
    expect(given(done).when(t.change('dropped')).thenError('ACTION_TRANSITION_NOT_ALLOWED').details).toEqual({
      from: 'done',
      to: 'dropped',
    });
    given([t.opened(), t.changed('open', 'dropped')])
      .when(t.change('in_progress'))
      .then('ACTION_TRANSITION_NOT_ALLOWED');
  });
  it('needs an action; the same access rules as opening, whether or not it exists', () => {
    given([]).when(t.change('in_progress', t.salesManager)).then('ACTION_NOT_FOUND');
    given([]).when(t.change('in_progress')).then('FORBIDDEN_SCOPE');
    given([t.opened()]).when(t.change('in_progress', t.westManager)).then('FORBIDDEN_SCOPE');
    given([t.opened()]).when(t.change('in_progress', t.analyst)).then('ACTION_NOT_AUTHORIZED');
  });
});

describe('evolve', () => {
  it('ignores a status change before the opening and a second opening', () => {
    expect(evolve(initialState(), t.changed('open', 'in_progress'))).toEqual({ status: 'none' });
    const once = evolve(initialState(), t.opened());
    expect(evolve(once, t.opened({ dueOn: '2026-06-30' }))).toBe(once);
  });
});
