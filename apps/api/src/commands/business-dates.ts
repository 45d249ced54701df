import { businessDate } from '@salesbook/projections';

/**
 * The date fields a command may omit, by command type. The domain then takes the UTC date of the command
 * (`dateOf`), which is the wrong calendar day for eight hours of each day in Asia/Shanghai: the API fills
 * them at the edge with the date in the business zone instead.
 */
const OMITTABLE_DATES: Readonly<Record<string, string>> = {
  ReversePayment: 'reversedOn',
  IssueCreditNote: 'creditedOn',
  ApproveWriteOff: 'writtenOffOn',
  LogCollectionFollowUp: 'loggedOn',
};

/** `data` with its omitted business date filled with the date of `occurredAt` in `zone`; otherwise `data` itself. */
export function withBusinessDate(type: string, data: unknown, occurredAt: string, zone: string): unknown {
  const field = OMITTABLE_DATES[type];
  if (field === undefined || data === null || typeof data !== 'object') return data;
  const record = data as Record<string, unknown>;
  if (record[field] !== undefined) return data;
  return { ...record, [field]: businessDate(occurredAt, zone) };
}
