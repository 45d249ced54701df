import type { ActorId, RegionId } from '../shared/ids.js';
import type { Money } from '../shared/money.js';
import type { CustomerState } from './state.js';
import type { StoredSegment } from './vocabulary.js';

/** What the order handler needs to know of a customer: no personal data. */
export interface CustomerSnapshotView {
  readonly status: 'active' | 'deactivated';
  readonly region: RegionId;
  readonly ownerRepId: ActorId;
  readonly segment: StoredSegment;
  /** `null` when no credit limit was ever set. */
  readonly creditLimit: Money | null;
}

/** The customer as the order handler checks it (exists, active, credit limit); `null` before registration. */
export const customerSnapshot = (state: CustomerState): CustomerSnapshotView | null =>
  state.status === 'none'
    ? null
    : {
        status: state.status,
        region: state.region,
        ownerRepId: state.ownerRepId,
        segment: state.segment,
        creditLimit: state.creditLimit,
      };
