import type { InstallmentState } from './state.js';
import type { Allocation } from './vocabulary.js';

/** Installments in the order they are settled: the earliest due first, then by number. */
export const oldestFirst = (installments: readonly InstallmentState[]): InstallmentState[] =>
  [...installments].sort((a, b) =>
    a.dueDate === b.dueDate ? a.installmentNo - b.installmentNo : a.dueDate < b.dueDate ? -1 : 1,
  );

/**
 * Spreads `amount` over open installments: the `aimedAt` installment first (when given), then the
 * oldest open ones. The caller ensures `amount` does not exceed the total outstanding.
 */
export function allocateOldestFirst(
  installments: readonly InstallmentState[],
  amount: number,
  aimedAt?: number,
): Allocation[] {
  const aimed = installments.filter((part) => part.installmentNo === aimedAt);
  const order = [...aimed, ...oldestFirst(installments).filter((part) => part.installmentNo !== aimedAt)];
  const allocations: Allocation[] = [];
  let rest = amount;
  for (const part of order) {
    const share = Math.min(rest, part.outstanding);
    if (share > 0)
      allocations.push({
        installmentNo: part.installmentNo,
        dueDate: part.dueDate,
        amount: share,
        outstandingAfter: part.outstanding - share,
      });
    rest -= share;
  }
  return allocations;
}

/** Undoes a payment's allocations: each installment owes again what the payment had settled of it. */
export const reopenAllocations = (
  installments: readonly InstallmentState[],
  paid: readonly Allocation[],
): Allocation[] =>
  installments.flatMap((part) => {
    const allocation = paid.find((a) => a.installmentNo === part.installmentNo);
    return allocation === undefined ? [] : [{ ...allocation, outstandingAfter: part.outstanding + allocation.amount }];
  });

/** Everything still owed, installment by installment (what a write-off removes). */
export const allOutstanding = (installments: readonly InstallmentState[]): Allocation[] =>
  oldestFirst(installments)
    .filter((part) => part.outstanding > 0)
    .map((part) => ({
      installmentNo: part.installmentNo,
      dueDate: part.dueDate,
      amount: part.outstanding,
      outstandingAfter: 0,
    }));
