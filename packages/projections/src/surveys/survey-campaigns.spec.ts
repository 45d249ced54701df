import { projectionKit, type ProjectionKit } from '../testing/projection-kit.js';
import { surveyed, type TestCustomer } from '../testing/customer-events.js';
import type { TestEvent } from '../testing/stored-events.js';
import { npsInterval, wilson } from './campaign-figures.js';
import { listCampaigns, queryCampaignCoverage, type CoverageFilter } from './campaign-coverage.queries.js';
import { surveyCampaignsProjection } from './survey-campaigns.projection.js';
import { surveyInvitationAnswersTable } from './survey-campaigns.tables.js';

const c1: TestCustomer = { customerId: 'c1', region: 'east', ownerRepId: 'rep-1', segment: 'smb' };
const c2: TestCustomer = { customerId: 'c2', region: 'east', ownerRepId: 'rep-1', segment: 'enterprise' };
const c3: TestCustomer = { customerId: 'c3', region: 'west', ownerRepId: 'rep-2', segment: 'smb' };
const c4: TestCustomer = { customerId: 'c4', region: 'west', ownerRepId: 'rep-2', segment: 'smb' };

const planned = (id: string, at: string): TestEvent => ({
  type: 'SurveyCampaignPlanned',
  at,
  data: {
    campaignId: id,
    name: `Campaign ${id}`,
    period: at.slice(0, 7),
    population: { segments: [], regions: [], orderedWithinMonths: 6 },
    sample: { kind: 'all' },
    questions: ['nps', 'csat', 'productQuality', 'delivery', 'service', 'price'],
    opensOn: at.slice(0, 10),
    closesOn: `${at.slice(0, 7)}-28`,
    plannedBy: 'an-1',
    plannerRole: 'market_analyst',
    plannedAt: at,
  },
});
const launched = (id: string, customers: readonly TestCustomer[], at: string): TestEvent[] => [
  {
    type: 'SurveyCampaignLaunched',
    at,
    data: {
      campaignId: id,
      populationSize: customers.length,
      invited: customers.length,
      launchedBy: 'sm-1',
      launchedAt: at,
    },
  },
  ...customers.map((c, index) => ({
    type: 'SurveyInvitationIssued',
    at,
    data: {
      campaignId: id,
      invitationId: `${id}.${index + 1}`,
      customerId: c.customerId,
      region: c.region,
      segment: c.segment,
      ownerRepId: c.ownerRepId,
      issuedAt: at,
    },
  })),
];
/** The answer of `c` to invitation `n` of campaign `id`, on 2026-`day` at 10:00 in Shanghai. */
const answered = (c: TestCustomer, id: string, n: number, day: string, nps: number, csat: number): TestEvent => {
  const event = surveyed(c, id, { nps, csat, items: [3, 3, 3, 3] }, `2026-${day}T02:00:00Z`);
  return { ...event, data: { ...event.data, campaignId: id, invitationId: `${id}.${n}`, channel: 'link' } };
};

/** q1 (launched 5 Jan) invited c1-c3, c1 and c3 answered; q2 (launched 6 Apr) invited c1-c4, c4 did not answer. */
function history(): ProjectionKit {
  return projectionKit([surveyCampaignsProjection])
    .given('campaign-q1', [
      planned('q1', '2026-01-02T02:00:00Z'),
      ...launched('q1', [c1, c2, c3], '2026-01-05T02:00:00Z'),
    ])
    .given('campaign-q2', [
      planned('q2', '2026-04-01T02:00:00Z'),
      ...launched('q2', [c1, c2, c3, c4], '2026-04-06T02:00:00Z'),
    ])
    .given('campaign-q3', [planned('q3', '2026-07-01T02:00:00Z')])
    .given('customer-c1', [answered(c1, 'q1', 1, '01-07', 10, 5), answered(c1, 'q2', 1, '04-07', 9, 4)])
    .given('customer-c2', [
      answered(c2, 'q2', 2, '04-09', 8, 4),
      surveyed(c2, 'by-phone', { nps: 0, csat: 1, items: [1, 1, 1, 1] }, '2026-04-09T03:00:00Z'),
    ])
    .given('customer-c3', [answered(c3, 'q1', 3, '01-12', 3, 2), answered(c3, 'q2', 3, '04-10', 5, 3)]);
}

const coverage = (kit: ProjectionKit, filter: CoverageFilter) =>
  queryCampaignCoverage(kit.readModels(), () => 0, filter);

describe('the 95% intervals', () => {
  it('are Wilson intervals for a share, inside [0, 1] also at 0 and 1 (values from published tables)', () => {
    expect(wilson(8, 10)).toEqual({ low: 0.4902, high: 0.9433 });
    expect(wilson(2, 3)).toEqual({ low: 0.2077, high: 0.9385 });
    expect(wilson(0, 1)).toEqual({ low: 0, high: 0.7935 });
    expect(wilson(0, 0)).toBeNull();
  });

  it('are NPS +- 1.96 standard errors of the +1/0/-1 scores, clipped to [-1, 1], degenerate without spread', () => {
    // P = D = 1 of 3: NPS 0, variance 2/3, half-width 1.96 sqrt(2/9) = 0.9239.
    expect(npsInterval(1, 1, 3)).toEqual({ low: -0.9239, high: 0.9239 });
    // 1 promoter, 1 passive: 0.5 +- 1.96 sqrt(0.25 / 2) = 0.5 +- 0.6930, the top clipped.
    expect(npsInterval(1, 0, 2)).toEqual({ low: -0.193, high: 1 });
    expect(npsInterval(0, 1, 1)).toEqual({ low: -1, high: -1 });
    expect(npsInterval(0, 0, 0)).toBeNull();
  });
});

describe('survey campaign coverage', () => {
  it('keeps only answers to invitations, apart from the invitations', () => {
    const kit = history();
    expect(kit.parked).toEqual([]);
    const rows = kit.rows(surveyInvitationAnswersTable);
    expect(rows.map((row) => `${row.invitation_id} ${row.responded_on} ${row.nps}/${row.csat} ${row.channel}`)).toEqual(
      [
        'q1.1 2026-01-07 10/5 link',
        'q1.3 2026-01-12 3/2 link',
        'q2.1 2026-04-07 9/4 link',
        'q2.2 2026-04-09 8/4 link',
        'q2.3 2026-04-10 5/3 link',
      ],
    );
  });

  it('gives the total of a campaign beside the previous one launched', () => {
    const result = coverage(history(), { campaignId: 'q2' });
    expect(result?.previousCampaign?.campaign_id).toBe('q1');
    // q2: 3 of 4 answered after 1, 3 and 4 days; CSAT 2 of 3; NPS one promoter, one passive, one detractor.
    expect(result?.total).toEqual({
      invited: 4,
      answered: 3,
      responseRate: 0.75,
      daysToAnswer: { median: 3, mean: 2.7 },
      csat: { value: 0.6667, n: 3, satisfied: 2, interval: { low: 0.2077, high: 0.9385 } },
      nps: { value: 0, n: 3, promoters: 1, passives: 1, detractors: 1, interval: { low: -0.9239, high: 0.9239 } },
      // q1: 2 of 3 answered after 2 and 7 days; CSAT 1 of 2; NPS 10 and 3.
      previous: {
        invited: 3,
        answered: 2,
        responseRate: 0.6667,
        daysToAnswer: { median: 4.5, mean: 4.5 },
        csat: { value: 0.5, n: 2, satisfied: 1, interval: { low: 0.0945, high: 0.9055 } },
        nps: { value: 0, n: 2, promoters: 1, passives: 0, detractors: 1, interval: { low: -1, high: 1 } },
      },
    });
  });

  it('groups by region, with each region of the previous campaign beside it', () => {
    const rows = coverage(history(), { campaignId: 'q2', groupBy: 'region' })?.rows ?? [];
    expect(rows.map((r) => [r.group, r.invited, r.answered, r.responseRate, r.daysToAnswer.median])).toEqual([
      ['east', 2, 2, 1, 2],
      ['west', 2, 1, 0.5, 4],
    ]);
    expect(rows[0]?.nps).toEqual({
      value: 0.5,
      n: 2,
      promoters: 1,
      passives: 1,
      detractors: 0,
      interval: { low: -0.193, high: 1 },
    });
    expect(rows[1]?.csat).toEqual({ value: 0, n: 1, satisfied: 0, interval: { low: 0, high: 0.7935 } });
    expect(
      rows.map((r) => [r.group, r.previous?.invited, r.previous?.answered, r.previous?.daysToAnswer.mean]),
    ).toEqual([
      ['east', 2, 1, 2],
      ['west', 1, 1, 7],
    ]);
  });

  it("scopes to a rep's or a region's invitations, by the owner at the launch", () => {
    const kit = history();
    const east = coverage(kit, { campaignId: 'q2', groupBy: 'segment', scope: { repId: 'rep-1' } });
    expect(east?.rows.map((r) => [r.group, r.invited, r.answered, r.previous?.answered ?? null])).toEqual([
      ['enterprise', 1, 1, 0],
      ['smb', 1, 1, 1],
    ]);
    expect(coverage(kit, { campaignId: 'q2', scope: { region: 'west' } })?.total).toMatchObject({
      invited: 2,
      answered: 1,
      previous: { invited: 1, answered: 1 },
    });
  });

  it('has no previous campaign for the first, none for one not launched, and nothing for an unknown id', () => {
    const kit = history();
    const first = coverage(kit, { campaignId: 'q1', groupBy: 'rep' });
    expect([first?.previousCampaign, first?.total.previous, first?.rows.map((r) => r.previous)]).toEqual([
      null,
      null,
      [null, null],
    ]);
    const plannedOnly = coverage(kit, { campaignId: 'q3' });
    expect([plannedOnly?.campaign.status, plannedOnly?.rows, plannedOnly?.total.invited]).toEqual(['planned', [], 0]);
    expect(coverage(kit, { campaignId: 'nope' })).toBeUndefined();
  });

  it('lists campaigns, the latest to open first, with status and counts in the scope', () => {
    const db = history().readModels();
    const list = (scope: object) =>
      listCampaigns(db, scope).map((c) => [c.campaign_id, c.status, c.invited, c.answered]);
    expect(list({})).toEqual([
      ['q3', 'planned', 0, 0],
      ['q2', 'launched', 4, 3],
      ['q1', 'launched', 3, 2],
    ]);
    expect(list({ repId: 'rep-2' })).toEqual([
      ['q3', 'planned', 0, 0],
      ['q2', 'launched', 2, 1],
      ['q1', 'launched', 1, 1],
    ]);
  });
});
