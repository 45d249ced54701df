import { InvitationId, type SurveyId } from '../shared/ids.js';
import { createRandom } from '../shared/random.js';
import type { IsoDate } from '../shared/time.js';
import type { CampaignPopulation, CampaignSample, PopulationMember } from './commands.js';
import type { Invitation } from './state.js';

/** The same day `months` calendar months before `date`; a day the earlier month lacks becomes its last day. */
export function monthsBefore(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) - months;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
}

/** Whether a customer belongs to the population on `on`: segment and region chosen (none: any), an order on or after the day `orderedWithinMonths` months before. */
export function inPopulation(population: CampaignPopulation, member: PopulationMember, on: IsoDate): boolean {
  const segments: readonly string[] = population.segments;
  const regions: readonly string[] = population.regions;
  return (
    (segments.length === 0 || segments.includes(member.segment)) &&
    (regions.length === 0 || regions.includes(member.region)) &&
    member.lastOrderOn >= monthsBefore(on, population.orderedWithinMonths) &&
    member.lastOrderOn <= on
  );
}

/**
 * The customers drawn: everyone, or `size` of them by a partial Fisher-Yates shuffle of the population in customer-id
 * order driven by mulberry32 seeded with the sample's seed, so the same population and seed always draw the same
 * customers. The drawn are returned in customer-id order.
 */
export function drawSample(
  population: readonly PopulationMember[],
  sample: CampaignSample,
): readonly PopulationMember[] {
  const ordered = [...population].sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
  if (sample.kind === 'all' || sample.size >= ordered.length) return ordered;
  const random = createRandom(sample.seed);
  for (let i = 0; i < sample.size; i += 1) {
    const j = random.int(i, ordered.length - 1);
    [ordered[i], ordered[j]] = [ordered[j] as PopulationMember, ordered[i] as PopulationMember];
  }
  return ordered.slice(0, sample.size).sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
}

/** The invitations of the drawn customers: ids `<campaign id>.<n>` numbered from 1 in customer-id order. */
export const invitationsOf = (campaignId: SurveyId, drawn: readonly PopulationMember[]): readonly Invitation[] =>
  drawn.map(({ customerId, region, segment, ownerRepId }, index) => ({
    invitationId: InvitationId.parse(`${campaignId}.${index + 1}`),
    customerId,
    region,
    segment,
    ownerRepId,
  }));
