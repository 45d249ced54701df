import fc from 'fast-check';
import { isRight } from 'fp-ts/lib/Either.js';
import type { Actor } from '../shared/actors.js';
import { createEventRegistry } from '../shared/event-registry.js';
import { Currency } from '../shared/money.js';
import type { ComplaintCommand } from './commands.js';
import { registeredComplaintDecider as complaintDecider } from './testing.js';
import { complaintEventDefinitions, type ComplaintEvent } from './events.js';
import { slaStatus } from './sla.js';
import type { ComplaintState } from './state.js';
import { actors, at, cmd, fileCommand, ids } from './testing.js';

// The machine of docs/domain-rules.md (Complaint), written out independently of the decider's transition table.
const ALLOWED = new Set([
  'none>filed',
  'filed>acknowledged',
  'acknowledged>investigating',
  'investigating>awaiting_customer',
  'awaiting_customer>investigating',
  'investigating>resolved',
  'resolved>closed',
  'closed>investigating',
]);

const registry = createEventRegistry(complaintEventDefinitions);
const pool: readonly Actor[] = [
  actors.handler,
  actors.handler,
  actors.eastManager,
  actors.salesManager,
  actors.system,
  actors.otherRep,
  actors.ownerRep,
  actors.westManager,
  actors.analyst,
];
const handlers = [ids.handler, ids.otherHandler, ids.ownerRep, actors.westManager.id];

const step = fc.record({
  // Most steps take a command the status expects, from a plausible actor, so runs get deep into the machine.
  follow: fc.integer({ min: 0, max: 9 }).map((n) => n < 7),
  kind: fc.integer({ min: 0, max: 55 }),
  by: fc.constantFrom(...pool),
  pick: fc.nat(3),
  amount: fc.constantFrom(1, 100_000, 100_001, 2_500_000),
  compensate: fc.boolean(),
  // Minutes after the previous command; now and then before it, which must be refused.
  minutes: fc.oneof(
    { weight: 9, arbitrary: fc.integer({ min: 0, max: 6 * 24 * 60 }) },
    { weight: 1, arbitrary: fc.integer({ min: -600, max: -1 }) },
  ),
});
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

function commandOf(s: Step, hours: number): ComplaintCommand {
  const rootCause = s.pick % 2 === 0 ? ('pricing' as const) : undefined;
  switch (s.kind % 10) {
    case 0:
      return {
        ...fileCommand({ severity: (['low', 'medium', 'high', 'critical'] as const)[s.pick] }),
        metadata: { actor: s.by, occurredAt: at(hours) },
      };
    case 1:
      return cmd('AssignComplaint', { handlerId: handlers[s.pick] ?? ids.handler }, s.by, hours);
    case 2:
      return cmd('AcknowledgeComplaint', {}, s.by, hours);
    case 3:
      return cmd(
        'RecordInvestigation',
        { findings: 'Checked the depot log.', ...(rootCause ? { rootCause } : {}) },
        s.by,
        hours,
      );
    case 4:
      return cmd('AwaitCustomer', { note: 'Asked for photos.' }, s.by, hours);
    case 5:
      return cmd('RecordCustomerResponse', {}, s.by, hours);
    case 6:
      return cmd('EscalateComplaint', { escalateTo: handlers[s.pick] ?? ids.handler, reason: 'Slow' }, s.by, hours);
    case 7: {
      const compensation = s.compensate ? { compensation: { amount: s.amount, currency: Currency.parse('CNY') } } : {};
      return cmd(
        'ResolveComplaint',
        { resolution: 'Replaced.', ...(rootCause ? { rootCause } : {}), ...compensation },
        s.by,
        hours,
      );
    }
    case 8:
      return cmd('CloseComplaint', { satisfaction: s.pick + 1 }, s.by, hours);
    default:
      return cmd('ReopenComplaint', { reason: 'Still broken.' }, s.by, hours);
  }
}

// Per status: the commands it expects (repeated to weigh them) and some it must refuse.
const EXPECTED: Readonly<Record<ComplaintState['status'], readonly number[]>> = {
  none: [0],
  filed: [1, 1, 1, 2, 2, 2, 6, 3, 7],
  acknowledged: [3, 3, 3, 6, 1, 2, 7],
  investigating: [7, 7, 7, 4, 4, 3, 6, 8, 5],
  awaiting_customer: [5, 5, 5, 5, 6, 7, 3, 4],
  resolved: [8, 8, 8, 8, 1, 9, 7],
  closed: [9, 9, 9, 9, 0, 8, 1],
};
const PLAUSIBLE: Readonly<Record<number, Actor>> = { 0: actors.ownerRep, 1: actors.eastManager, 9: actors.ownerRep };

/** The step as taken in `status`: following steps pick an expected command and a plausible actor. */
function shape(s: Step, status: ComplaintState['status']): Step {
  if (!s.follow) return s;
  const kinds = EXPECTED[status];
  const kind = kinds[s.kind % kinds.length] ?? s.kind;
  // Assign and escalate to a rep who is not the owner, mostly.
  const pick = (kind === 1 || kind === 6) && s.amount !== 1 ? s.pick % 2 : s.pick;
  return { ...s, kind, pick, by: PLAUSIBLE[kind] ?? (s.pick === 3 ? actors.eastManager : actors.handler) };
}

interface Run {
  readonly states: ComplaintState[];
  readonly emitted: Array<{ before: ComplaintState; event: ComplaintEvent; after: ComplaintState }>;
  readonly history: ComplaintEvent[];
  readonly lastHours: number;
}

/** Decides each command against the state folded so far, as a command handler would. */
function run(steps: readonly Step[]): Run {
  const r: Run = { states: [complaintDecider.initialState()], emitted: [], history: [], lastHours: 0 };
  let state = complaintDecider.initialState();
  let hours = 0;
  for (const [index, s] of steps.entries()) {
    hours += index === 0 ? 0 : s.minutes / 60;
    const result = complaintDecider.decide(
      commandOf(shape(index === 0 ? { ...s, follow: true } : s, state.status), hours),
      state,
    );
    if (!isRight(result)) continue;
    for (const event of result.right) {
      const after = complaintDecider.evolve(state, event);
      r.emitted.push({ before: state, event, after });
      r.history.push(event);
      state = after;
    }
    r.states.push(state);
  }
  return { ...r, lastHours: hours };
}

const sequences = fc.array(step, { minLength: 10, maxLength: 40, size: 'max' });
const options = { seed: 42, numRuns: 300 };

describe('Complaint invariants over random command sequences', () => {
  it('moves status only along the state machine', () => {
    const reached = new Set<string>();
    fc.assert(
      fc.property(sequences, (steps) => {
        for (const { before, after } of run(steps).emitted) {
          const edge = `${before.status}>${after.status}`;
          reached.add(edge);
          if (before.status !== after.status && !ALLOWED.has(edge)) return false;
        }
        return true;
      }),
      options,
    );
    // The generator must actually walk the whole machine, or the property says little.
    expect([...reached].filter((edge) => ALLOWED.has(edge)).sort()).toEqual([...ALLOWED].sort());
  });

  it('emits only valid events that evolve applies, and folding them reproduces the state', () => {
    fc.assert(
      fc.property(sequences, (steps) => {
        const { emitted, history, states } = run(steps);
        const applied = emitted.every(
          ({ before, event, after }) => after !== before && isRight(registry.decode(event.type, event.data, 1)),
        );
        const folded = history.reduce(complaintDecider.evolve, complaintDecider.initialState());
        expect(folded).toEqual(states.at(-1));
        return applied;
      }),
      options,
    );
  });

  it('never lets paused time, or any SLA duration, go negative', () => {
    fc.assert(
      fc.property(sequences, fc.integer({ min: -48, max: 24 * 60 }), (steps, extraHours) => {
        const { emitted, states, lastHours } = run(steps);
        const last = states.at(-1);
        if (last === undefined || last.status === 'none') return true;
        const responded = emitted.flatMap(({ event }) =>
          event.type === 'ComplaintCustomerResponded' ? [event.data.pausedMs] : [],
        );
        const pausesOrdered = last.timeline.pauses.every(
          (p) => p.resumedAt === null || Date.parse(p.resumedAt) >= Date.parse(p.pausedAt),
        );
        const sla = slaStatus(last.timeline, at(lastHours + extraHours));
        const closedPauses = slaStatus(last.timeline, at(lastHours + 10_000));
        const open = last.pausedAt === null ? 0 : Date.parse(at(lastHours + 10_000)) - Date.parse(last.pausedAt);
        return (
          responded.every((ms) => ms >= 0) &&
          pausesOrdered &&
          sla.pausedMs >= 0 &&
          sla.timeToResolveMs >= 0 &&
          sla.timeToAcknowledgeMs >= 0 &&
          closedPauses.pausedMs === responded.reduce((a, b) => a + b, 0) + open
        );
      }),
      options,
    );
  });

  it("never gives the complaint to the customer's own rep, nor large compensation without a manager", () => {
    fc.assert(
      fc.property(sequences, (steps) =>
        run(steps).emitted.every(({ event }) => {
          if (event.type === 'ComplaintAssigned') return event.data.handlerId !== ids.ownerRep;
          if (event.type === 'ComplaintEscalated')
            return event.data.escalatedTo !== ids.ownerRep && event.data.escalatedBy !== ids.ownerRep;
          if (event.type === 'ComplaintResolved') {
            const large = (event.data.compensation?.amount ?? 0) > 100_000;
            return (
              event.data.resolvedBy !== ids.ownerRep &&
              (!large || ['sales_manager', 'regional_manager', 'system'].includes(event.data.resolverRole))
            );
          }
          return true;
        }),
      ),
      options,
    );
  });
});
