import type { RegionId } from '../shared/ids.js';
import type { Currency } from '../shared/money.js';
import type { TargetPart, TargetScope } from './commands.js';
import type { TargetEvent } from './events.js';
import type { TargetMeasure, TargetPeriod } from './period.js';

/** No target in the stream yet. */
export interface NoTarget {
  readonly status: 'none';
}

/** A target that was set (and perhaps revised). */
export interface SalesTarget {
  readonly status: 'set';
  readonly period: TargetPeriod;
  readonly measure: TargetMeasure;
  readonly scope: TargetScope;
  readonly scopeId: string;
  readonly region: RegionId;
  readonly currency: Currency;
  /** The amount in force, in minor units. */
  readonly amount: number;
  /** The amount first set, kept to recognise a repeated SetSalesTarget. */
  readonly initialAmount: number;
  readonly revisions: number;
  readonly setAt: string;
  readonly revisedAt: string | null;
  /** The reps' parts of a split region target (the last split), or null when not split. */
  readonly parts: readonly TargetPart[] | null;
}

/** The state of a target stream. */
export type TargetState = NoTarget | SalesTarget;

/** The state before any event. */
export const initialState = (): TargetState => ({ status: 'none' });

/** Folds one event into the state; an event that does not apply leaves the state unchanged. */
export function evolve(state: TargetState, event: TargetEvent): TargetState {
  switch (event.type) {
    case 'SalesTargetSet': {
      if (state.status !== 'none') return state;
      const { period, measure, scope, scopeId, region, currency, amount, setAt } = event.data;
      return {
        status: 'set',
        period,
        measure,
        scope,
        scopeId,
        region,
        currency,
        amount,
        initialAmount: amount,
        revisions: 0,
        setAt,
        revisedAt: null,
        parts: null,
      };
    }
    case 'SalesTargetSplit':
      return state.status === 'none' ? state : { ...state, parts: event.data.parts };
    case 'SalesTargetRevised':
      return state.status === 'none'
        ? state
        : { ...state, amount: event.data.amount, revisions: state.revisions + 1, revisedAt: event.data.revisedAt };
  }
}
