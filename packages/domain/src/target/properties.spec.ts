import fc from 'fast-check';
import { isLeft, isRight } from 'fp-ts/lib/Either.js';
import type { Actor } from '../shared/actors.js';
import { fold } from '../shared/decider.js';
import { createEventRegistry } from '../shared/event-registry.js';
import { deepEqual } from '../testing/decider-spec.js';
import type { TargetCommand } from './commands.js';
import { registeredTargetDecider as targetDecider } from './testing.js';
import { targetEventDefinitions, type TargetEvent } from './events.js';
import type { TargetState } from './state.js';
import * as t from './testing.js';

const registry = createEventRegistry(targetEventDefinitions);
const actorArb = fc.constantFrom<Actor>(t.rep, t.eastManager, t.westManager, t.salesManager, t.finance);
const amountArb = fc.constantFrom(40_000_000, 50_000_000, 60_000_000);
const commandArb: fc.Arbitrary<TargetCommand> = fc.oneof(
  fc.tuple(amountArb, actorArb).map(([amount, by]) => t.setTarget({ amount }, by)),
  fc.tuple(amountArb, actorArb).map(([amount, by]) => t.reviseTarget(amount, by)),
);

const run = (commands: readonly TargetCommand[]) => {
  let state: TargetState = targetDecider.initialState();
  const befores: TargetState[] = [];
  const events: TargetEvent[] = [];
  for (const command of commands) {
    befores.push(state);
    const result = targetDecider.decide(command, state);
    for (const event of isRight(result) ? result.right : []) {
      state = targetDecider.evolve(state, event);
      events.push(event);
    }
  }
  return { befores, events, state };
};

const stored = (events: readonly TargetEvent[]): TargetEvent[] =>
  events.map((event) => {
    const decoded = registry.decode(
      event.type,
      JSON.parse(JSON.stringify(event.data)),
      registry.versionOf(event.type) ?? 1,
    );
    if (isLeft(decoded)) throw new Error(decoded.left.message);
    return decoded.right as TargetEvent;
  });

const settings = { seed: 42, numRuns: 200 };
const sequences = fc.array(commandArb, { minLength: 1, maxLength: 20 });

describe('Target invariants over random command sequences', () => {
  it('folding the stored events reproduces the state', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { events, state } = run(commands);
        return deepEqual(fold(targetDecider, stored(events)), state);
      }),
      settings,
    );
  });

  it('is set at most once, revised only after, and the amount in force is the last one decided', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { events, state } = run(commands);
        const sets = events.filter((event) => event.type === 'SalesTargetSet');
        const last = events[events.length - 1];
        return (
          sets.length <= 1 &&
          (events.length === 0 || events[0]?.type === 'SalesTargetSet') &&
          (state.status === 'none' ? events.length === 0 : state.amount === last?.data.amount)
        );
      }),
      settings,
    );
  });

  it('only managers of the region ever change a target', () => {
    fc.assert(
      fc.property(sequences, (commands) => {
        const { events } = run(commands);
        const allowed: string[] = [t.eastManager.id, t.salesManager.id];
        const by = (event: (typeof events)[number]): string =>
          event.type === 'SalesTargetSet'
            ? event.data.setBy
            : event.type === 'SalesTargetRevised'
              ? event.data.revisedBy
              : event.data.splitBy;
        return events.every((event) => allowed.includes(by(event)));
      }),
      settings,
    );
  });
});
