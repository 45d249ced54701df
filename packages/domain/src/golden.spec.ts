import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isRight } from 'fp-ts/lib/Either.js';
import { salesbookEventRegistry } from './events.js';

// The golden corpus is serialized history as releases wrote it. Every run decodes all of it:
// a schema change that old history no longer satisfies fails here, before it reaches a store.
interface GoldenEvent {
  readonly type: string;
  readonly version: number;
  readonly data: unknown;
}

const dir = path.join(__dirname, '..', 'golden');
const corpus = readdirSync(dir)
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) =>
    (JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as GoldenEvent[]).map((event, index) => ({
      file,
      index,
      event,
    })),
  );

describe('golden events', () => {
  it('has a corpus from every aggregate', () => {
    expect(new Set(corpus.map((entry) => entry.file))).toEqual(
      new Set([
        'complaint.json',
        'customer.json',
        'order.json',
        'receivable.json',
        'target.json',
        'team.json',
        'period.json',
        'monthly-report.json',
        'product.json',
        'pricelist.json',
        'promotion.json',
        'survey-campaign.json',
        'webhook.json',
        'commission.json',
        'commission-statement.json',
        'competition.json',
        'forecast.json',
        'evaluation.json',
        'improvement-action.json',
        'opportunity.json',
        'market.json',
        'competitor.json',
      ]),
    );
  });

  it.each(
    corpus.map(
      (entry) => [`${entry.file}#${entry.index} ${entry.event.type} v${entry.event.version}`, entry.event] as const,
    ),
  )('%s decodes', (_label, event) => {
    const decoded = salesbookEventRegistry.decode(event.type, event.data, event.version);
    expect(decoded).toMatchObject({ _tag: 'Right', right: { type: event.type } });
    if (isRight(decoded) && event.version === salesbookEventRegistry.versionOf(event.type)) {
      // Current-version data is read back unchanged: no field silently dropped or renamed.
      expect(decoded.right.data).toEqual(event.data);
    }
  });

  it('covers every event type at its current version', () => {
    const covered = new Set(
      corpus.filter((e) => e.event.version === salesbookEventRegistry.versionOf(e.event.type)).map((e) => e.event.type),
    );
    expect(salesbookEventRegistry.types.filter((type) => !covered.has(type))).toEqual([]);
  });

  it('keeps an older version whose upcast is exercised', () => {
    const older = corpus.filter((e) => e.event.version < (salesbookEventRegistry.versionOf(e.event.type) ?? 0));
    expect(older.map((e) => e.event.type)).toContain('CustomerRegistered');
  });
});
