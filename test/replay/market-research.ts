import type { EventStore } from '@salesbook/eventstore';

/** Market size estimates (one superseded) and competitor prices: the generator does not record market research yet. */
export async function appendMarketResearch(store: EventStore): Promise<void> {
  let n = 0;
  const event = (type: string, data: object, occurredAt: string) => {
    n += 1;
    return {
      eventId: `33000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      type,
      data: JSON.parse(JSON.stringify(data)),
      metadata: { occurredAt, schemaVersion: 1 },
    };
  };
  const at = '2026-01-05T02:00:00Z';
  const estimate = (amount: number, previousAmount: number | null) => ({
    ...{ region: 'east', segment: 'smb', period: '2026-Q1', currency: 'CNY', amount, low: null, high: null },
    ...{ source: 'association figures', previousAmount, estimatedBy: 'analyst-01', estimatedAt: at },
  });
  await store.appendToStream('market-east-smb', [
    event('MarketSizeEstimated', estimate(90_000_000, null), at),
    event('MarketSizeEstimated', estimate(95_000_000, 90_000_000), at),
  ]);
  const observed = (observationId: string, sku: string | null, category: string | null, price: number) => ({
    ...{ observationId, competitor: 'Acme', sku, category, currency: 'CNY', price, unit: 'pcs' },
    ...{ observedOn: '2026-01-04', source: 'web', note: null, recordedBy: 'analyst-01', recordedAt: at },
  });
  await store.appendToStream('competitor-r1', [event('CompetitorPriceObserved', observed('r1', 'P-1', null, 990), at)]);
  await store.appendToStream('competitor-r2', [
    event('CompetitorPriceObserved', observed('r2', null, 'pumps', 1_200), at),
  ]);
}
