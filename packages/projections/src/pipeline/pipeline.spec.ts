import { createMemoryEventStore } from '@salesbook/eventstore';
import Database from 'better-sqlite3';
import { ProjectionRunner } from '../runner/runner.js';
import { appendTestEvents } from '../testing/stored-events.js';
import { pipelineProjection } from './pipeline.projection.js';
import { pipelineAsOf, queryOpportunities, queryPipeline } from './pipeline.queries.js';

const opened = (
  id: string,
  repId: string,
  region: string,
  amount: number,
  month: string,
  at: string,
  stage = 'qualified',
  probabilityBp = 2_000,
) => ({
  type: 'OpportunityOpened',
  at,
  data: {
    opportunityId: id,
    customerId: `c-${id}`,
    repId,
    region,
    segment: region === 'east' ? 'smb' : 'enterprise',
    title: id,
    amount,
    currency: 'CNY',
    expectedCloseMonth: month,
    stage,
    probabilityBp,
    overridden: false,
    openedBy: repId,
    openedAt: at,
  },
});
const moved = (id: string, from: string, to: string, probabilityBp: number, at: string) => ({
  type: 'OpportunityStageMoved',
  at,
  data: { opportunityId: id, from, to, probabilityBp, overridden: false, movedBy: 'rep-1', movedAt: at },
});
const revised = (id: string, amount: number, month: string, probabilityBp: number, at: string) => ({
  type: 'OpportunityRevised',
  at,
  data: {
    opportunityId: id,
    amount,
    expectedCloseMonth: month,
    probabilityBp,
    overridden: true,
    revisedBy: 'rep-1',
    revisedAt: at,
  },
});
const lost = (id: string, at: string) => ({
  type: 'OpportunityLost',
  at,
  data: { opportunityId: id, from: 'qualified', reason: 'price', note: null, lostBy: 'rep-3', lostAt: at },
});
const line = { lineId: 'l1', sku: 'P-1', description: 'Pump', quantity: 3, unitPrice: 1_001, discountBp: 0 };
const sent = (at: string) => ({
  type: 'QuotationSent',
  at,
  data: {
    opportunityId: 'o-1',
    quotationId: 'q-1',
    currency: 'CNY',
    lines: [line],
    total: 3_003,
    validUntil: '2026-03-31',
    promisedDeliveryDate: '2026-04-30',
    paymentTerms: { kind: 'net', days: 30 },
    sentBy: 'rep-1',
    sentAt: at,
  },
});
const accepted = (at: string) => ({
  type: 'QuotationAccepted',
  at,
  data: {
    opportunityId: 'o-1',
    quotationId: 'q-1',
    orderId: 'q-1',
    acceptedOn: '2026-03-20',
    acceptedBy: 'rep-1',
    acceptedAt: at,
  },
});
const won = (at: string) => ({
  type: 'OpportunityWon',
  at,
  data: {
    opportunityId: 'o-1',
    quotationId: 'q-1',
    orderId: 'q-1',
    from: 'negotiation',
    amount: 3_003,
    wonBy: 'rep-1',
    wonAt: at,
  },
});

async function readModel() {
  const store = createMemoryEventStore();
  // o-1: opened 03-02 (1,000.05 at 20%), negotiation 03-10 (75%), quoted 03-12, won 03-20 for the quotation's 30.03.
  await appendTestEvents(store, 'opportunity-o-1', [
    opened('o-1', 'rep-1', 'east', 100_005, '2026-04', '2026-03-02T02:00:00Z'),
    moved('o-1', 'qualified', 'negotiation', 7_500, '2026-03-10T02:00:00Z'),
    sent('2026-03-12T02:00:00Z'),
    accepted('2026-03-20T02:00:00Z'),
    won('2026-03-20T02:00:00Z'),
  ]);
  // o-2: opened 03-05, revised 03-15 (16:30 UTC is 03-16 in Asia/Shanghai) to 3,000.00 in May at 33.33%.
  await appendTestEvents(store, 'opportunity-o-2', [
    opened('o-2', 'rep-2', 'east', 200_000, '2026-04', '2026-03-05T02:00:00Z', 'proposal', 5_000),
    revised('o-2', 300_000, '2026-05', 3_333, '2026-03-15T16:30:00Z'),
  ]);
  // o-3 (west): opened 03-03, lost 03-08.
  await appendTestEvents(store, 'opportunity-o-3', [
    opened('o-3', 'rep-3', 'west', 50_000, '2026-04', '2026-03-03T02:00:00Z'),
    lost('o-3', '2026-03-08T02:00:00Z'),
  ]);
  const db = new Database(':memory:');
  const runner = new ProjectionRunner({ db, store, projections: [pipelineProjection] });
  await runner.start();
  await runner.whenLive();
  return { db, runner, lag: (name: string) => runner.freshness(name).lag };
}

describe('pipeline read model', () => {
  it('keeps each opportunity as it stands, weighted half to even, and its quotations', async () => {
    const { db, runner, lag } = await readModel();
    const rows = queryOpportunities(db, lag, {}).rows.map((r) => [
      r.opportunity_id,
      r.stage,
      r.amount,
      r.probability_bp,
      r.weighted,
      r.overridden,
      r.lost_reason,
      r.won_order_id,
      r.opened_on,
      r.changed_on,
      r.closed_on,
    ]);
    expect(rows).toEqual([
      ['o-1', 'won', 3_003, 10_000, 3_003, 0, null, 'q-1', '2026-03-02', '2026-03-20', '2026-03-20'],
      ['o-3', 'lost', 50_000, 0, 0, 0, 'price', null, '2026-03-03', '2026-03-08', '2026-03-08'],
      // 300,000 x 3333 / 10000 = 99,990
      ['o-2', 'proposal', 300_000, 3_333, 99_990, 1, null, null, '2026-03-05', '2026-03-16', null],
    ]);
    expect(queryOpportunities(db, lag, { status: 'open' }).rows.map((r) => r.opportunity_id)).toEqual(['o-2']);
    expect(
      queryOpportunities(db, lag, { status: 'lost', scope: { region: 'west' } }).rows.map((r) => r.opportunity_id),
    ).toEqual(['o-3']);
    expect(
      queryOpportunities(db, lag, { scope: { repId: 'rep-1' }, customerId: 'c-o-1' }).rows.map((r) => r.opportunity_id),
    ).toEqual(['o-1']);
    const quotation = db
      .prepare('SELECT quotation_id, rep_id, region, total, status, order_id, sent_on, accepted_on FROM quotations')
      .all();
    expect(quotation).toEqual([
      {
        quotation_id: 'q-1',
        rep_id: 'rep-1',
        region: 'east',
        total: 3_003,
        status: 'accepted',
        order_id: 'q-1',
        sent_on: '2026-03-12',
        accepted_on: '2026-03-20',
      },
    ]);
    await runner.stop();
  });

  it('answers the open pipeline as it stood at the end of any date, never with later changes', async () => {
    const { db, runner } = await readModel();
    const at = (asOf: string) =>
      pipelineAsOf(db, { asOf }).map((r) => [r.opportunity_id, r.stage, r.amount, r.expected_close_month, r.weighted]);
    expect(at('2026-03-01')).toEqual([]);
    // 100,005 x 20% = 20,001; 200,000 x 50% = 100,000; 50,000 x 20% = 10,000
    expect(at('2026-03-05')).toEqual([
      ['o-1', 'qualified', 100_005, '2026-04', 20_001],
      ['o-2', 'proposal', 200_000, '2026-04', 100_000],
      ['o-3', 'qualified', 50_000, '2026-04', 10_000],
    ]);
    // 100,005 x 75% = 75,003.75 -> 75,004; o-3 lost on 03-08; o-2's revision counts from 03-16
    expect(at('2026-03-15')).toEqual([
      ['o-1', 'negotiation', 100_005, '2026-04', 75_004],
      ['o-2', 'proposal', 200_000, '2026-04', 100_000],
    ]);
    expect(at('2026-03-16')).toEqual([
      ['o-1', 'negotiation', 100_005, '2026-04', 75_004],
      ['o-2', 'proposal', 300_000, '2026-05', 99_990],
    ]);
    expect(at('2026-03-20')).toEqual([['o-2', 'proposal', 300_000, '2026-05', 99_990]]);
    expect(pipelineAsOf(db, { asOf: '2026-03-15', scope: { repId: 'rep-2' } }).map((r) => r.opportunity_id)).toEqual([
      'o-2',
    ]);
    expect(
      pipelineAsOf(db, { asOf: '2026-03-05', fromMonth: '2026-04', toMonth: '2026-04', scope: { region: 'west' } }).map(
        (r) => r.opportunity_id,
      ),
    ).toEqual(['o-3']);
    await runner.stop();
  });

  it('sums the pipeline per group and currency', async () => {
    const { db, runner, lag } = await readModel();
    const report = (groupBy: Parameters<typeof queryPipeline>[2]['groupBy']) =>
      queryPipeline(db, lag, { asOf: '2026-03-05', groupBy }).rows;
    expect(report('region')).toEqual([
      { group: 'east', currency: 'CNY', opportunities: 2, amount: 300_005, weighted: 120_001 },
      { group: 'west', currency: 'CNY', opportunities: 1, amount: 50_000, weighted: 10_000 },
    ]);
    expect(report('stage').map((r) => [r.group, r.opportunities])).toEqual([
      ['proposal', 1],
      ['qualified', 2],
    ]);
    expect(report('month').map((r) => [r.group, r.weighted])).toEqual([['2026-04', 130_001]]);
    expect(report('segment').map((r) => r.group)).toEqual(['enterprise', 'smb']);
    expect(report('rep').map((r) => r.group)).toEqual(['rep-1', 'rep-2', 'rep-3']);
    expect(report('customer').map((r) => r.group)).toEqual(['c-o-1', 'c-o-2', 'c-o-3']);
    await runner.stop();
  });
});
