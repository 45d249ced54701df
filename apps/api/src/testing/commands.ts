import type { Actor } from '@salesbook/domain';
import { customerBody, orderBody, people } from './fixtures.js';
import { ORDERS_PLACED_AT, type TestApi } from './test-app.js';

/**
 * Posting commands in an e2e spec: `post` answers the response, `must` throws unless 201, `last` is the latest position.
 * The body is `any` as in `TestApi.call`: tests assert the answer's shape field by field.
 */
export interface CommandPoster {
  post(
    path: string,
    body: unknown,
    who?: Actor,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: any; headers: Headers }>;
  must(path: string, body: unknown, who?: Actor): Promise<void>;
  /** The position of the latest command answered 201 (`'0'` before any): what `X-Min-Position` waits for. */
  last(): string;
}

/** A {@link CommandPoster} on the API `api()` returns (started in a hook), acting as `defaultActor` unless told. */
export function commandPoster(api: () => TestApi, defaultActor: Actor): CommandPoster {
  let last = '0';
  const post: CommandPoster['post'] = async (path, body, who = defaultActor, headers = {}) => {
    const response = await api().call('POST', path, { actor: who, body, headers });
    if (response.status === 201) last = response.body.position as string;
    return response;
  };
  const must: CommandPoster['must'] = async (path, body, who = defaultActor) => {
    const response = await post(path, body, who);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
  };
  return { post, must, last: () => last };
}

/** A payment body in CNY by bank transfer. */
export const paymentBody = (paymentId: string, amount: number, receivedOn: string) => ({
  paymentId,
  amount: { amount, currency: 'CNY' },
  receivedOn,
  method: 'bank_transfer',
});

/**
 * rep-1's March in east: customer c-1, order o-1 booked on 2 March (10 x 1000 + 5 x 2000 less 5% = 19500), receivable
 * r-1 of 19500 due 30 April, and a payment of 4000 on 20 March (sales manager and finance acting).
 */
export async function seedEastMarch(api: TestApi, must: CommandPoster['must']): Promise<void> {
  await must('/customers', customerBody('c-1'), people.manager);
  await api.at(ORDERS_PLACED_AT, () => must('/orders', orderBody('o-1', 'c-1'), people.manager));
  await api.at('2026-03-02T02:00:00.000Z', () => must('/orders/o-1/confirmation', {}, people.manager));
  await must(
    '/receivables',
    {
      receivableId: 'r-1',
      orderId: 'o-1',
      customerId: 'c-1',
      repId: 'rep-1',
      region: 'east',
      amount: { amount: 19_500, currency: 'CNY' },
      issueDate: '2026-03-05',
      dueDate: '2026-04-30',
    },
    people.finance,
  );
  await must('/receivables/r-1/payments', paymentBody('p-1', 4_000, '2026-03-20'), people.finance);
}
