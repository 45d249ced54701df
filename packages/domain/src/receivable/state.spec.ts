import { registeredReceivableDecider as receivableDecider } from './testing.js';
import type { ReceivableEvent } from './events.js';
import { evolve, initialState, type ReceivableState } from './state.js';
import * as t from './testing.js';

const fold = (events: readonly ReceivableEvent[]): ReceivableState => events.reduce(evolve, initialState());

describe('evolve', () => {
  it('starts empty and ignores everything before the receivable is opened', () => {
    const [, payment] = t.eventsOf(t.openReceivable(), t.recordPayment(1_000));
    expect(initialState()).toEqual({ status: 'none' });
    expect(payment && evolve(initialState(), payment)).toEqual({ status: 'none' });
  });

  it('opens with every installment owing its amount', () => {
    const state = fold([t.receivableOpened()]);
    expect(state).toMatchObject({
      status: 'open',
      outstanding: 10_000,
      paid: 0,
      credited: 0,
      writtenOff: 0,
      dispute: null,
      writeOffRequest: null,
    });
    expect(state.status !== 'none' && state.installments.map((i) => i.outstanding)).toEqual([6_000, 4_000]);
  });

  it('ignores a second opening', () => {
    const state = fold(t.eventsOf(t.openReceivable(), t.recordPayment(1_000)));
    expect(evolve(state, t.receivableOpened())).toBe(state);
  });

  it('keeps payments, credit notes, promises and totals', () => {
    const state = fold(
      t.eventsOf(
        t.openReceivable(),
        t.recordPayment(7_000),
        t.issueCreditNote(1_000),
        t.promise(1_000, t.on(31)),
        t.reversePayment('p1', { reversedOn: t.on(26) }),
      ),
    );
    expect(state).toMatchObject({
      status: 'open',
      outstanding: 9_000,
      paid: 0,
      credited: 1_000,
      lastFollowUpOn: t.on(21),
      promises: [{ loggedOn: t.on(21), date: t.on(31), amount: 1_000 }],
      payments: {
        p1: { amount: 7_000, receivedOn: t.on(20), method: 'bank_transfer', installmentNo: null, reversedOn: t.on(26) },
      },
      creditNotes: { 'cn-1': { amount: 1_000, creditedOn: t.on(22) } },
    });
    expect(state.status !== 'none' && state.installments.map((i) => i.outstanding)).toEqual([6_000, 3_000]);
  });

  it('keeps a follow-up without promise as the last follow-up only', () => {
    const state = fold(t.eventsOf(t.openReceivable(), t.logFollowUp({ loggedOn: t.on(19) })));
    expect(state).toMatchObject({ lastFollowUpOn: t.on(19), promises: [] });
  });

  it('settles, writes off, and tracks write-off requests and disputes', () => {
    expect(fold(t.eventsOf(t.openReceivable(), t.requestWriteOff(), t.recordPayment(10_000)))).toMatchObject({
      status: 'settled',
      writeOffRequest: null,
    });
    expect(fold(t.eventsOf(t.openReceivable(), t.requestWriteOff()))).toMatchObject({
      writeOffRequest: { requestedBy: t.finance.id, reason: 'customer insolvent' },
    });
    expect(fold(t.eventsOf(t.openReceivable(), t.requestWriteOff(), t.approveWriteOff()))).toMatchObject({
      status: 'written_off',
      outstanding: 0,
      writtenOff: 10_000,
      writeOffRequest: null,
    });
    expect(fold(t.eventsOf(t.openReceivable(), t.disputeReceivable()))).toMatchObject({
      dispute: { reason: 'customer says 2 boxes arrived damaged', disputedAt: t.at(23) },
    });
    expect(fold(t.eventsOf(t.openReceivable(), t.disputeReceivable(), t.resolveDispute()))).toMatchObject({
      dispute: null,
    });
  });

  it('leaves payments as they are when a reversal names an unknown payment', () => {
    const events = t.eventsOf(t.openReceivable(), t.recordPayment(7_000), t.reversePayment());
    const reversal = events.at(-1);
    const rogue =
      reversal?.type === 'PaymentReversed'
        ? { ...reversal, data: { ...reversal.data, paymentId: t.paymentId('p9') } }
        : reversal;
    const state = fold([...events.slice(0, 2), ...(rogue ? [rogue] : [])]);
    expect(state.status !== 'none' && Object.keys(state.payments)).toEqual(['p1']);
    expect(state.status !== 'none' && state.payments['p1']?.reversedOn).toBeNull();
  });

  it('fails loudly when a test history is refused', () => {
    expect(() => t.eventsOf(t.recordPayment(1))).toThrow('RecordPayment refused: RECEIVABLE_NOT_FOUND');
  });

  it('decide fails loudly on a command type the union does not know', () => {
    const rogue = { ...t.requestWriteOff(), type: 'Rogue' } as unknown as Parameters<
      typeof receivableDecider.decide
    >[0];
    expect(() => receivableDecider.decide(rogue, initialState())).toThrow('Unhandled case');
  });

  it('is the evolve of the decider', () => {
    expect(receivableDecider.evolve).toBe(evolve);
    expect(receivableDecider.initialState()).toEqual(initialState());
  });
});
