import { isRight } from 'fp-ts/lib/Either.js';
import { registeredAccess } from '../testing/access.js';
import { orderDecider } from '../order/decide.js';
import * as o from '../order/testing.js';
import { receivableDecider } from '../receivable/decide.js';
import * as r from '../receivable/testing.js';
import { targetDecider } from '../target/decide.js';
import * as t from '../target/testing.js';
import type { Actor } from '../shared/actors.js';
import type { CommandMetadata } from '../shared/message.js';
import type { PeriodFacts } from './late-facts.js';

/** March is closed; the command is recorded on 2 April. */
const april2: PeriodFacts = { closed: ['2026-02', '2026-03'], recordedOn: '2026-04-02' };
const inApril = (by: Actor): CommandMetadata => ({ actor: by, occurredAt: '2026-04-02T03:00:00Z' });
const withFacts = <C extends { metadata: CommandMetadata }>(command: C, periods?: PeriodFacts) => ({
  ...command,
  metadata: inApril(command.metadata.actor),
  access: registeredAccess(command.metadata.actor),
  ...(periods === undefined ? {} : { periods }),
});
const opened = r.stateAfter(r.openReceivable());

describe('a fact dated in a closed month', () => {
  it('is recorded with its own date and counts on the day it was recorded (postedOn)', () => {
    const late = receivableDecider.decide(withFacts(r.recordPayment(6_000, { receivedOn: r.on(30) }), april2), opened);
    expect(isRight(late) && late.right[0]).toMatchObject({
      type: 'PaymentReceived',
      data: { receivedOn: '2026-03-30', postedOn: '2026-04-02', amount: 6_000 },
    });
  });
  it('is not posted elsewhere when its month is open, or when the handler names no closed month', () => {
    const open = receivableDecider.decide(
      withFacts(r.recordPayment(6_000, { receivedOn: '2026-04-01' }), april2),
      opened,
    );
    expect(isRight(open) && open.right[0]?.data).not.toHaveProperty('postedOn');
    const noFacts = receivableDecider.decide(withFacts(r.recordPayment(6_000, { receivedOn: r.on(30) })), opened);
    expect(isRight(noFacts) && noFacts.right[0]?.data).not.toHaveProperty('postedOn');
  });
  it('posts credit notes, reversals and write-offs the same way', () => {
    const credit = receivableDecider.decide(
      withFacts(r.issueCreditNote(1_000, { creditedOn: r.on(31) }), april2),
      opened,
    );
    expect(isRight(credit) && credit.right[0]?.data).toMatchObject({
      creditedOn: '2026-03-31',
      postedOn: '2026-04-02',
    });
    const paid = r.stateAfter(r.openReceivable(), r.recordPayment(6_000));
    const reversed = receivableDecider.decide(
      withFacts(r.reversePayment('p1', { reversedOn: r.on(28) }), april2),
      paid,
    );
    expect(isRight(reversed) && reversed.right[0]?.data).toMatchObject({
      receivedOn: '2026-03-20',
      reversedOn: '2026-03-28',
      postedOn: '2026-04-02',
    });
  });
  it('posts shipments and deliveries dated in the closed month', () => {
    const confirmed = [o.orderPlaced(), o.orderConfirmed()].reduce(orderDecider.evolve, orderDecider.initialState());
    const shipped = orderDecider.decide(
      withFacts(o.recordShipment([{ lineId: 'l1', quantity: 4 }], 's1', o.on(31)), april2),
      confirmed,
    );
    expect(isRight(shipped) && shipped.right[0]).toMatchObject({
      type: 'OrderShipmentRecorded',
      data: { shippedOn: '2026-03-31', postedOn: '2026-04-02' },
    });
  });
  it('refuses any decision recorded on a day of a closed month (only imports date commands in the past)', () => {
    const backdated = {
      ...withFacts(r.recordPayment(6_000, { receivedOn: r.on(20) }), { closed: ['2026-03'], recordedOn: '2026-03-21' }),
    };
    expect(receivableDecider.decide(backdated, opened)).toMatchObject({
      _tag: 'Left',
      left: { code: 'PERIOD_CLOSED', details: { month: '2026-03' } },
    });
  });
  it("keeps a closed month's targets as they are", () => {
    const set = withFacts(t.setTarget({}, t.salesManager), { closed: ['2026-04'], recordedOn: '2026-05-02' });
    expect(
      targetDecider.decide({ ...set, access: registeredAccess(t.salesManager, t.EAST) }, targetDecider.initialState()),
    ).toMatchObject({ _tag: 'Left', left: { code: 'PERIOD_CLOSED' } });
    const open = withFacts(t.setTarget({}, t.salesManager), { closed: ['2026-03'], recordedOn: '2026-05-02' });
    expect(
      isRight(
        targetDecider.decide(
          { ...open, access: registeredAccess(t.salesManager, t.EAST) },
          targetDecider.initialState(),
        ),
      ),
    ).toBe(true);
  });
});
