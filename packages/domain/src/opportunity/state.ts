import type { OrderLine } from '../order/order-line.js';
import type { PaymentTerms } from '../order/payment-terms.js';
import type { ActorId, CustomerId, OpportunityId, OrderId, RegionId } from '../shared/ids.js';
import type { Currency } from '../shared/money.js';
import type { IsoDate } from '../shared/time.js';
import type { OpenStage, OpportunityStage } from './commands.js';
import type { OpportunityEvent } from './events.js';

/** The probability of each stage, in basis points, unless overridden: what the weighted pipeline counts. */
export const STAGE_PROBABILITY_BP: Readonly<Record<OpportunityStage, number>> = {
  qualified: 2_000,
  proposal: 5_000,
  negotiation: 7_500,
  won: 10_000,
  lost: 0,
};

/** A quotation sent from the opportunity. */
export interface Quotation {
  readonly lines: readonly OrderLine[];
  readonly total: number;
  readonly validUntil: IsoDate;
  readonly promisedDeliveryDate: IsoDate;
  readonly paymentTerms: PaymentTerms;
  readonly orderId: OrderId | null;
}

/** No opportunity in the stream yet. */
export interface NoOpportunity {
  readonly status: 'none';
}

/** An opportunity: open at a stage, or closed (won or lost). */
export interface Opportunity {
  readonly status: 'open' | 'won' | 'lost';
  readonly opportunityId: OpportunityId;
  readonly customerId: CustomerId;
  readonly repId: ActorId;
  readonly region: RegionId;
  readonly title: string;
  readonly amount: number;
  readonly currency: Currency;
  readonly expectedCloseMonth: string;
  readonly stage: OpenStage;
  readonly probabilityBp: number;
  readonly overridden: boolean;
  readonly quotations: Readonly<Record<string, Quotation>>;
}

/** The state of an opportunity stream. */
export type OpportunityState = NoOpportunity | Opportunity;

/** The state before any event. */
export const initialState = (): OpportunityState => ({ status: 'none' });

function evolveOpen(state: Opportunity, event: Exclude<OpportunityEvent, { type: 'OpportunityOpened' }>): Opportunity {
  switch (event.type) {
    case 'OpportunityRevised': {
      const { amount, expectedCloseMonth, probabilityBp, overridden } = event.data;
      return { ...state, amount, expectedCloseMonth, probabilityBp, overridden };
    }
    case 'OpportunityStageMoved':
      return {
        ...state,
        stage: event.data.to,
        probabilityBp: event.data.probabilityBp,
        overridden: event.data.overridden,
      };
    case 'OpportunityLost':
      return { ...state, status: 'lost' };
    case 'QuotationSent': {
      const { quotationId, lines, total, validUntil, promisedDeliveryDate, paymentTerms } = event.data;
      return {
        ...state,
        quotations: {
          ...state.quotations,
          [quotationId]: { lines, total, validUntil, promisedDeliveryDate, paymentTerms, orderId: null },
        },
      };
    }
    case 'QuotationAccepted': {
      const quotation = state.quotations[event.data.quotationId];
      return quotation === undefined
        ? state
        : {
            ...state,
            quotations: {
              ...state.quotations,
              [event.data.quotationId]: { ...quotation, orderId: event.data.orderId },
            },
          };
    }
    case 'OpportunityWon':
      return { ...state, status: 'won', amount: event.data.amount };
  }
}

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export function evolve(state: OpportunityState, event: OpportunityEvent): OpportunityState {
  if (event.type === 'OpportunityOpened') {
    if (state.status !== 'none') return state;
    const {
      opportunityId,
      customerId,
      repId,
      region,
      title,
      amount,
      currency,
      expectedCloseMonth,
      stage,
      probabilityBp,
      overridden,
    } = event.data;
    return {
      status: 'open',
      opportunityId,
      customerId,
      repId,
      region,
      title,
      amount,
      currency,
      expectedCloseMonth,
      stage,
      probabilityBp,
      overridden,
      quotations: {},
    };
  }
  return state.status === 'none' ? state : evolveOpen(state, event);
}
