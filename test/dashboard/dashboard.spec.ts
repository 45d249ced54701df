/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, ensureBuilt, launchChromium, startDemo, type StartedDemo } from './harness.js';

// The dashboard in Debian's headless Chromium against the built start command with its demonstration data:
// the numbers in each table must be the API's numbers for the same filters and the same token.
let demo: StartedDemo;
let chromium: { browser: Browser; close(): Promise<void> };

beforeAll(async () => {
  ensureBuilt();
  demo = await startDemo();
  chromium = await launchChromium();
  console.log(`dashboard screenshots: ${ARTIFACTS}`);
}, 240_000);
afterAll(async () => {
  await chromium?.close();
  await demo?.stop();
});

type TableRow = { keys: Record<string, string | undefined>; values: Record<string, string> };

async function signIn(role: string): Promise<Page> {
  const page = await chromium.browser.newPage({ viewport: { width: 1400, height: 1800 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => (message.type() === 'error' ? errors.push(message.text()) : undefined));
  await page.goto(demo.dashboard);
  await page.fill('#token', demo.tokens[role] ?? '');
  await page.click('#sign-in-form button[type=submit]');
  await page.waitForSelector('#status[data-loaded]');
  expect(errors).toEqual([]);
  return page;
}

const readTable = (page: Page, report: string): Promise<TableRow[]> =>
  page.$$eval(`table[data-report="${report}"] tbody tr`, (trs) =>
    trs.map((tr) => ({
      keys: { ...(tr as HTMLElement).dataset },
      values: Object.fromEntries([...tr.querySelectorAll('td[data-field]')].map((td) => [(td as HTMLElement).dataset['field'] ?? '', (td as HTMLElement).dataset['value'] ?? ''])),
    })),
  );

async function api<T>(role: string, path: string): Promise<T> {
  const response = await fetch(`${demo.url}${path}`, { headers: { authorization: `Bearer ${demo.tokens[role]}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

type Monthly = { rows: { group: string; currencies: { currency: string; booked: number; target: number | null; attainment: number | null; orders_confirmed: number }[] }[] };
const cell = (value: number | string | null): string => (value === null ? 'null' : String(value));

/** The sales table as the API's monthly report for the same month and groupBy would fill it. */
async function expectedSales(role: string, month: string, groupBy: string): Promise<TableRow['values'][]> {
  const report = await api<Monthly>(role, `/reports/sales/monthly?month=${month}&groupBy=${groupBy}`);
  return report.rows.flatMap((row) =>
    row.currencies.map((c) => ({ booked: cell(c.booked), target: cell(c.target), attainment: cell(c.attainment), orders_confirmed: cell(c.orders_confirmed) })),
  );
}
const pick = (rows: TableRow[]) => rows.map((row) => ({ booked: row.values['booked'], target: row.values['target'], attainment: row.values['attainment'], orders_confirmed: row.values['orders_confirmed'] }));

it('shows a sales manager every region with the API\'s numbers', async () => {
  const page = await signIn('sales_manager');
  const month = await page.inputValue('#f-month');
  const regions = await readTable(page, 'sales-region');
  expect(regions.length).toBeGreaterThan(1);
  expect(pick(regions)).toEqual(await expectedSales('sales_manager', month, 'region'));
  expect(pick(await readTable(page, 'sales-rep'))).toEqual(await expectedSales('sales_manager', month, 'rep'));
  await page.screenshot({ path: join(ARTIFACTS, 'sales-manager.png'), fullPage: true });
  await page.close();
}, 60_000);

it('shows a sales rep their own numbers only, equal to what the API gives their token', async () => {
  const page = await signIn('sales_rep');
  const month = await page.inputValue('#f-month');
  const reps = await readTable(page, 'sales-rep');
  expect(reps.length).toBeGreaterThan(0);
  expect(new Set(reps.map((row) => row.keys['group']))).toEqual(new Set(['rep-east-01']));
  expect(pick(reps)).toEqual(await expectedSales('sales_rep', month, 'rep'));
  expect(pick(await readTable(page, 'sales-region'))).toEqual(await expectedSales('sales_rep', month, 'region'));
  await page.screenshot({ path: join(ARTIFACTS, 'sales-rep.png'), fullPage: true });
  await page.close();
}, 60_000);
