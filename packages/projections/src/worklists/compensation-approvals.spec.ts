import { complaintEvents, type TestComplaint } from '../testing/complaint-events.js';
import type { TestEvent } from '../testing/stored-events.js';
import { listApprovals } from './approvals.queries.js';
import { queryMyDay } from './my-day.queries.js';
import { readModels } from './worklists.testing.js';

const filedAt = '2026-04-01T01:00:00Z';
const complaint = (complaintId: string, region = 'east'): TestComplaint => ({
  complaintId,
  category: 'delivery',
  severity: 'high',
  channel: 'phone',
  ownerRepId: 'rep-1',
  region,
  filedAt,
});
const at = (hours: number): string => new Date(Date.parse(filedAt) + hours * 3_600_000).toISOString();
const decision = { amount: 250_000, currency: 'CNY', requestedBy: 'handler-1' };

/** A complaint's events with its compensation requests and decisions, each `hours` after filing. */
function compensation(c: TestComplaint) {
  const id = { complaintId: c.complaintId };
  return {
    requested: (hours: number, by = 'handler-1', amount = 250_000): TestEvent => ({
      type: 'ComplaintCompensationRequested',
      at: at(hours),
      data: {
        ...id,
        amount,
        currency: 'CNY',
        reason: 'Secret: Ms. Li lost a day',
        region: c.region,
        requestedBy: by,
        requesterRole: 'sales_rep',
        requestedAt: at(hours),
      },
    }),
    approved: (hours: number): TestEvent => ({
      type: 'ComplaintCompensationApproved',
      at: at(hours),
      data: { ...id, ...decision, approvedBy: 'sm-1', approverRole: 'sales_manager', approvedAt: at(hours) },
    }),
    rejected: (hours: number): TestEvent => ({
      type: 'ComplaintCompensationRejected',
      at: at(hours),
      data: {
        ...id,
        ...decision,
        reason: 'no',
        rejectedBy: 'sm-1',
        rejecterRole: 'sales_manager',
        rejectedAt: at(hours),
      },
    }),
  };
}

async function history() {
  const [k1, k2, k3, k4] = [complaint('k-1'), complaint('k-2'), complaint('k-3', 'west'), complaint('k-4')];
  const life = (c: TestComplaint) => complaintEvents(c);
  const investigated: TestEvent = {
    type: 'ComplaintInvestigationRecorded',
    at: at(1.5),
    data: {
      complaintId: 'k-4',
      rootCause: 'delivery_delay',
      findings: 'crate dropped',
      recordedBy: 'handler-1',
      recordedAt: at(1.5),
    },
  };
  return readModels([
    ['complaint-k-1', [life(k1).filed(), life(k1).acknowledged(1), compensation(k1).requested(3)]],
    [
      'complaint-k-2',
      [life(k2).filed(), life(k2).acknowledged(1), compensation(k2).requested(2), compensation(k2).approved(4)],
    ],
    [
      'complaint-k-3',
      [
        life(k3).filed(),
        life(k3).acknowledged(1),
        compensation(k3).requested(2),
        compensation(k3).rejected(3),
        compensation(k3).requested(5, 'handler-1', 180_000),
      ],
    ],
    [
      'complaint-k-4',
      [life(k4).filed(), life(k4).acknowledged(1), investigated, compensation(k4).requested(2), life(k4).resolved(4)],
    ],
  ]);
}

describe('compensation requests in the approvals inbox', () => {
  it("lists a pending request to the managers of its region, never to the requester or the customer's own rep", async () => {
    const { db, lag } = await history();
    const inbox = (approverId: string, region?: string) =>
      listApprovals(db, lag, { approverId, region, discountLimitBp: 10_000, limit: 50 }).rows.map(
        (r) => `${r.kind}:${r.id}:${r.askedBy}:${r.askedAt}:${r.amount}:${r.currency}:${r.repId}:${r.region}`,
      );
    expect(inbox('sm-1')).toEqual([
      `compensation:k-1:handler-1:${at(3)}:250000:CNY:rep-1:east`,
      `compensation:k-3:handler-1:${at(5)}:180000:CNY:rep-1:west`,
    ]);
    expect(inbox('rm-east', 'east')).toEqual([`compensation:k-1:handler-1:${at(3)}:250000:CNY:rep-1:east`]);
    expect(inbox('rm-west', 'west')).toEqual([`compensation:k-3:handler-1:${at(5)}:180000:CNY:rep-1:west`]);
    expect(inbox('handler-1')).toEqual([]);
    expect(inbox('rep-1')).toEqual([]);
  });

  it("joins a manager's day and leaves it once approved, rejected or the complaint resolved", async () => {
    const { db, lag } = await history();
    const day = (id: string, region?: string) =>
      queryMyDay(db, lag, {
        today: '2026-04-01',
        now: at(6),
        scope: region === undefined ? {} : { region },
        approver: { id, discountLimitBp: 2_500 },
      }).approvals?.items.map((r) => `${r.kind}:${r.id}`);
    expect(day('rm-east', 'east')).toEqual(['compensation:k-1']);
    expect(day('sm-1')).toEqual(['compensation:k-1', 'compensation:k-3']);
  });

  it('keeps the reason (personal data) out of the read model', async () => {
    const { db } = await history();
    const rows = db.prepare('SELECT * FROM wl_complaints').all();
    expect(JSON.stringify(rows)).not.toContain('Secret');
    expect(rows.length).toBe(4);
  });
});
