/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ARTIFACTS, ensureBuilt, launchChromium, signInPage, startDemo, type StartedDemo } from './harness.js';
import { readTable } from './page.js';

// The improvement actions panel in Debian's headless Chromium against the built start command: the demo's generated
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

it("speaks Chinese with the glossary's terms", async () => {
  const { page, problems } = await openBoard('sales_manager', 'zh-CN');
  expect(await page.textContent('section[data-panel="improvement-actions"] h2')).toBe('改进措施');
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
