import type { ActorId, PromotionId } from '../shared/ids.js';
import type { Currency } from '../shared/money.js';
import type { IsoDate } from '../shared/time.js';
import type { PromotionBenefit, PromotionCoverage } from './commands.js';
import type { PromotionEvent } from './events.js';

/** What the pricing of a line needs of a promotion: period, coverage, benefit, budget and whether it is in force. */
export interface PromotionFacts {
  readonly promotionId: PromotionId;
  readonly currency: Currency;
  readonly startsOn: IsoDate;
  readonly endsOn: IsoDate;
  readonly coverage: PromotionCoverage;
  readonly benefit: PromotionBenefit;
  /** The discount it may give in all (minor units); `null` is unlimited. */
  readonly budget: number | null;
  readonly approved: boolean;
}

/** No promotion in the stream yet. */
export interface NoPromotion {
  readonly status: 'none';
}

/** A promotion: `draft` until a sales manager approves it, `approved` after; `withdrawn` when a draft was ended. */
export interface Promotion extends PromotionFacts {
  readonly status: 'draft' | 'approved' | 'withdrawn';
  readonly name: string;
  readonly draftedBy: ActorId;
  /** Ended before its planned last day. */
  readonly endedEarly: boolean;
}

/** The state of a promotion stream. */
export type PromotionState = NoPromotion | Promotion;

/** The state before any event. */
export const initialState = (): PromotionState => ({ status: 'none' });

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export function evolve(state: PromotionState, event: PromotionEvent): PromotionState {
  if (event.type === 'PromotionDrafted') {
    if (state.status !== 'none') return state;
    const { promotionId, name, currency, startsOn, endsOn, coverage, benefit, budget, draftedBy } = event.data;
    return {
      status: 'draft',
      promotionId,
      name,
      currency,
      startsOn,
      endsOn,
      coverage,
      benefit,
      budget,
      draftedBy,
      approved: false,
      endedEarly: false,
    };
  }
  if (state.status === 'none') return state;
  switch (event.type) {
    case 'PromotionApproved':
      return { ...state, status: 'approved', approved: true };
    case 'PromotionEnded':
      return {
        ...state,
        status: event.data.wasApproved ? 'approved' : 'withdrawn',
        endsOn: event.data.endsOn,
        endedEarly: true,
      };
  }
}
