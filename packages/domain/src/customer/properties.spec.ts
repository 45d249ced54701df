import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import type { Actor } from '../shared/actors.js';
import { fold } from '../shared/decider.js';
import { createEventRegistry } from '../shared/event-registry.js';
import { deepEqual } from '../testing/decider-spec.js';
import type { CustomerCommand } from './commands.js';
import { registeredCustomerDecider as customerDecider } from './testing.js';
import { customerEventDefinitions, type CustomerEvent } from './events.js';
import type { CustomerState } from './state.js';
import * as t from './testing.js';
import { SEGMENTS } from './vocabulary.js';

const registry = createEventRegistry(customerEventDefinitions);
const actorArb = fc.constantFrom<Actor>(
  t.rep,
  t.rep,
  t.otherRep,
  t.eastManager,
  t.westManager,
  t.salesManager,
  t.system,
);
const contactArb = fc.constantFrom(t.contact(), t.newContact());
const surveyArb = fc.record({
  surveyId: fc.constantFrom('s1', 's2').map(t.surveyId),
  // Few values, so identical and conflicting repeats both happen often.
  nps: fc.constantFrom(3, 9),
  csat: fc.constantFrom(2, 5),
  comment: fc.constantFrom(undefined, 'Great service'),
});

/** Random commands, most of them plausible, so sequences reach every status and rule. */
const commandArb: fc.Arbitrary<CustomerCommand> = fc.oneof(
  fc.tuple(fc.constantFrom(...SEGMENTS), actorArb).map(([segment, by]) => t.registerCustomer({ segment }, by)),
  fc
    .tuple(
      fc.option(fc.constantFrom('small', 'large') as fc.Arbitrary<'small' | 'large'>),
      actorArb,
      fc.integer({ min: 2, max: 28 }),
    )
    .map(([size, by, day]) => t.updateProfile({ size }, by, day)),
  fc.tuple(contactArb, actorArb).map(([contact, by]) => t.changeContact(contact, by)),
  fc
    .tuple(fc.constantFrom(t.rep.id, t.otherRep.id), fc.constantFrom(t.EAST, t.WEST), actorArb)
    .map(([ownerRepId, region, by]) => t.reassign({ ownerRepId, region }, by)),
  fc
    .tuple(
      fc.integer({ min: 0, max: 3 }).map((n) => n * 1_000_000),
      actorArb,
    )
    .map(([amount, by]) => t.setCreditLimit(amount, by)),
  { arbitrary: fc.tuple(surveyArb, actorArb).map(([survey, by]) => t.recordSurvey(survey, by)), weight: 4 },
  actorArb.map((by) => t.forget(by)),
  actorArb.map((by) => t.deactivate(by)),
);

interface Step {
  readonly command: CustomerCommand;
  readonly before: CustomerState;
  readonly events: readonly CustomerEvent[];
  readonly accepted: boolean;
}

const run = (
  commands: readonly CustomerCommand[],
): { steps: Step[]; events: CustomerEvent[]; state: CustomerState } => {
  let state = customerDecider.initialState();
  const steps: Step[] = [];
  const events: CustomerEvent[] = [];
  for (const command of commands) {
    const result = customerDecider.decide(command, state);
    const emitted = isRight(result) ? result.right : [];
    steps.push({ command, before: state, events: emitted, accepted: isRight(result) });
    for (const event of emitted) {
      state = customerDecider.evolve(state, event);
      events.push(event);
    }
  }
  return { steps, events, state };
};

/** The events as a store would give them back: JSON, decoded and upcast by the registry. */
const stored = (events: readonly CustomerEvent[]): CustomerEvent[] =>
  events.map((event) => {
    const decoded = registry.decode(
      event.type,
      JSON.parse(JSON.stringify(event.data)),
      registry.versionOf(event.type) ?? 0,
    );
    if (isLeft(decoded)) throw new Error(decoded.left.message);
    return decoded.right as CustomerEvent;
  });

const settings = { seed: 42, numRuns: 200 };
const sequences = fc.array(commandArb, { minLength: 1, maxLength: 25 });

describe('Customer invariants over random command sequences', () => {
  it('folding the stored events reproduces the state the decider saw at every step', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { steps, events, state } = run(commands);
        let seen = 0;
        return (
          steps.every((step) => {
            const ok = deepEqual(fold(customerDecider, stored(events.slice(0, seen))), step.before);
            seen += step.events.length;
            return ok;
          }) && deepEqual(fold(customerDecider, stored(events)), state)
        );
      }),
      settings,
    );
  });

  it('takes at most one answer per survey id, and repeating an accepted answer is always a no-op', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { steps, events, state } = run(commands);
        const ids = events.flatMap((event) =>
          event.type === 'SatisfactionSurveyRecorded' ? [event.data.surveyId] : [],
        );
        const repeats = steps.filter(
          (step) => step.command.type === 'RecordSatisfactionSurvey' && step.events.length > 0,
        );
        return (
          new Set(ids).size === ids.length &&
          // Repeated by the system: the owner may have changed since, and authorization is not the point here.
          repeats.every((step) =>
            deepEqual(
              customerDecider.decide(
                { ...step.command, metadata: { ...step.command.metadata, actor: t.system } },
                state,
              ),
              { _tag: 'Right', right: [] },
            ),
          )
        );
      }),
      settings,
    );
  });

  it('a deactivated customer never accepts a change: only the erasure of personal data', () => {
    fc.assert(
      fc.property(sequences, fc.array(commandArb, { minLength: 1, maxLength: 10 }), (commands, more) => {
        const { steps } = run([...commands, t.deactivate(t.salesManager), ...more]);
        return steps
          .filter((step) => step.before.status === 'deactivated')
          .every((step) => step.events.every((event) => event.type === 'CustomerPersonalDataForgotten'));
      }),
      settings,
    );
  });

  it('the generator reaches active, deactivated and erased customers and repeated surveys (the properties are not vacuous)', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(sequences, (commands) => {
        const { steps, state } = run(commands);
        seen.add(state.status);
        if (state.status !== 'none' && state.personalDataErased) seen.add('erased');
        steps.forEach(
          (step) =>
            step.accepted &&
            step.events.length === 0 &&
            step.command.type === 'RecordSatisfactionSurvey' &&
            seen.add('survey repeat'),
        );
        return true;
      }),
      settings,
    );
    expect([...seen].sort()).toEqual(['active', 'deactivated', 'erased', 'none', 'survey repeat']);
  });
});
