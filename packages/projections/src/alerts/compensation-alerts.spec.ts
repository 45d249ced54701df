import { allProjections } from '../catalog.js';
import { projectionKit } from '../testing/projection-kit.js';
import { complaintEvents, type TestComplaint } from '../testing/complaint-events.js';
import type { TestEvent } from '../testing/stored-events.js';
import { queryAlerts } from './alerts.queries.js';

const filedAt = '2026-04-01T01:00:00Z';
const complaint = (complaintId: string, region = 'east'): TestComplaint => ({
  complaintId,
  category: 'delivery',
  severity: 'low',
  channel: 'phone',
  ownerRepId: 'rep-1',
  region,
  filedAt,
});
const at = (hours: number): string => new Date(Date.parse(filedAt) + hours * 3_600_000).toISOString();
const decision = { amount: 250_000, currency: 'CNY', requestedBy: 'handler-1' };

/** A complaint's compensation requests and decisions, each `hours` after filing. */
function compensation(c: TestComplaint) {
  const id = { complaintId: c.complaintId };
  return {
    requested: (hours: number): TestEvent => ({
      type: 'ComplaintCompensationRequested',
      at: at(hours),
      data: {
        ...id,
        amount: 250_000,
        currency: 'CNY',
        reason: 'a lost day',
        region: c.region,
        requestedBy: 'handler-1',
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

describe('alerts on compensation requests', () => {
  it('fire a day after a request still waiting then, once per request, and never for one decided or ended by a resolution in time', () => {
    const kit = projectionKit(allProjections);
    const [k1, k2, k3, k4] = [complaint('k-1'), complaint('k-2'), complaint('k-3', 'west'), complaint('k-4')];
    const life = (c: TestComplaint) => complaintEvents(c);
    // k-1 waits from 3h and is never decided; k-2 is approved at 4h; k-3 is rejected only at 30h (after its alert at
    // 26h), asked again at 40h and approved at 50h; k-4 is resolved at 10h, which ends its request.
    kit.given('complaint-k-1', [life(k1).filed(), life(k1).acknowledged(1), compensation(k1).requested(3)]);
    kit.given('complaint-k-2', [
      life(k2).filed(),
      life(k2).acknowledged(1),
      compensation(k2).requested(2),
      compensation(k2).approved(4),
    ]);
    kit.given('complaint-k-3', [
      life(k3).filed(),
      life(k3).acknowledged(1),
      compensation(k3).requested(2),
      compensation(k3).rejected(30),
      compensation(k3).requested(40),
      compensation(k3).approved(50),
    ]);
    kit.given('complaint-k-4', [
      life(k4).filed(),
      life(k4).acknowledged(1),
      compensation(k4).requested(2),
      life(k4).resolved(10),
    ]);
    const db = kit.readModels();
    const alerts = queryAlerts(db, () => 0, {
      since: '2026-04-01T00:00:00.000Z',
      now: '2026-04-10T00:00:00.000Z',
      zone: 'Asia/Shanghai',
      slaWarningMs: 0,
    }).rows.filter((alert) => alert.kind === 'approval_waiting');
    expect(alerts).toEqual([
      {
        id: `approval_waiting:compensation:k-3:${at(2)}`,
        kind: 'approval_waiting',
        fires_at: at(26),
        subject: 'complaint',
        subject_id: 'k-3',
        rep_id: 'rep-1',
        region: 'west',
        handler_id: null,
        detail: 'compensation',
      },
      {
        id: `approval_waiting:compensation:k-1:${at(3)}`,
        kind: 'approval_waiting',
        fires_at: at(27),
        subject: 'complaint',
        subject_id: 'k-1',
        rep_id: 'rep-1',
        region: 'east',
        handler_id: null,
        detail: 'compensation',
      },
    ]);
  });
});
