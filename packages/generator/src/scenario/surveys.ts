import {
  inPopulation,
  surveyCampaignDecider,
  surveyCampaignStream,
  type InvitationId,
  type IsoDate,
  type SurveyCampaignCommand,
  type SurveyId,
} from '@salesbook/domain';
import { openStream } from '../engine.js';
import { HOUR, onDate, today, type CustomerEntity, type Sim } from '../sim.js';
import { TEXTS } from '../names.js';
import { runCustomer } from './customers.js';
import type { QuarterAnswer } from './actions.js';

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.round(value)));

/** Roughly normal noise with standard deviation `sd` (sum of three uniforms). */
const noise = (sim: Sim, sd: number): number =>
  (sim.random.next() + sim.random.next() + sim.random.next() - 1.5) * 2 * sd;

/**
 * One answer, driven by the customer's mood (late deliveries and complaints lower it): item scores follow
 * the mood with noise, NPS follows the items (product quality and delivery weigh most, price least),
 * CSAT their mean, so key-driver correlations come out meaningful.
 */
function answer(sim: Sim, customer: CustomerEntity) {
  const m = customer.mood;
  const scores = {
    productQuality: clamp(3.4 + 1.3 * m + noise(sim, 0.8), 1, 5),
    delivery: clamp(3.3 + 1.5 * m + noise(sim, 0.9), 1, 5),
    service: clamp(3.5 + 1.1 * m + noise(sim, 0.9), 1, 5),
    price: clamp(3 + 0.3 * m + noise(sim, 1), 1, 5),
  };
  const drive =
    1.2 * (scores.productQuality - 3) + (scores.delivery - 3) + 0.8 * (scores.service - 3) + 0.3 * (scores.price - 3);
  const nps = clamp(7 + drive + noise(sim, 1.2), 0, 10);
  const csat = clamp(
    (scores.productQuality + scores.delivery + scores.service + scores.price) / 4 + noise(sim, 0.6),
    1,
    5,
  );
  return { nps, csat, scores };
}

/** How likely a call back wins an unhappy customer back: about half, more when their mood is not too low, less for key accounts who expect more. */
const recoveryChance = (customer: CustomerEntity): number =>
  Math.min(0.85, Math.max(0.2, 0.6 + 0.35 * customer.mood - (customer.segment === 'key_account' ? 0.1 : 0)));

/**
 * The owner rep calls back an unhappy customer (the decider opened the follow-up with the answer) a day or two later,
 * and the customer is recovered about half the time (40-70% by mood and segment). About one in five is never closed,
 * so overdue follow-ups reach the managers' inboxes. Which ones are closed is decided from the answer and whether one
 * is recovered drawn from the voice source: the run's main random stream stays as it was.
 */
function followUp(sim: Sim, customer: CustomerEntity, surveyId: SurveyId, answer: { nps: number; csat: number }): void {
  const state = customer.stream.state;
  if (state.status === 'none' || state.followUps[surveyId]?.status !== 'open' || (answer.nps + answer.csat) % 5 === 0)
    return;
  const closeAt = sim.engine.now + (20 + answer.nps * 3 + answer.csat) * HOUR;
  sim.engine.at(closeAt, () => {
    const recovered = sim.voice.chance(recoveryChance(customer));
    const actionTaken =
      TEXTS.followUpActions[(answer.nps + answer.csat) % TEXTS.followUpActions.length] ?? 'Called back';
    const data = {
      customerId: customer.id,
      surveyId,
      recovered,
      ...(customer.stream.state.status !== 'none' && customer.stream.state.personalDataErased ? {} : { actionTaken }),
    };
    sim.engine.run(
      customer.stream,
      { type: 'CloseDetractorFollowUp', data, metadata: sim.engine.metadata(customer.rep.actor) },
      {
        correlationId: `customer-${customer.id}`,
        // The owner may have left or handed the customer over meanwhile: then the follow-up stays open.
        allow: ['FORBIDDEN_SCOPE', 'ACTOR_NOT_REGISTERED'],
      },
    );
  });
}

/** A quarter's campaign as the department names it (`2026-Q1` -> 2026年第1季度客户满意度调查). */
const campaignName = (quarter: string): string => `${quarter.slice(0, 4)}年第${quarter.slice(6)}季度客户满意度调查`;

/** Who a quarter's campaign asks: every active customer with an order in the last twelve months. */
const POPULATION = { segments: [], regions: [], orderedWithinMonths: 12 };

/**
 * The sales manager plans the quarter's campaign and launches it at once (the campaign id is the survey id the answers
 * carry), passing the population as the sim knows it, as the API's handler passes the read models' view; the
 * invitation of each customer drawn, by customer id, or none when the campaign could not be launched.
 */
function launchCampaign(
  sim: Sim,
  surveyId: SurveyId,
  [month, quarter]: readonly [string, string],
  responseDays: readonly IsoDate[],
): ReadonlyMap<string, InvitationId> {
  const stream = openStream('campaign', surveyCampaignStream(surveyId), surveyCampaignDecider);
  const run = (command: SurveyCampaignCommand) =>
    sim.engine.run(stream, command, { correlationId: `campaign-${surveyId}` });
  const manager = sim.world.staff.salesManager;
  const [opensOn = today(sim), closesOn = opensOn] = [responseDays[0], responseDays[responseDays.length - 1]];
  const plan = {
    ...{ campaignId: surveyId, name: campaignName(quarter), period: month, population: POPULATION },
    ...{ sample: { kind: 'all' as const }, opensOn, closesOn },
  };
  if (!run({ type: 'PlanSurveyCampaign', data: plan, metadata: sim.engine.metadata(manager) }).ok) return new Map();
  const launchedOn = today(sim);
  const population = sim.customers.flatMap((customer) => {
    if (customer.stream.state.status !== 'active' || customer.lastOrderOn === undefined) return [];
    const member = {
      ...{ customerId: customer.id, region: customer.region.id, segment: customer.segment },
      ...{ ownerRepId: customer.rep.actor.id, lastOrderOn: customer.lastOrderOn },
    };
    return inPopulation(POPULATION, member, launchedOn) ? [member] : [];
  });
  const launched = run({
    type: 'LaunchSurveyCampaign',
    data: { campaignId: surveyId, launchedOn, population },
    metadata: sim.engine.metadata(manager),
  });
  if (!launched.ok) return new Map();
  return new Map(
    launched.events.flatMap((event) =>
      event.type === 'SurveyInvitationIssued' ? [[event.data.customerId, event.data.invitationId] as const] : [],
    ),
  );
}

/**
 * The quarterly satisfaction survey about `month` (the quarter's last month), run as a campaign of the sales manager:
 * every active customer who ordered in the last twelve months is invited, and about 45% of the active customers answer
 * through their link, on days spread over the three weeks after it is sent; some leave a comment. The draws are those
 * of the survey before campaigns, so the rest of the history is unchanged; a customer who was not invited (no order in
 * the year) does not answer. Each answer is also kept in `answers`, which the quarter's review reads.
 */
export function runQuarterlySurvey(
  sim: Sim,
  month: string,
  quarter: string,
  responseDays: readonly IsoDate[],
  answers: QuarterAnswer[],
): void {
  const surveyId = `${sim.prefix}survey-${quarter}` as SurveyId;
  const invitations = launchCampaign(sim, surveyId, [month, quarter], responseDays);
  for (const customer of sim.customers) {
    if (!customer.active || !sim.random.chance(0.45)) continue;
    sim.engine.at(onDate(sim, sim.random.pick(responseDays)), () => {
      const state = customer.stream.state;
      if (state.status !== 'active') return;
      const comment =
        !state.personalDataErased && sim.random.chance(0.15) ? { comment: sim.random.pick(TEXTS.surveyComments) } : {};
      const given = { ...answer(sim, customer), ...comment };
      const invitationId = invitations.get(customer.id);
      if (invitationId === undefined) return;
      const data = { customerId: customer.id, campaignId: surveyId, invitationId, period: month, ...given };
      runCustomer(sim, customer, {
        type: 'RecordCampaignAnswer',
        data: { ...data, channel: 'link' },
        metadata: sim.engine.metadata(sim.world.staff.surveys),
      });
      answers.push({ region: customer.region, scores: data.scores });
      followUp(sim, customer, surveyId, data);
    });
  }
}
