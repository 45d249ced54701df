import type { TestEvent } from './stored-events.js';

/** A test complaint: its classification, attribution and filing instant. */
export interface TestComplaint {
  readonly complaintId: string;
  readonly category: 'product_quality' | 'delivery' | 'billing' | 'service' | 'other';
  readonly severity: 'low' | 'medium' | 'high' | 'critical';
  readonly channel: 'phone' | 'email' | 'web' | 'visit';
  readonly ownerRepId: string;
  readonly region: string;
  readonly filedAt: string;
}

/** Events of a complaint's life, each `hours` after its filing. */
export function complaintEvents(c: TestComplaint) {
  const at = (hours: number): string => new Date(Date.parse(c.filedAt) + hours * 3_600_000).toISOString();
  const id = { complaintId: c.complaintId };
  const event = (type: string, hours: number, data: Record<string, unknown>): TestEvent => ({
    type,
    at: at(hours),
    data: { ...id, ...data },
  });
  return {
    filed: (): TestEvent => ({
      type: 'ComplaintFiled',
      at: c.filedAt,
      data: {
        ...id,
        customerId: `cust-${c.complaintId}`,
        orderId: null,
        channel: c.channel,
        category: c.category,
        severity: c.severity,
        description: 'Secret description: call Ms. Li on 138 0000 0000',
        ownerRepId: c.ownerRepId,
        region: c.region,
        filedBy: c.ownerRepId,
        filedAt: c.filedAt,
      },
    }),
    acknowledged: (hours: number) =>
      event('ComplaintAcknowledged', hours, {
        handlerId: 'handler-1',
        acknowledgedBy: 'handler-1',
        acknowledgedAt: at(hours),
      }),
    awaiting: (hours: number) =>
      event('ComplaintAwaitingCustomer', hours, {
        note: 'Asked for photos.',
        pausedBy: 'handler-1',
        pausedAt: at(hours),
      }),
    responded: (fromHours: number, hours: number) =>
      event('ComplaintCustomerResponded', hours, {
        note: null,
        recordedBy: 'handler-1',
        pausedAt: at(fromHours),
        resumedAt: at(hours),
        pausedMs: (hours - fromHours) * 3_600_000,
      }),
    resolved: (hours: number) =>
      event('ComplaintResolved', hours, {
        rootCause: 'delivery_delay',
        resolution: 'Replaced the goods.',
        compensation: null,
        resolvedBy: 'handler-1',
        resolverRole: 'sales_rep',
        resolvedAt: at(hours),
      }),
    closed: (hours: number, satisfaction: number) =>
      event('ComplaintClosed', hours, {
        satisfaction,
        ownerRepId: c.ownerRepId,
        region: c.region,
        closedBy: 'handler-1',
        closedAt: at(hours),
      }),
    reopened: (closedHours: number, hours: number, reopenCount = 1) =>
      event('ComplaintReopened', hours, {
        reason: 'Still broken.',
        reopenCount,
        closedAt: at(closedHours),
        reopenedBy: c.ownerRepId,
        reopenedAt: at(hours),
      }),
  };
}
