/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expectedAging, expectedTables, shiftMonth, type Values } from './expected.js';
import { ARTIFACTS, useDemoAndBrowser } from './harness.js';
import { readBoard, readFilters as filters, readTable, TABLES } from './page.js';

// The dashboard in Debian's headless Chromium against the built start command and its demonstration data: every
// table must hold the API's numbers for the same filters and the same token, and each role sees what the API lets it.
const session = useDemoAndBrowser({
  setUp: async () => console.log(`dashboard screenshots: ${ARTIFACTS}`),
});

const get = session.get;
const signIn = (role: string) => session.signIn(role);

async function apply(page: Page, change: { month?: string; region?: string; rep?: string }): Promise<void> {
  if (change.month !== undefined) await page.fill('#f-month', change.month);
  if (change.region !== undefined) await page.selectOption('#f-region', change.region);
  if (change.rep !== undefined) await page.selectOption('#f-rep', change.rep);
  await page.click('#filters button[type=submit]');
  await page.waitForSelector('#status[data-loaded]');
}

async function expectBoardEqualsApi(page: Page, role: string): Promise<Record<string, Values[]>> {
  const board = await readBoard(page);
  expect(board).toEqual(await expectedTables((path, query) => get(role, path, query), await filters(page)));
  return board;
}

/** Clicks a table row's drill-down link and reads the rows it shows. */
async function drill(page: Page, report: string, group: string): Promise<Values[]> {
  await page.click(`#panels table[data-report="${report}"] tr[data-group="${group}"] button.link`);
  await page.waitForSelector('#drill:not([hidden]) table');
  const rows = await readTable(page, '#drill-body');
  await page.click('#drill-close');
  return rows;
}

it("shows a sales manager every table with the API's numbers, and the same after filtering on a region and month", async () => {
  const { page, problems } = await signIn('sales_manager');
  const board = await expectBoardEqualsApi(page, 'sales_manager');
  expect(board['sales-region']?.map((row) => row['group'])).toEqual(
    expect.arrayContaining(['east', 'west', 'overseas']),
  );
  for (const id of TABLES) expect({ id, rows: (board[id] ?? []).length > 0 }).toEqual({ id, rows: true });
  await page.screenshot({ path: join(ARTIFACTS, 'sales-manager.png'), fullPage: true });

  const { month } = await filters(page);
  const orders = await drill(page, 'sales-region', 'east');
  const listed = await get('sales_manager', '/reports/sales/orders', { month, region: 'east' });
  expect(orders.map((row) => row['order_id'])).toEqual(listed.rows.map((row: { order_id: string }) => row.order_id));
  expect(orders.length).toBeGreaterThan(0);
  const complaintsOf = board['complaints']?.find((row) => Number(row['complaints']) > 0)?.['group'] ?? '';
  const complaints = await drill(page, 'complaints', complaintsOf);
  expect(complaints).toHaveLength(
    Number(board['complaints']?.find((row) => row['group'] === complaintsOf)?.['complaints']),
  );

  await apply(page, { region: 'east', month: shiftMonth(month, -1) });
  const east = await expectBoardEqualsApi(page, 'sales_manager');
  expect(east['sales-region']?.map((row) => row['group'])).toEqual(['east']);
  expect(new Set(east['sales-rep']?.map((row) => row['group']))).toEqual(new Set(['rep-east-01', 'rep-east-02']));
  await page.screenshot({ path: join(ARTIFACTS, 'sales-manager-east.png'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
}, 90_000);

it('shows a sales rep their own numbers only, equal to what the API gives their token', async () => {
  const { page, problems } = await signIn('sales_rep');
  const board = await expectBoardEqualsApi(page, 'sales_rep');
  expect(new Set(board['sales-rep']?.map((row) => row['group']))).toEqual(new Set(['rep-east-01']));
  // The manager's figure for this rep is the rep's own figure: scoping hides other rows, it does not change numbers.
  const { month } = await filters(page);
  const managerView = await get('sales_manager', '/reports/sales/monthly', {
    month,
    groupBy: 'rep',
    rep: 'rep-east-01',
  });
  expect(board['sales-rep']?.map((row) => row['booked'])).toEqual(
    managerView.rows.flatMap((row: any) => row.currencies.map((c: any) => String(c.booked))),
  );
  const orders = await drill(page, 'sales-rep', 'rep-east-01');
  expect(orders.length).toBeGreaterThan(0);
  expect(new Set(orders.map((row) => row['rep_id']))).toEqual(new Set(['rep-east-01']));
  expect(
    await page.$$eval('#f-rep option', (options) => options.map((option) => (option as HTMLOptionElement).value)),
  ).toEqual(['', 'rep-east-01']);
  await page.screenshot({ path: join(ARTIFACTS, 'sales-rep.png'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
}, 90_000);

it('shows a regional manager their region only, equal to what the API gives their token', async () => {
  const { page, problems } = await signIn('regional_manager');
  const board = await expectBoardEqualsApi(page, 'regional_manager');
  expect(new Set(board['sales-region']?.map((row) => row['group']))).toEqual(new Set(['east']));
  expect(new Set(board['aging']?.map((row) => row['group']))).toEqual(new Set(['east']));
  expect(problems).toEqual([]);
  await page.close();
}, 90_000);

it("shows finance the collections panels and the API's refusal of the sales reports", async () => {
  const { page } = await signIn('finance');
  expect(await page.textContent('[data-error="sales-region"]')).toContain('403 ROLE_NOT_ALLOWED');
  expect(await readTable(page, '#panels table[data-report="aging"]')).toEqual(
    await expectedAging((path, query) => get('finance', path, query), await filters(page)),
  );
  await page.close();
}, 60_000);
