import { surveyed, type TestAnswer, type TestCustomer } from '../testing/customer-events.js';
import { followUpClosed, followUpOpened } from '../testing/follow-up-events.js';
import { projectionKit } from '../testing/projection-kit.js';
import { decodeCursor } from '../worklists/paging.js';
import {
  querySatisfactionAnswers,
  SATISFACTION_ANSWER_LIST,
  type SatisfactionAnswerFilter,
} from './satisfaction-answers.queries.js';
import { satisfactionProjection } from './satisfaction.projection.js';
import { querySatisfaction } from './satisfaction.queries.js';

const east: TestCustomer = { customerId: 'c-east', region: 'east', ownerRepId: 'rep-1', segment: 'smb' };
const west: TestCustomer = { customerId: 'c-west', region: 'west', ownerRepId: 'rep-2', segment: 'enterprise' };
const a = (nps: number, csat: number, items: TestAnswer['items']): TestAnswer => ({ nps, csat, items });
const day = (d: string) => `2026-${d}T02:00:00Z`;
const s1 = a(10, 5, [5, 4, 4, 3]);
const s2 = a(8, 4, [3, 2, 4, 3]);
const s3 = a(3, 2, [2, 2, 2, 2]);
const w1 = a(6, 3, [4, 2, 3, 3]);
const campaignAnswer = surveyed(east, 'q1', s1, day('03-02'));

/** March: a promoter (campaign q1), a passive and a detractor in east, a detractor in west; April: a west promoter. */
const kit = projectionKit([satisfactionProjection])
  .given('customer-c-east', [
    { ...campaignAnswer, data: { ...campaignAnswer.data, campaignId: 'q1', invitationId: 'q1.1', channel: 'link' } },
    surveyed(east, 's2', s2, day('03-05')),
    surveyed(east, 's3', s3, day('03-05')),
    followUpOpened(east, 's3', s3, day('03-05')),
    followUpClosed(east, 's3', true, day('03-06')),
  ])
  .given('customer-c-west', [
    surveyed(west, 'w1', w1, day('03-03')),
    followUpOpened(west, 'w1', w1, day('03-03')),
    surveyed(west, 'w2', a(9, 5, [5, 5, 5, 5]), day('04-01')),
  ]);
const db = kit.readModels();

const ids = (filter: Partial<SatisfactionAnswerFilter>) =>
  querySatisfactionAnswers(db, () => 0, { from: '2026-03', to: '2026-03', scope: {}, limit: 50, ...filter }).rows.map(
    (row) => `${row.customer_id}/${row.survey_id}`,
  );

describe('the answers behind a satisfaction figure', () => {
  it('are the answers of the period, oldest first, without the comment', () => {
    expect(kit.parked).toEqual([]);
    expect(ids({})).toEqual(['c-east/q1', 'c-west/w1', 'c-east/s2', 'c-east/s3']);
    const [first] = querySatisfactionAnswers(db, () => 0, { from: '2026-03', to: '2026-03', scope: {}, limit: 1 }).rows;
    expect(first).toMatchObject({ campaign_id: 'q1', has_comment: 1, nps: 10, follow_up: 'none' });
    expect(JSON.stringify(first)).not.toContain('Secret');
  });

  it('open each band of the figure, as many as the figure counts', () => {
    expect(ids({ nps: 'promoters' })).toEqual(['c-east/q1']);
    expect(ids({ nps: 'passives' })).toEqual(['c-east/s2']);
    expect(ids({ nps: 'detractors' })).toEqual(['c-west/w1', 'c-east/s3']);
    expect(ids({ csat: 'satisfied' })).toEqual(['c-east/q1', 'c-east/s2']);
    expect(ids({ csat: 'not_satisfied' })).toEqual(['c-west/w1', 'c-east/s3']);
    const [march] = querySatisfaction(db, () => 0, { from: '2026-03', to: '2026-03' }).rows;
    expect(march?.nps).toMatchObject({ promoters: 1, passives: 1, detractors: 2 });
    expect(march?.csat).toMatchObject({ satisfied: 2, n: 4 });
  });

  it('open the closed loop, an item score, a campaign, a segment and a scope', () => {
    expect(ids({ followUp: 'opened' })).toEqual(['c-west/w1', 'c-east/s3']);
    expect(ids({ followUp: 'closed' })).toEqual(['c-east/s3']);
    expect(ids({ followUp: 'recovered' })).toEqual(['c-east/s3']);
    expect(ids({ item: 'delivery', score: 2 })).toEqual(['c-west/w1', 'c-east/s2', 'c-east/s3']);
    expect(ids({ item: 'product_quality', score: 5 })).toEqual(['c-east/q1']);
    expect(ids({ campaignId: 'q1' })).toEqual(['c-east/q1']);
    expect(ids({ segment: 'enterprise', to: '2026-04' })).toEqual(['c-west/w1', 'c-west/w2']);
    expect(ids({ scope: { repId: 'rep-2' } })).toEqual(['c-west/w1']);
    expect(ids({ scope: { region: 'east' }, nps: 'detractors' })).toEqual(['c-east/s3']);
    expect(ids({ from: '2026-03-04', to: '2026-03-05' })).toEqual(['c-east/s2', 'c-east/s3']);
  });

  it('come a page at a time, the cursor after the last row of the page', () => {
    const page = (after?: readonly string[]) =>
      querySatisfactionAnswers(db, () => 0, { from: '2026-03', to: '2026-04', scope: {}, limit: 2, after });
    const first = page();
    expect(first.rows.map((row) => row.survey_id)).toEqual(['q1', 'w1']);
    const after = decodeCursor(SATISFACTION_ANSWER_LIST, first.nextCursor ?? '', 3);
    expect(after).toEqual(['2026-03-03', 'c-west', 'w1']);
    const second = page(after);
    expect(second.rows.map((row) => row.survey_id)).toEqual(['s2', 's3']);
    const third = page(decodeCursor(SATISFACTION_ANSWER_LIST, second.nextCursor ?? '', 3));
    expect([third.rows.map((row) => row.survey_id), third.nextCursor]).toEqual([['w2'], null]);
  });
});
