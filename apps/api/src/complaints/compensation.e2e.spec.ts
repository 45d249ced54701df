import { customerBody, people } from '../testing/fixtures.js';
import { actor, startTestApi, type TestApi } from '../testing/test-app.js';

// A compensation above the limit over real HTTP: the handler asks, a manager of the region decides, each other role
// is refused as the route table and the access rules say, and the requester then resolves within the approval.
let api: TestApi;
let last = '0';
const handler = people.otherRep;
const anotherRep = actor('rep-east-01', 'sales_rep', 'east');
const westManager = actor('rm-west', 'regional_manager', 'west');
const compensation = { amount: 250_000, currency: 'CNY', reason: 'The line stood still for a day.' };

const call = async (path: string, body: unknown, who: typeof people.rep, headers: Record<string, string> = {}) => {
  const response = await api.call('POST', path, { actor: who, body, headers });
  if (response.status === 201) last = response.body.position;
  return {
    status: response.status,
    code: response.body.code as string | undefined,
    message: response.body.message as string | undefined,
  };
};
const ok = async (path: string, body: unknown, who: typeof people.rep): Promise<void> => {
  expect(await call(path, body, who)).toMatchObject({ status: 201 });
};
const inbox = async (who: typeof people.rep): Promise<string[]> => {
  const response = await api.call('GET', '/approvals', { actor: who, headers: { 'X-Min-Position': last } });
  return (
    response.body.rows as { kind: string; id: string; askedBy: string; amount: number; approve: { path: string } }[]
  ).map((r) => `${r.kind}:${r.id}:${r.askedBy}:${r.amount}:${r.approve.path}`);
};

/** A complaint on rep-1's customer, handled by rep-2, under investigation. */
async function investigating(complaintId: string): Promise<void> {
  await ok(
    '/complaints',
    {
      complaintId,
      customerId: 'c-1',
      channel: 'phone',
      category: 'delivery',
      severity: 'high',
      description: 'late and dented',
    },
    people.rep,
  );
  await ok(`/complaints/${complaintId}/assignment`, { handlerId: handler.id }, people.eastManager);
  await ok(`/complaints/${complaintId}/acknowledgement`, {}, handler);
  await ok(
    `/complaints/${complaintId}/investigation`,
    { rootCause: 'delivery_delay', findings: 'carrier dropped the crate' },
    handler,
  );
}

beforeAll(async () => {
  api = await startTestApi();
  await ok('/customers', customerBody('c-1'), people.rep);
  await investigating('k-1');
  await investigating('k-2');
}, 60_000);
afterAll(() => api.close());

describe('asking for a compensation above the limit', () => {
  it("is the handler's; another rep, the customer's own rep and a manager of another region are out of scope", async () => {
    const ask = (who: typeof people.rep) => call('/complaints/k-1/compensation-request', compensation, who);
    expect(await ask(anotherRep)).toMatchObject({ status: 403, code: 'FORBIDDEN_SCOPE' });
    expect(await ask(people.rep)).toMatchObject({ status: 403, code: 'FORBIDDEN_SCOPE' });
    expect(await ask(westManager)).toMatchObject({ status: 403, code: 'FORBIDDEN_SCOPE' });
    expect(await ask(people.analyst)).toMatchObject({ status: 403, code: 'ROLE_NOT_ALLOWED' });
    expect(
      await call('/complaints/k-1/compensation-request', { ...compensation, amount: 100_000 }, handler),
    ).toMatchObject({ status: 409, code: 'COMPLAINT_COMPENSATION_WITHIN_LIMIT' });
    expect(await call('/complaints/k-1/compensation-request', { ...compensation, amount: -5 }, handler)).toMatchObject({
      status: 400,
      code: 'INVALID_INPUT',
    });
    await ok('/complaints/k-1/compensation-request', compensation, handler);
    expect(await ask(handler)).toMatchObject({ status: 409, code: 'COMPLAINT_COMPENSATION_ALREADY_REQUESTED' });
  });

  it('answers the refusal in Chinese when asked to', async () => {
    const refused = await call('/complaints/k-1/compensation-request', compensation, handler, {
      'Accept-Language': 'zh-CN',
    });
    expect(refused).toMatchObject({
      status: 409,
      code: 'COMPLAINT_COMPENSATION_ALREADY_REQUESTED',
      message: '已有一项赔偿申请在等待审批',
    });
  });
});

describe('deciding a compensation request', () => {
  it('lists the request to the managers who may decide it, never to the requester or another region', async () => {
    expect(await inbox(people.eastManager)).toEqual([
      'compensation:k-1:rep-2:250000:/complaints/k-1/compensation-approval',
    ]);
    expect(await inbox(people.manager)).toEqual([
      'compensation:k-1:rep-2:250000:/complaints/k-1/compensation-approval',
    ]);
    expect(await inbox(westManager)).toEqual([]);
    expect((await api.call('GET', '/approvals', { actor: handler })).status).toBe(403);
  });

  it('refuses the requester, another rep and a manager of another region', async () => {
    const approve = (who: typeof people.rep) => call('/complaints/k-1/compensation-approval', {}, who);
    expect(await approve(handler)).toMatchObject({ status: 403, code: 'ROLE_NOT_ALLOWED' });
    expect(await approve(anotherRep)).toMatchObject({ status: 403, code: 'ROLE_NOT_ALLOWED' });
    expect(await approve(westManager)).toMatchObject({ status: 403, code: 'FORBIDDEN_SCOPE' });
    expect(await call('/complaints/k-1/compensation-rejection', { reason: 'no' }, westManager)).toMatchObject({
      status: 403,
      code: 'FORBIDDEN_SCOPE',
    });
    expect(await call('/complaints/k-1/compensation-rejection', {}, people.eastManager)).toMatchObject({
      status: 400,
      code: 'INVALID_INPUT',
    });
  });

  it('never lets a manager who asked decide their own request', async () => {
    await ok('/complaints/k-2/compensation-request', compensation, people.eastManager);
    expect(await inbox(people.eastManager)).toEqual([
      'compensation:k-1:rep-2:250000:/complaints/k-1/compensation-approval',
    ]);
    expect(await call('/complaints/k-2/compensation-approval', {}, people.eastManager)).toMatchObject({
      status: 409,
      code: 'COMPLAINT_COMPENSATION_SAME_PERSON',
    });
    await ok('/complaints/k-2/compensation-approval', {}, people.manager);
  });

  it('rejects with a reason, lets the handler ask again, approves, and the requester resolves within the approval', async () => {
    await ok(
      '/complaints/k-1/compensation-rejection',
      { reason: "The contract caps it at the goods' value." },
      people.eastManager,
    );
    expect(await inbox(people.eastManager)).toEqual([]);
    const resolve = (amount: number) =>
      call(
        '/complaints/k-1/resolution',
        { resolution: 'paid for the lost day', compensation: { amount, currency: 'CNY' } },
        handler,
      );
    expect(await resolve(200_000)).toMatchObject({ status: 409, code: 'COMPLAINT_COMPENSATION_NEEDS_MANAGER' });
    await ok('/complaints/k-1/compensation-request', { ...compensation, amount: 200_000 }, handler);
    await ok('/complaints/k-1/compensation-approval', {}, people.eastManager);
    expect(await inbox(people.manager)).toEqual([]);
    expect(await resolve(200_001)).toMatchObject({ status: 409, code: 'COMPLAINT_COMPENSATION_ABOVE_APPROVED' });
    expect(
      await call(
        '/complaints/k-1/resolution',
        { resolution: 'paid', compensation: { amount: 200_000, currency: 'USD' } },
        handler,
      ),
    ).toMatchObject({ status: 409, code: 'COMPLAINT_COMPENSATION_CURRENCY_MISMATCH' });
    await ok(
      '/complaints/k-1/resolution',
      { resolution: 'paid for the lost day', compensation: { amount: 200_000, currency: 'CNY' } },
      handler,
    );
  });
});
