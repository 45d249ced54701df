import {
  OpportunityId,
  opportunityDecider,
  opportunityStream,
  type IsoDate,
  type LostReason,
  type OpenStage,
  type OpportunityCommand,
  type OrderLine,
} from '@salesbook/domain';
import { businessDaysOf, monthOf, officeInstant, plusBusinessDays, plusMonths } from '../calendar.js';
import { openStream } from '../engine.js';
import { today, type CustomerEntity, type OpportunityStream, type Sim } from '../sim.js';
import type { Rep } from '../world.js';
import { orderLines } from './order-lines.js';
import { quoteAgainIfLapsed, sendQuotation, winByQuotation } from './quotations.js';

/** Opportunities a rep opens in a month per active customer of theirs (Poisson mean): three for 20 customers. */
const OPENED_PER_CUSTOMER_MONTH = 0.15;
/** The chance a deal is lost at each stage's next step: won 0.7 x 0.75 x 0.7, about 37%. */
const LOST_AT: Readonly<Record<OpenStage, number>> = { qualified: 0.3, proposal: 0.25, negotiation: 0.3 };
const REASONS: Readonly<Record<OpenStage, readonly LostReason[]>> = {
  qualified: ['no_budget', 'no_decision', 'timing', 'other'],
  proposal: ['price', 'competitor', 'no_budget', 'timing'],
  negotiation: ['price', 'competitor', 'no_decision'],
};
/** A rep's own view of a deal, overriding the stage's default probability (basis points). */
const OVERRIDES: Readonly<Record<'proposal' | 'negotiation', readonly number[]>> = {
  proposal: [3_000, 4_000, 6_000, 7_000],
  negotiation: [6_000, 8_500, 9_000],
};
const OVERRIDE = 0.12;
/** The share of deals whose close slips 10-25 business days when they reach negotiation. */
const SLIP = 0.2;

/** An opportunity of the simulation: its stream, customer, rep, the lines it is about and the day it should close. */
export interface Deal {
  readonly id: OpportunityId;
  readonly stream: OpportunityStream;
  readonly customer: CustomerEntity;
  readonly rep: Rep;
  readonly lines: readonly OrderLine[];
  readonly correlationId: string;
  closeDay: IsoDate;
  /** The last quotation sent, which a win accepts. */
  quotation?: string;
}

/** Runs an opportunity command on the deal's stream; false if it was not recorded (the event budget spent). */
const runDeal = (sim: Sim, deal: Deal, command: OpportunityCommand): boolean =>
  sim.engine.run(deal.stream, command, { correlationId: deal.correlationId }).ok;

/**
 * The month's new opportunities: each rep opens a few (Poisson, 0.15 per active customer of theirs) for those customers
 * on business days of the month. Drawn from `sim.pipeline`, so the rest of the history draws as it did without a pipeline.
 */
export function planOpportunities(sim: Sim, days: readonly IsoDate[]): void {
  const random = sim.pipeline;
  for (const region of sim.world.regions)
    for (const rep of region.reps) {
      const mine = sim.customers.filter((customer) => customer.rep === rep && customer.active);
      if (mine.length === 0) continue;
      for (let n = random.poisson(mine.length * OPENED_PER_CUSTOMER_MONTH); n > 0; n -= 1) {
        const customer = random.pick(mine);
        sim.engine.at(officeInstant(random, random.pick(days)), () => openDeal(sim, customer));
      }
    }
}

/** Opens a deal the size of one of the customer's orders, expected to close this month or one of the next three. */
function openDeal(sim: Sim, customer: CustomerEntity): void {
  const state = customer.stream.state;
  if (state.status !== 'active') return;
  const random = sim.pipeline;
  const id = OpportunityId.parse(sim.ids.next('OP', 6));
  const lines = orderLines(random, sim.world.catalogue, customer.segment, customer.region);
  const value = lines.reduce((sum, line) => sum + line.quantity * line.unitPrice * (1 - line.discountBp / 10_000), 0);
  const on = today(sim);
  const expectedCloseMonth = plusMonths(monthOf(on), random.int(0, 3));
  const inMonth = random.pick(businessDaysOf(expectedCloseMonth));
  const earliest = plusBusinessDays(on, 10);
  const rep = customer.rep;
  const deal: Deal = {
    id,
    stream: openStream('opportunity', opportunityStream(id), opportunityDecider),
    customer,
    rep,
    lines,
    correlationId: `opportunity-${id}`,
    closeDay: inMonth > earliest ? inMonth : earliest,
  };
  const first = lines[0];
  const data = {
    opportunityId: id,
    customerId: customer.id,
    repId: rep.actor.id,
    title: `${first?.description ?? 'Supply'}${lines.length > 1 ? ` and ${lines.length - 1} more` : ''}`,
    amount: Math.max(1_000, Math.round((value * (0.9 + random.next() * 0.3)) / 1_000) * 1_000),
    currency: customer.region.currency,
    expectedCloseMonth,
  };
  const inputs = {
    customer: { active: true, ownerRep: state.ownerRepId, homeRegion: state.region, segment: state.segment },
  };
  const metadata = sim.engine.metadata(rep.actor);
  if (runDeal(sim, deal, { type: 'OpenOpportunity', data, metadata, inputs })) planStep(sim, deal, 'qualified');
}

/** Schedules the deal's next step: a third of the way to its close day from qualified, half of the rest from proposal. */
function planStep(sim: Sim, deal: Deal, from: OpenStage): void {
  const on = today(sim);
  let left = 0;
  for (let day = on; day < deal.closeDay; day = plusBusinessDays(day, 1)) left += 1;
  const share = from === 'qualified' ? 0.35 : 0.5;
  const day = from === 'negotiation' ? deal.closeDay : plusBusinessDays(on, Math.max(1, Math.round(left * share)));
  sim.engine.at(officeInstant(sim.pipeline, day), () => step(sim, deal, from));
}

/** The deal's next step from `from`: lost, moved on (a quotation sent at proposal), or, from negotiation, won. */
function step(sim: Sim, deal: Deal, from: OpenStage): void {
  if (deal.stream.state.status !== 'open') return;
  const random = sim.pipeline;
  if (deal.customer.stream.state.status !== 'active')
    return lose(sim, deal, 'other', 'The customer closed the account');
  if (random.chance(LOST_AT[from])) return lose(sim, deal, random.pick(REASONS[from]));
  if (from === 'negotiation') {
    keepCloseMonth(sim, deal);
    return winByQuotation(sim, deal);
  }
  const to: 'proposal' | 'negotiation' = from === 'qualified' ? 'proposal' : 'negotiation';
  if (to === 'negotiation' && random.chance(SLIP)) deal.closeDay = plusBusinessDays(deal.closeDay, random.int(10, 25));
  keepCloseMonth(sim, deal);
  const probabilityBp = random.chance(OVERRIDE) ? random.pick(OVERRIDES[to]) : undefined;
  const data = { opportunityId: deal.id, stage: to, ...(probabilityBp === undefined ? {} : { probabilityBp }) };
  if (!runDeal(sim, deal, { type: 'MoveOpportunityStage', data, metadata: sim.engine.metadata(deal.rep.actor) }))
    return;
  const quoted = to === 'proposal' ? sendQuotation(sim, deal) : quoteAgainIfLapsed(sim, deal);
  if (quoted) planStep(sim, deal, to);
}

/** A deal closing after the month it was expected in has its expected close month revised first. */
function keepCloseMonth(sim: Sim, deal: Deal): void {
  const state = deal.stream.state;
  const month = monthOf(deal.closeDay);
  if (state.status !== 'open' || state.expectedCloseMonth >= month) return;
  const data = { opportunityId: deal.id, expectedCloseMonth: month };
  runDeal(sim, deal, { type: 'ReviseOpportunity', data, metadata: sim.engine.metadata(deal.rep.actor) });
}

function lose(sim: Sim, deal: Deal, reason: LostReason, note?: string): void {
  const data = { opportunityId: deal.id, reason, ...(note === undefined ? {} : { note }) };
  runDeal(sim, deal, { type: 'LoseOpportunity', data, metadata: sim.engine.metadata(deal.rep.actor) });
}
