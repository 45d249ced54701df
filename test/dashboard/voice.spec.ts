/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, ensureBuilt, launchChromium, signInPage, startDemo, type StartedDemo } from './harness.js';
import { readFilters, readTable } from './page.js';

// The closed-loop and improvement actions panels in Debian's headless Chromium against the built start command: the demo's generated
// quarters already hold actions (each region's worst-moving item score); the board shows each role what the API gives
// its token, by department with the overdue ones first, in English and in Chinese.
let demo: StartedDemo;
let chromium: { browser: Browser; close(): Promise<void> };

async function api(role: string): Promise<{ rows: { action_id: string; department: string; status: string }[] }> {
  const response = await fetch(`${demo.url}/reports/improvement-actions`, {
    headers: { authorization: `Bearer ${demo.tokens[role]}` },
  });
  expect(response.status).toBe(200);
  return response.json() as Promise<{ rows: { action_id: string; department: string; status: string }[] }>;
}

beforeAll(async () => {
  ensureBuilt();
  demo = await startDemo();
  chromium = await launchChromium();
}, 240_000);
afterAll(async () => {
  await chromium?.close();
  await demo?.stop();
});

async function openBoard(role: string, locale = 'en-US'): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await signInPage(chromium.browser, demo, demo.tokens[role] ?? '', locale);
  await page.waitForFunction(
    () =>
      document.querySelector('section[data-panel="improvement-actions"] h2') !== null &&
      document.querySelector('#status[data-loaded]') !== null,
  );
  return { page, problems };
}

const shown = async (page: Page) =>
  (await readTable(page, '#panels table[data-report="improvement-actions"]')).map((row) => row['action_id']);

it('shows each role the actions the API gives its token, by department with the overdue ones first', async () => {
  const all = (await api('sales_manager')).rows;
  expect(all.length).toBeGreaterThan(0);
  for (const role of ['sales_manager', 'regional_manager', 'market_analyst']) {
    const { page, problems } = await openBoard(role);
    const expected = (await api(role)).rows.map((row) => row.action_id);
    expect({ role, rows: await shown(page) }).toEqual({ role, rows: expected });
    // An analyst's board has panels their role may not read (evaluations): those 403s are expected there.
    if (role !== 'market_analyst') expect(problems).toEqual([]);
    if (role === 'sales_manager')
      await page.screenshot({ path: join(ARTIFACTS, 'actions-sales-manager.png'), fullPage: true });
    await page.close();
  }
  const regional = (await api('regional_manager')).rows;
  expect(regional.length).toBeLessThan(all.length);
}, 240_000);

/** `month` moved by `delta` months. */
const shiftMonth = (month: string, delta: number): string => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + delta;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};

it("shows the closed loop of the trend's unhappy answers per region as the satisfaction report gives it, about half recovered", async () => {
  const { page, problems } = await openBoard('sales_manager');
  const { month, months } = await readFilters(page);
  const query = `from=${shiftMonth(month, 1 - months)}&to=${month}&groupBy=region`;
  const response = await fetch(`${demo.url}/reports/satisfaction?${query}`, {
    headers: { authorization: `Bearer ${demo.tokens['sales_manager']}` },
  });
  const { rows } = (await response.json()) as {
    rows: { group: string; closedLoop: { opened: number; closed: number; recovered: number } }[];
  };
  const shownRows = (await readTable(page, '#panels table[data-report="closed-loop"]')).map((row) => [
    row['group'],
    row['opened'],
    row['closed'],
    row['recovered'],
  ]);
  expect(shownRows).toEqual(
    rows.map((row) => [
      row.group,
      ...[row.closedLoop.opened, row.closedLoop.closed, row.closedLoop.recovered].map(String),
    ]),
  );
  const closed = rows.reduce((sum, row) => sum + row.closedLoop.closed, 0);
  const recovered = rows.reduce((sum, row) => sum + row.closedLoop.recovered, 0);
  expect(closed).toBeGreaterThan(0);
  expect(recovered / closed).toBeGreaterThan(0.3);
  expect(recovered / closed).toBeLessThan(0.8);
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);

it("speaks Chinese with the glossary's terms", async () => {
  const { page, problems } = await openBoard('sales_manager', 'zh-CN');
  expect(await page.textContent('section[data-panel="improvement-actions"] h2')).toBe('改进措施');
  expect(await page.textContent('section[data-panel="closed-loop"] h2')).toBe('不满意回访闭环');
  const headers = await page.$$eval('section[data-panel="improvement-actions"] th', (ths) =>
    ths.map((th) => th.textContent),
  );
  expect(headers.slice(0, 6)).toEqual(['部门', '措施编号', '改进内容', '状态', '负责人', '完成期限']);
  const statuses = await page.$$eval('#panels table[data-report="improvement-actions"] tbody tr', (trs) =>
    trs.map((tr) => tr.querySelectorAll('td')[3]?.textContent ?? ''),
  );
  const words: Record<string, string> = { open: '待处理', in_progress: '进行中', done: '已完成', dropped: '已放弃' };
  expect(statuses).toEqual((await api('sales_manager')).rows.map((row) => words[row.status]));
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);
