import {
  complaintCommandSchemas,
  customerCommandSchemas,
  orderCommandSchemas,
  receivableCommandSchemas,
  targetCommandSchemas,
  teamCommandSchemas,
  productCommandSchemas,
  priceListCommandSchemas,
  promotionCommandSchemas,
  forecastCommandSchemas,
  marketCommandSchemas,
  competitorCommandSchemas,
  improvementActionCommandSchemas,
  surveyCampaignCommandSchemas,
  opportunityCommandSchemas,
  accessFacts,
  teamDecider,
  TEAM_STREAM,
  utcDate,
  type Actor,
  type TeamCommand,
  type TeamEvent,
  type TeamState,
  type WithAccess,
  type CommandMetadata,
  type Decider,
  type Event,
} from '@salesbook/domain';
import { deterministicEventId } from '@salesbook/eventstore';
import type { AggregateKind, GeneratedCommand, GeneratedEvent, SalesbookCommand } from './activity.js';
import { Agenda } from './agenda.js';
import { isoOf } from './calendar.js';
import type { Random } from './random.js';

/** One stream as the simulation holds it: its folded state and the revision of its last event. */
export class StreamHandle<C extends SalesbookCommand, E extends Event, S> {
  revision = -1;
  constructor(
    readonly aggregate: AggregateKind,
    readonly name: string,
    readonly decider: Decider<WithAccess<C>, E, S>,
    public state: S,
  ) {}
}

/** Opens a handle on a new stream of `decider`. */
export const openStream = <C extends SalesbookCommand, E extends Event, S>(
  aggregate: AggregateKind,
  name: string,
  decider: Decider<WithAccess<C>, E, S>,
): StreamHandle<C, E, S> => new StreamHandle(aggregate, name, decider, decider.initialState());

/** How a command is traced, and which refusals are outcomes rather than generator bugs. */
export interface RunOptions {
  readonly correlationId: string;
  /** Defaults to the command id (a policy passes the id of the event that caused it). */
  readonly causationId?: string;
  /** Refusal codes the scenario expects and handles (e.g. a credit limit exceeded at confirmation). */
  readonly allow?: readonly string[];
}

/** What a command came to: its events, or why nothing was written (an allowed refusal, or the event budget). */
export type Outcome<E> =
  | { readonly ok: true; readonly events: readonly E[]; readonly eventIds: readonly string[] }
  | { readonly ok: false; readonly code: string };

type AnySchema = { parse(data: unknown): unknown };
const SCHEMAS: Readonly<Record<string, AnySchema>> = {
  ...customerCommandSchemas,
  ...orderCommandSchemas,
  ...receivableCommandSchemas,
  ...complaintCommandSchemas,
  ...targetCommandSchemas,
  ...teamCommandSchemas,
  ...productCommandSchemas,
  ...priceListCommandSchemas,
  ...promotionCommandSchemas,
  ...forecastCommandSchemas,
  ...marketCommandSchemas,
  ...competitorCommandSchemas,
  ...improvementActionCommandSchemas,
  ...surveyCampaignCommandSchemas,
  ...opportunityCommandSchemas,
};

/** The code a command gets when deciding it would pass the requested number of events. */
export const BUDGET_EXHAUSTED = 'GENERATOR_EVENT_BUDGET_EXHAUSTED';

/**
 * The simulation's core: the clock (the instant of the action running), the agenda, and `run`, which passes a
 * command through the aggregate's real decider, folds the decided events with `evolve` and records them with
 * the metadata `handleCommand` would write. A refusal the scenario did not allow is a bug: it throws.
 */
export class Engine {
  /** The instant of the action running, in epoch milliseconds. */
  now = 0;
  readonly agenda = new Agenda();
  /** Events decided so far. */
  emitted = 0;
  private commandCount = 0;
  private budgetReached = false;
  private today: GeneratedCommand[] = [];
  /** The sales team register's stream: the simulated register that access facts are read from. */
  readonly team: StreamHandle<TeamCommand, TeamEvent, TeamState> = openStream('team', TEAM_STREAM, teamDecider);

  constructor(
    readonly random: Random,
    private readonly tag: string,
    private readonly limit: number,
    private readonly validate: boolean,
  ) {}

  /** True once the event budget is spent. */
  get full(): boolean {
    return this.emitted >= this.limit;
  }

  /** Schedules `run` at `at` (never before the running action: business time only moves forward). */
  at(at: number, run: () => void): void {
    this.agenda.schedule(Math.max(at, this.now), run);
  }

  /** Command metadata: who acts, now. */
  metadata(actor: Actor): CommandMetadata {
    return { actor, occurredAt: isoOf(this.now) };
  }

  /** Decides `command` on `stream`; on acceptance the events are folded into the stream and recorded. */
  run<C extends SalesbookCommand, E extends Event, S>(
    stream: StreamHandle<C, E, S>,
    command: C,
    options: RunOptions,
  ): Outcome<E> {
    const validated = this.validate
      ? ({ ...command, data: SCHEMAS[command.type]?.parse(command.data) ?? command.data } as C)
      : command;
    const checked: WithAccess<C> = {
      ...validated,
      access: accessFacts(this.team.state, validated, utcDate(validated.metadata.occurredAt)),
    };
    const decision = stream.decider.decide(checked, stream.state);
    if (decision._tag === 'Left') {
      const { code, message } = decision.left;
      // Once a command was left out for the budget, later commands of its story may no longer fit: not a bug.
      if (options.allow?.includes(code) === true || this.budgetReached) return { ok: false, code };
      throw new Error(
        `generator: ${command.type} on ${stream.name} at ${isoOf(this.now)} was refused: ${code}: ${message}`,
      );
    }
    const events = decision.right;
    if (events.length === 0) return { ok: true, events, eventIds: [] };
    if (this.emitted + events.length > this.limit) {
      this.budgetReached = true;
      return { ok: false, code: BUDGET_EXHAUSTED };
    }
    this.commandCount += 1;
    const commandId = `${this.tag}.${this.commandCount.toString(36)}`;
    const causationId = options.causationId ?? commandId;
    const generated: GeneratedEvent[] = events.map((event, index) => ({
      type: event.type,
      data: event.data,
      metadata: {
        eventId: deterministicEventId(commandId, stream.name, index),
        occurredAt: checked.metadata.occurredAt,
        actor: checked.metadata.actor,
        correlationId: options.correlationId,
        causationId,
        commandId,
      },
    })) as GeneratedEvent[];
    this.today.push({
      aggregate: stream.aggregate,
      streamName: stream.name,
      expectedRevision: stream.revision,
      commandId,
      correlationId: options.correlationId,
      causationId,
      command: checked,
      events: generated,
    });
    let state = stream.state;
    for (const event of events) state = stream.decider.evolve(state, event);
    stream.state = state;
    stream.revision += events.length;
    this.emitted += events.length;
    return { ok: true, events, eventIds: generated.map((event) => event.metadata.eventId) };
  }

  /** The commands recorded since the last call, in the order they were decided. */
  takeRecorded(): GeneratedCommand[] {
    const taken = this.today;
    this.today = [];
    return taken;
  }
}
