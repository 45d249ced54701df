import type { Alert, WebhookSubscriptionRow } from '@salesbook/projections';
import { deliveriesOf, queuingAt } from './queuing.js';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const due = (ms: number) => ({ ms, due: true });
const cursor = { until: '2026-03-10T00:00:00.000Z', floor: '2026-03-01T00:00:00.000Z', positions: '["7","7","2"]' };

describe('queuingAt', () => {
  it('queues nothing on a new outbox, and starts its cursor at now', () => {
    expect(queuingAt(undefined, at('2026-03-10T00:00:00Z'), '[]', due(24 * HOUR))).toEqual({
      window: undefined,
      until: '2026-03-10T00:00:00.000Z',
      positions: '[]',
      lookedBack: false,
    });
  });

  it('queues what fired since the cursor while the read models stand still', () => {
    expect(queuingAt(cursor, at('2026-03-10T00:00:01Z'), cursor.positions, due(24 * HOUR))).toEqual({
      window: { since: at(cursor.until), until: at('2026-03-10T00:00:01Z') },
      until: '2026-03-10T00:00:01.000Z',
      positions: cursor.positions,
      lookedBack: false,
    });
  });

  it('looks back when the read models moved, as far as the look-back reaches', () => {
    const queuing = queuingAt(cursor, at('2026-03-10T00:00:01Z'), '["8","8","2"]', due(24 * HOUR));
    expect(queuing.window).toEqual({ since: at('2026-03-09T00:00:01Z'), until: at('2026-03-10T00:00:01Z') });
    expect([queuing.positions, queuing.lookedBack]).toEqual(['["8","8","2"]', true]);
  });

  it('waits for a look-back to be due without forgetting that the read models moved', () => {
    const queuing = queuingAt(cursor, at('2026-03-10T00:00:01Z'), '["8","8","2"]', { ms: 24 * HOUR, due: false });
    expect(queuing).toEqual({
      window: { since: at(cursor.until), until: at('2026-03-10T00:00:01Z') },
      until: '2026-03-10T00:00:01.000Z',
      positions: cursor.positions,
      lookedBack: false,
    });
  });

  it('never looks back before the floor, nor to after the cursor', () => {
    expect(queuingAt(cursor, at('2026-03-10T00:00:01Z'), 'moved', due(744 * HOUR)).window?.since).toBe(
      at(cursor.floor),
    );
    expect(queuingAt(cursor, at('2026-03-12T00:00:00Z'), 'moved', due(HOUR)).window?.since).toBe(at(cursor.until));
  });

  it('keeps the cursor when the clock is behind it, and looks back only if the read models moved, up to the cursor', () => {
    const behind = at('2026-03-09T12:00:00Z');
    expect(queuingAt(cursor, behind, cursor.positions, due(24 * HOUR))).toMatchObject({
      window: undefined,
      until: cursor.until,
    });
    // An alert learnt now that fired between the clock and the cursor is in the window: the positions are recorded,
    // so no later look-back would find it.
    expect(queuingAt(cursor, behind, 'moved', due(24 * HOUR))).toMatchObject({
      window: { since: at('2026-03-08T12:00:00Z'), until: at(cursor.until) },
      until: cursor.until,
      positions: 'moved',
    });
  });

  it('treats an outbox from before positions were kept as moved', () => {
    const old = { ...cursor, positions: null };
    expect(queuingAt(old, at('2026-03-10T00:00:01Z'), '[]', due(HOUR)).window?.since).toBe(at('2026-03-09T23:00:01Z'));
  });
});

const subscription = (id: string, extra: Partial<WebhookSubscriptionRow> = {}): WebhookSubscriptionRow => ({
  subscription_id: id,
  url: `https://hooks.example/${id}`,
  kinds: JSON.stringify(['approval_waiting']),
  region: null,
  subscribed_by: 'sm-1',
  subscribed_at: '2026-03-01T00:00:00.000Z',
  cancelled_at: null,
  ...extra,
});
const alert = (id: string, firesAt: string, extra: Partial<Alert> = {}): Alert => ({
  id,
  kind: 'approval_waiting',
  fires_at: firesAt,
  subject: 'order',
  subject_id: 'o-1',
  rep_id: 'rep-1',
  region: 'east',
  handler_id: null,
  detail: 'discount',
  ...extra,
});

describe('deliveriesOf', () => {
  it('makes one delivery per matching subscription and alert, with an id of both', () => {
    const alerts = [
      alert('a', '2026-03-02T00:00:00.000Z'),
      alert('b', '2026-03-02T00:00:00.000Z', { kind: 'order_late' }),
      alert('c', '2026-03-02T00:00:00.000Z', { region: 'west' }),
    ];
    const made = deliveriesOf([subscription('all'), subscription('east', { region: 'east' })], alerts);
    expect(made.map((d) => [d.subscription_id, d.alert_id])).toEqual([
      ['all', 'a'],
      ['all', 'c'],
      ['east', 'a'],
    ]);
    expect(new Set(made.map((d) => d.delivery_id)).size).toBe(3);
    expect(JSON.parse(made[0]?.body ?? '{}')).toEqual({
      deliveryId: made[0]?.delivery_id,
      subscriptionId: 'all',
      alert: alerts[0],
    });
  });

  it('sends a subscription nothing that fired before it was made', () => {
    const made = deliveriesOf(
      [subscription('late', { subscribed_at: '2026-03-05T00:00:00.000Z' })],
      [
        alert('before', '2026-03-04T23:59:59.999Z'),
        alert('at', '2026-03-05T00:00:00.000Z'),
        alert('after', '2026-03-05T00:00:00.001Z'),
      ],
    );
    expect(made.map((d) => d.alert_id)).toEqual(['after']);
  });
});
