import type { SurveyId } from '@salesbook/domain';
import { HOUR, onDate, type CustomerEntity, type Sim } from '../sim.js';
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

/**
 * The quarterly satisfaction survey about `month` (the quarter's last month): about 45% of active customers
 * answer, on days spread over the three weeks after it is sent; some leave a comment. Each answer is also kept in
 * `answers`, which the quarter's review reads.
 */
export function runQuarterlySurvey(
  sim: Sim,
  month: string,
  quarter: string,
  responseDays: readonly string[],
  answers: QuarterAnswer[],
): void {
  const surveyId = `${sim.prefix}survey-${quarter}` as SurveyId;
  for (const customer of sim.customers) {
    if (!customer.active || !sim.random.chance(0.45)) continue;
    sim.engine.at(onDate(sim, sim.random.pick(responseDays)), () => {
      const state = customer.stream.state;
      if (state.status !== 'active') return;
      const comment =
        !state.personalDataErased && sim.random.chance(0.15) ? { comment: sim.random.pick(TEXTS.surveyComments) } : {};
      const data = { customerId: customer.id, surveyId, period: month, ...answer(sim, customer), ...comment };
      runCustomer(sim, customer, {
        type: 'RecordSatisfactionSurvey',
        data,
        metadata: sim.engine.metadata(sim.world.staff.surveys),
      });
      answers.push({ region: customer.region, scores: data.scores });
      followUp(sim, customer, surveyId, data);
    });
  }
}
