/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useDemoAndBrowser } from './harness.js';
import { readTable } from './page.js';

// The Work page in Debian's headless Chromium against the built start command: the queues and the approvals inbox
// hold what the API gives the same token, a manager approves (and rejects a compensation) from the page, and search
// finds customers by name.
const session = useDemoAndBrowser();

const get = (role: string, path: string) => session.get(role, path);

/** The Work page signed in as `role`, once its queues are drawn, with every script error collected. */
async function openWork(role: string, locale = 'en-US'): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await session.signIn(role, { locale });
  await page.click('#show-work');
  await page.waitForSelector('#work-panels[data-loaded]');
  return { page, problems };
}

const column = async (page: Page, report: string, field: string): Promise<string[]> =>
  (await readTable(page, `table[data-report="${report}"]`)).map((row) => row[field] ?? '');

async function search(page: Page, q: string): Promise<string[]> {
  await page.fill('#w-q', q);
  await page.click('#work-search-form button[type=submit]');
  await page.waitForSelector('table[data-report="work-search"]');
  return column(page, 'work-search', 'customer_id');
}

it('shows a sales manager the approvals inbox and queues of the API, and approves from the page', async () => {
  const { page, problems } = await openWork('sales_manager');
  const inbox = (await get('sales_manager', '/approvals')).rows as { kind: string; id: string }[];
  expect(inbox.length).toBeGreaterThan(0);
  expect(await column(page, 'work-approvals', 'id')).toEqual(inbox.map((row) => row.id));
  const day = await get('sales_manager', '/my-day');
  expect(await column(page, 'work-late', 'order_id')).toEqual(
    day.lateOrders.items.map((row: { orderId: string }) => row.orderId),
  );
  expect(await column(page, 'work-complaints', 'complaint_id')).toEqual(
    day.complaints.items.map((row: { complaintId: string }) => row.complaintId),
  );
  await page.screenshot({ path: join(ARTIFACTS, 'work-sales-manager.png'), fullPage: true });

  const first = inbox[0] ?? { kind: '', id: '' };
  await page.click(`table[data-report="work-approvals"] tr[data-id="${first.kind}:${first.id}"] button.link`);
  await page.waitForSelector('#work-panels[data-loaded]:not([data-loaded="yes"])');
  expect(await column(page, 'work-approvals', 'id')).not.toContain(first.id);
  expect(((await get('sales_manager', '/approvals')).rows as { id: string }[]).map((row) => row.id)).not.toContain(
    first.id,
  );

  const someone = (await get('sales_manager', '/customers?limit=1')).rows[0] as {
    customerId: string;
    companyName: string;
  };
  const word = someone.companyName.split(' ')[1] ?? someone.companyName;
  const found = (await get('sales_manager', `/customers?limit=50&q=${encodeURIComponent(word)}`)).rows.map(
    (row: { customerId: string }) => row.customerId,
  );
  expect(found).toContain(someone.customerId);
  expect(await search(page, word)).toEqual(found);
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);

async function post(role: string, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${session.demo.url}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.demo.tokens[role]}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect({ path, status: response.status }).toEqual({ path, status: 201 });
}

/** Two complaints on a colleague's customer, handled by the demo's rep, each with a compensation above the limit asked for. */
async function compensationsAsked(ids: readonly string[]): Promise<void> {
  const customers = (await get('regional_manager', '/customers?limit=200&active=true')).rows as {
    customerId: string;
    ownerRepId: string;
  }[];
  const customer = customers.find((c) => c.ownerRepId !== 'rep-east-01');
  expect(customer).toBeDefined();
  for (const id of ids) {
    await post('regional_manager', '/complaints', {
      complaintId: id,
      customerId: customer?.customerId,
      channel: 'phone',
      category: 'delivery',
      severity: 'high',
      description: 'crates arrived crushed',
    });
    await post('regional_manager', `/complaints/${id}/assignment`, { handlerId: 'rep-east-01' });
    await post('sales_rep', `/complaints/${id}/acknowledgement`, {});
    await post('sales_rep', `/complaints/${id}/compensation-request`, {
      amount: 250_000,
      currency: 'CNY',
      reason: 'a day of production lost',
    });
  }
  const pending = async (): Promise<string[]> =>
    ((await get('regional_manager', '/approvals')).rows as { kind: string; id: string }[])
      .filter((r) => r.kind === 'compensation')
      .map((r) => r.id);
  for (let tries = 0; (await pending()).length < ids.length && tries < 100; tries += 1)
    await new Promise((resolve) => setTimeout(resolve, 50));
  expect(await pending()).toEqual(ids);
}

const lastEvent = async (stream: string): Promise<string> =>
  ((await get('auditor', `/audit/streams/${stream}/events`)).events as { type: string }[]).at(-1)?.type ?? '';

it('shows a regional manager compensations over the limit with Approve and Reject, in both languages, and decides them from the page', async () => {
  await compensationsAsked(['k-work-1', 'k-work-2']);
  const row = (id: string) => `table[data-report="work-approvals"] tr[data-id="compensation:${id}"]`;
  const zh = await openWork('regional_manager', 'zh-CN');
  expect([
    await zh.page.textContent(`${row('k-work-1')} button[data-action="open"]`),
    await zh.page.textContent(`${row('k-work-1')} button[data-action="reject"]`),
    await zh.page.textContent(`${row('k-work-1')} td[data-field="kind"]`),
  ]).toEqual(['批准', '驳回', '赔偿']);
  await zh.page.close();

  const { page, problems } = await openWork('regional_manager');
  expect([
    await page.textContent(`${row('k-work-1')} button[data-action="open"]`),
    await page.textContent(`${row('k-work-1')} button[data-action="reject"]`),
  ]).toEqual(['Approve', 'Reject']);
  expect(
    await page.$(`table[data-report="work-approvals"] tr[data-id^="discount:"] button[data-action="reject"]`),
  ).toBeNull();
  await page.click(`${row('k-work-1')} button[data-action="open"]`);
  await page.waitForSelector('#work-panels[data-loaded]:not([data-loaded="yes"])');
  expect(await column(page, 'work-approvals', 'id')).not.toContain('k-work-1');
  expect(await lastEvent('complaint-k-work-1')).toBe('ComplaintCompensationApproved');

  const before = (await page.getAttribute('#work-panels', 'data-loaded')) ?? '';
  page.once('dialog', (dialog) => void dialog.accept("The contract caps compensation at the goods' value."));
  await page.click(`${row('k-work-2')} button[data-action="reject"]`);
  await page.waitForSelector(`#work-panels[data-loaded]:not([data-loaded="${before}"])`);
  expect(await column(page, 'work-approvals', 'id')).not.toContain('k-work-2');
  expect(await lastEvent('complaint-k-work-2')).toBe('ComplaintCompensationRejected');
  await page.screenshot({ path: join(ARTIFACTS, 'work-compensation.png'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);

it('shows a sales rep their own day and customers, and no approvals inbox', async () => {
  const { page, problems } = await openWork('sales_rep');
  const day = await get('sales_rep', '/my-day');
  expect(await column(page, 'work-follow-ups', 'receivable_id')).toEqual(
    day.followUps.items.map((row: { receivableId: string }) => row.receivableId),
  );
  expect(await column(page, 'work-late', 'order_id')).toEqual(
    day.lateOrders.items.map((row: { orderId: string }) => row.orderId),
  );
  expect(await page.$('section[data-panel="work-approvals"]')).toBeNull();
  const own = await search(page, 'co');
  expect(own.length).toBeGreaterThan(0);
  expect(new Set(await column(page, 'work-search', 'rep_id'))).toEqual(new Set(['rep-east-01']));
  await page.screenshot({ path: join(ARTIFACTS, 'work-sales-rep.png'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);

it('speaks Chinese on the Work page', async () => {
  const { page } = await openWork('regional_manager', 'zh-CN');
  expect(await page.textContent('#show-work')).toBe('工作台');
  expect(await page.textContent('section[data-panel="work-approvals"] h2')).toBe('待我审批');
  expect(await page.textContent('section[data-panel="work-late"] h2')).toBe('逾期交付的订单');
  await page.screenshot({ path: join(ARTIFACTS, 'work-zh-CN.png'), fullPage: true });
  await page.close();
}, 120_000);
