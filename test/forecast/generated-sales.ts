import { generateActivity } from '@salesbook/generator';
import { businessMonth } from '@salesbook/projections';

/** Booked sales in CNY per business month of a generated history, as the sales reports count them. */
export function generatedMonthlySales(): number[] {
  const months = new Map<string, number>();
  for (const batch of generateActivity({ seed: 11, start: '2021-01-01', months: 48, customers: 60 })) {
    for (const { events } of batch.commands) {
      for (const event of events) {
        const booked = bookedBy(event.type, event.data);
        if (booked === undefined || booked.currency !== 'CNY') continue;
        const month = businessMonth(event.metadata.occurredAt ?? '', 'Asia/Shanghai');
        months.set(month, (months.get(month) ?? 0) + booked.amount);
      }
    }
  }
  return [...months.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, amount]) => amount);
}

function bookedBy(type: string, data: object): { currency: unknown; amount: number } | undefined {
  const d = data as Record<string, unknown>;
  const amount = (key: string): number => (typeof d[key] === 'number' ? d[key] : 0);
  if (type === 'OrderConfirmed') return { currency: d['currency'], amount: amount('bookedTotal') };
  if (type === 'OrderAmended' || type === 'OrderClosed')
    return { currency: d['currency'], amount: amount('bookedDelta') };
  if (type === 'OrderCancelled' && d['wasConfirmed'] === true)
    return { currency: d['currency'], amount: -amount('bookedReversed') };
  return undefined;
}
