import { collectionEvents, receivable } from '../collections/collections.testing.js';
import { orderEvents, type KpiOrder } from '../kpi/kpi-events.testing.js';
import type { ProjectionKit } from '../testing/projection-kit.js';
import type { TestEvent } from '../testing/stored-events.js';
import { listApprovals } from './approvals.queries.js';
import { listOrders } from './orders.queries.js';
import { placedOrder, readModels, shippedPart, writeOffRequested } from './worklists.testing.js';

const order = (orderId: string, repId = 'rep-1', region = 'east'): KpiOrder => ({
  orderId,
  customerId: 'c-1',
  repId,
  region,
  currency: 'CNY',
  segment: 'smb',
});
const all = { scope: {}, limit: 50 };

describe('approvals inbox', () => {
  it("lists discounts within the approver's limit and write-offs, never their own request, in their region", async () => {
    const r1 = receivable('r-1', 'c-1', 'rep-1', 'east');
    const e1 = collectionEvents(r1);
    const { db, lag } = await readModels([
      ['order-o-1', [placedOrder(order('o-1'), '2026-04-01T02:00:00Z', '2026-04-10', 2_000, true)]],
      ['order-o-2', [placedOrder(order('o-2', 'rep-5', 'west'), '2026-04-01T03:00:00Z', '2026-04-10', 3_000, true)]],
      [
        'receivable-r-1',
        [
          e1.opened([{ installmentNo: 1, dueDate: '2026-05-01', amount: 500 }], '2026-04-01'),
          writeOffRequested(r1, '2026-04-02T02:00:00Z', 500, 'rm-east'),
        ],
      ],
    ]);
    const inbox = (approverId: string, region: string | undefined, discountLimitBp: number) =>
      listApprovals(db, lag, { approverId, region, discountLimitBp, limit: 50 }).rows.map(
        (r) => `${r.kind}:${r.id}:${r.askedBy}`,
      );
    expect(inbox('sm-1', undefined, 10_000)).toEqual([
      'discount:o-1:rep-1',
      'discount:o-2:rep-5',
      'write_off:r-1:rm-east',
    ]);
    expect(inbox('rm-east', 'east', 2_500)).toEqual(['discount:o-1:rep-1']);
    expect(inbox('rm-west', 'west', 2_500)).toEqual([]);
    expect(inbox('rep-1', undefined, 10_000)).toEqual(['discount:o-2:rep-5', 'write_off:r-1:rm-east']);
  });
});

describe('orders awaiting approval', () => {
  it("name who asked (the command's actor), again after an amendment, and leave the inbox once approved or cancelled", async () => {
    const o1 = order('o-1');
    const placed = placedOrder(o1, '2026-04-01T02:00:00Z', '2026-04-10', 3_000, true);
    // Placed by the regional manager (metadata.actor), for rep-1: someone else approves it.
    const byManager = (kit: ProjectionKit): void => {
      kit.given('order-o-1', [placed], {
        schemaVersion: 1,
        metadata: { actor: { id: 'rm-east', role: 'regional_manager', region: 'east' } },
      });
    };
    const lines = (discountBp: number) => [{ lineId: 'l1', sku: 'SKU-1', quantity: 10, unitPrice: 100, discountBp }];
    const amended = orderEvents(order('o-2')).amended(lines(0), lines(2_000), [1_000, 800], 0, '2026-04-02T02:00:00Z');
    const amendedIntoApproval: TestEvent = { ...amended, data: { ...amended.data, approvalRequired: true } };
    const { db, lag } = await readModels(
      [
        ['order-o-2', [placedOrder(order('o-2'), '2026-04-01T03:00:00Z', '2026-04-10'), amendedIntoApproval]],
        [
          'order-o-3',
          [
            placedOrder(order('o-3'), '2026-04-01T04:00:00Z', '2026-04-10', 1_500, true),
            orderEvents(order('o-3')).cancelled(false, 0, '2026-04-01T05:00:00Z'),
          ],
        ],
      ],
      byManager,
    );
    const inbox = (approverId: string) =>
      listApprovals(db, lag, { approverId, discountLimitBp: 10_000, limit: 50 }).rows.map(
        (r) => `${r.id}:${r.askedBy}:${r.discountBp}`,
      );
    expect(inbox('sm-1')).toEqual(['o-1:rm-east:3000', 'o-2:rep-1:2000']);
    expect(inbox('rm-east')).toEqual(['o-2:rep-1:2000']);
  });

  it('a short close before anything shipped is not late; after a shipment it still awaits delivery', async () => {
    const [a, b] = [order('o-a'), order('o-b')];
    const closing = (o: KpiOrder, shipped: number) =>
      orderEvents(o).closed(
        [{ lineId: 'l1', sku: 'SKU-1', orderedBefore: 10, shipped }],
        [1_000, shipped * 100],
        '2026-04-06T02:00:00Z',
      );
    const lines = [{ lineId: 'l1', sku: 'SKU-1', quantity: 10, unitPrice: 100, discountBp: 0 }];
    const { db, lag } = await readModels([
      [
        'order-o-a',
        [
          placedOrder(a, '2026-04-01T02:00:00Z', '2026-04-10'),
          orderEvents(a).confirmed(lines, 1_000, '2026-04-01T03:00:00Z', '2026-04-10'),
          closing(a, 0),
        ],
      ],
      [
        'order-o-b',
        [
          placedOrder(b, '2026-04-02T02:00:00Z', '2026-04-10'),
          orderEvents(b).confirmed(lines, 1_000, '2026-04-02T03:00:00Z', '2026-04-10'),
          shippedPart(b, '2026-04-05', 4, 10),
          closing(b, 4),
        ],
      ],
    ]);
    expect(
      listOrders(db, lag, { ...all, today: '2026-04-11', status: 'late' }).rows.map((r) => `${r.orderId}:${r.status}`),
    ).toEqual(['o-b:closed']);
  });
});
