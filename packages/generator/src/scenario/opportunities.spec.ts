import type { GeneratedEvent } from '../activity.js';
import { generateActivity } from '../generate.js';

/** A data field of a generated event (GeneratedEvent's data is not narrowed by its type). */
const field = (event: GeneratedEvent, key: string): unknown => (event.data as Record<string, unknown>)[key];
const ofType = (events: readonly GeneratedEvent[], type: string): GeneratedEvent[] =>
  events.filter((event) => event.type === type);

describe('the generated pipeline', () => {
  // Four months of the demonstration's company (about 20 customers per rep), run to the end of the period.
  const batches = [...generateActivity({ seed: 42, start: '2025-01-01', months: 4, customers: 240 })];
  const events = batches.flatMap((batch) => batch.commands.flatMap((command) => command.events));
  const opened = ofType(events, 'OpportunityOpened');
  const won = ofType(events, 'OpportunityWon');
  const lost = ofType(events, 'OpportunityLost');

  it('opens several opportunities per rep and month, wins 25-45% of those closed and leaves some open', () => {
    const reps = new Set(opened.map((event) => field(event, 'repId')));
    expect(opened.length / reps.size / 4).toBeGreaterThan(2);
    expect(won.length / (won.length + lost.length)).toBeGreaterThan(0.25);
    expect(won.length / (won.length + lost.length)).toBeLessThan(0.45);
    const open = opened.length - won.length - lost.length;
    expect(open).toBeGreaterThan(opened.length / 10);
  });

  it('loses deals for several of the documented reasons, and revises and overrides some', () => {
    expect(new Set(lost.map((event) => field(event, 'reason'))).size).toBeGreaterThanOrEqual(4);
    expect(ofType(events, 'OpportunityRevised').length).toBeGreaterThan(0);
    const overridden = events.filter((event) => event.type.startsWith('Opportunity') && field(event, 'overridden'));
    expect(overridden.length).toBeGreaterThan(0);
  });

  it('dates every change by the clock of the command that made it, moving through the stages in order', () => {
    const stamps = { OpportunityOpened: 'openedAt', OpportunityStageMoved: 'movedAt', OpportunityLost: 'lostAt' };
    for (const [type, key] of Object.entries(stamps))
      for (const event of ofType(events, type)) expect(field(event, key)).toBe(event.metadata.occurredAt);
    const moves = ofType(events, 'OpportunityStageMoved').map(
      (event) => `${field(event, 'from')}>${field(event, 'to')}`,
    );
    expect(new Set(moves)).toEqual(new Set(['qualified>proposal', 'proposal>negotiation']));
  });

  it("wins a deal only by an accepted quotation whose order, with the quotation's lines, is placed just before", () => {
    expect(won.length).toBeGreaterThan(5);
    const quoted = new Map(ofType(events, 'QuotationSent').map((event) => [field(event, 'quotationId'), event]));
    const placed = new Map(ofType(events, 'OrderPlaced').map((event) => [field(event, 'orderId'), event]));
    for (const event of won) {
      const quotation = quoted.get(field(event, 'quotationId'));
      const order = placed.get(field(event, 'orderId'));
      expect(field(event, 'orderId')).toBe(field(event, 'quotationId'));
      if (quotation === undefined || order === undefined) throw new Error(`no quotation or order for ${event.type}`);
      const terms = (e: GeneratedEvent) => [field(e, 'promisedDeliveryDate'), field(e, 'paymentTerms')];
      expect(terms(order)).toEqual(terms(quotation));
      const lines = (e: GeneratedEvent) =>
        (field(e, 'lines') as { sku: string; quantity: number; unitPrice: number; discountBp: number }[]).map(
          ({ sku, quantity, unitPrice, discountBp }) => ({ sku, quantity, unitPrice, discountBp }),
        );
      expect(lines(order)).toEqual(lines(quotation));
      expect(field(event, 'amount')).toBe(field(quotation, 'total'));
      expect(order.metadata.occurredAt).toBe(event.metadata.occurredAt);
    }
  });
});
