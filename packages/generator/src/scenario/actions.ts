import {
  ActionId,
  ActorId,
  improvementActionDecider,
  improvementActionStream,
  type ActionStatusChange,
  type Department,
  type Finding,
  type ImprovementActionCommand,
} from '@salesbook/domain';
import { dayMs, officeInstant, plusDays, plusMonths } from '../calendar.js';
import { openStream } from '../engine.js';
import { today, type Sim } from '../sim.js';
import type { Region } from '../world.js';

/** The item scores a survey asks, and the department that answers for each. */
const ITEMS = { productQuality: 'product', delivery: 'delivery', service: 'service', price: 'sales' } as const;
type Item = keyof typeof ITEMS;

/** One answer's item scores and the region it came from. */
export interface QuarterAnswer {
  readonly region: Region;
  readonly scores: Readonly<Record<Item, number>>;
}

/** The item means of each region in the last quarter reviewed, per run. */
const previousMeans = new WeakMap<Sim, Map<string, Record<Item, number>>>();
const round2 = (value: number): number => Math.round(value * 100) / 100;

function meansOf(answers: readonly QuarterAnswer[]): Record<Item, number> {
  const sum = (item: Item) => answers.reduce((total, answer) => total + answer.scores[item], 0);
  return {
    productQuality: round2(sum('productQuality') / answers.length),
    delivery: round2(sum('delivery') / answers.length),
    service: round2(sum('service') / answers.length),
    price: round2(sum('price') / answers.length),
  };
}

/** The item that fell most since last quarter (or, the first time, the lowest), when it is worth an action. */
function worstItem(means: Record<Item, number>, before: Record<Item, number> | undefined): Item | undefined {
  const items = Object.keys(ITEMS) as Item[];
  const fall = (item: Item) => (before === undefined ? 3.6 - means[item] : before[item] - means[item]);
  const worst = items.reduce((a, b) => (fall(b) > fall(a) ? b : a));
  return fall(worst) > 0.05 ? worst : undefined;
}

const actionStream = (id: ActionId) => openStream('action', improvementActionStream(id), improvementActionDecider);
type ActionStream = ReturnType<typeof actionStream>;

/** Decides on the action's stream; true when accepted. */
const run = (sim: Sim, stream: ActionStream, command: ImprovementActionCommand): boolean =>
  sim.engine.run(stream, command, {
    correlationId: stream.name,
    // The manager may have left the register by then: the action then waits for the next one.
    allow: ['FORBIDDEN_SCOPE', 'ACTOR_NOT_REGISTERED', 'ACTION_TRANSITION_NOT_ALLOWED'],
  }).ok;

/** Schedules a status change `days` from now, if the run lasts that long. */
function later(
  sim: Sim,
  days: number,
  action: { stream: ActionStream; id: ActionId; region: Region },
  status: ActionStatusChange,
) {
  const at = officeInstant(sim.voice, plusDays(today(sim), Math.max(1, Math.round(days))));
  if (at >= sim.endMs) return;
  sim.engine.at(at, () => {
    const data = { actionId: action.id, status, note: NOTES[status] };
    const metadata = sim.engine.metadata(action.region.manager);
    run(sim, action.stream, { type: 'ChangeImprovementActionStatus', data, metadata });
  });
}

const NOTES: Readonly<Record<ActionStatusChange, string>> = {
  in_progress: 'Owner named the steps; first check-in booked',
  done: 'Change in place; watch the next survey',
  dropped: 'Superseded by a company-wide change',
};

/**
 * A regional manager reviews the quarter's answers of their region: the item score that fell most (or, the first
 * quarter, the lowest) becomes an action of the department answering for it, due in 4-7 weeks. Most are started, about
 * half of those done before their due date; the rest run late, so the actions report has overdue ones.
 */
export function reviewQuarter(sim: Sim, month: string, quarter: string, answers: readonly QuarterAnswer[]): void {
  const seen = previousMeans.get(sim) ?? new Map<string, Record<Item, number>>();
  previousMeans.set(sim, seen);
  for (const region of sim.world.regions) {
    const mine = answers.filter((answer) => answer.region.id === region.id);
    if (mine.length < 5) continue;
    const means = meansOf(mine);
    const before = seen.get(region.id);
    seen.set(region.id, means);
    const item = worstItem(means, before);
    if (item === undefined) continue;
    const department: Department = ITEMS[item];
    const finding: Finding = {
      report: 'satisfaction',
      metric: item,
      group: { by: 'region', value: region.id },
      period: { from: plusMonths(month, -2), to: month },
      value: means[item],
      ...(before === undefined ? {} : { previousValue: before[item] }),
    };
    const actionId = ActionId.parse(`${sim.prefix}act-${quarter}-${region.id}`);
    const stream = actionStream(actionId);
    const data = {
      actionId,
      title: `Raise the ${item} score of ${region.id}`,
      finding,
      department,
      ownerId: ActorId.parse(`${sim.prefix}${department}-lead`),
      dueOn: plusDays(today(sim), sim.voice.int(28, 49)),
      region: region.id,
    };
    if (!run(sim, stream, { type: 'OpenImprovementAction', data, metadata: sim.engine.metadata(region.manager) }))
      continue;
    const action = { stream, id: actionId, region };
    if (sim.voice.chance(0.1)) later(sim, sim.voice.int(5, 20), action, 'dropped');
    else if (sim.voice.chance(0.8)) {
      later(sim, sim.voice.int(2, 12), action, 'in_progress');
      const dueInDays = (dayMs(data.dueOn) - sim.engine.now) / 86_400_000;
      if (sim.voice.chance(0.55)) later(sim, dueInDays - sim.voice.int(1, 8), action, 'done');
    }
  }
}
