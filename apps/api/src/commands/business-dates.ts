import type { CommandPayload, IsoDate, ReceivableCommand } from '@salesbook/domain';
import { businessDate } from '@salesbook/projections';

/**
 * The payload with the business date it may omit (`reversedOn`, ...) filled with the date of `occurredAt`
 * in `zone`. The domain would take the UTC date of the command (`dateOf`), the wrong calendar day for
 * eight hours of each day in Asia/Shanghai: the API fills them at the edge with the business zone's date.
 */
export function withBusinessDate(
  payload: CommandPayload<ReceivableCommand>,
  occurredAt: string,
  zone: string,
): CommandPayload<ReceivableCommand> {
  const date = (): IsoDate => businessDate(occurredAt, zone);
  switch (payload.type) {
    case 'ReversePayment':
      return payload.data.reversedOn === undefined
        ? { ...payload, data: { ...payload.data, reversedOn: date() } }
        : payload;
    case 'IssueCreditNote':
      return payload.data.creditedOn === undefined
        ? { ...payload, data: { ...payload.data, creditedOn: date() } }
        : payload;
    case 'ApproveWriteOff':
      return payload.data.writtenOffOn === undefined
        ? { ...payload, data: { ...payload.data, writtenOffOn: date() } }
        : payload;
    case 'LogCollectionFollowUp':
      return payload.data.loggedOn === undefined
        ? { ...payload, data: { ...payload.data, loggedOn: date() } }
        : payload;
    default:
      return payload;
  }
}
