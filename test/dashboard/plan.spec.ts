/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { shiftMonth, type Values } from './expected.js';
import { ARTIFACTS, useDemoAndBrowser, type StartedDemo } from './harness.js';
import { readTable } from './page.js';

// The plan attainment panel in headless Chromium against the demo: the sales manager sets, through the API, a quarter
// target of booked sales and a year target of new customers for the demo's rep, a month target of collected sales for
// their region and a quarter target for another region; each role's board shows the plan rows the API gives that
// role's token (a rep their own, the regional manager their region and its reps, the sales manager all), in English
// and in Chinese.

type Json = Record<string, any>;
const MONTH = shiftMonth(new Date().toISOString().slice(0, 7), -1); // the board's default: the last whole month
const QUARTER = `${MONTH.slice(0, 4)}-Q${Math.ceil(Number(MONTH.slice(5, 7)) / 3)}`;
const YEAR = MONTH.slice(0, 4);
const TARGETS = [
  { scope: 'rep', scopeId: 'rep-east-01', region: 'east', period: QUARTER, measure: 'booked', amount: 90_000_000 },
  { scope: 'rep', scopeId: 'rep-east-01', region: 'east', period: YEAR, measure: 'newCustomers', amount: 12 },
  { scope: 'region', scopeId: 'east', period: MONTH, measure: 'collected', amount: 150_000_000 },
  { scope: 'region', scopeId: 'west', period: QUARTER, measure: 'booked', amount: 400_000_000 },
];

/** Sets each target, or revises it when the generated history already set it (the amounts are the spec's either way). */
async function setTargets(demo: StartedDemo): Promise<void> {
  const headers = { authorization: `Bearer ${demo.tokens['sales_manager']}`, 'content-type': 'application/json' };
  const post = (path: string, body: unknown) =>
    fetch(`${demo.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  let position = '';
  for (const { region, ...key } of TARGETS) {
    let response = await post('/targets', { ...key, ...(region === undefined ? {} : { region }), currency: 'CNY' });
    if (response.status === 409)
      response = await post('/targets/revisions', { ...key, reason: 'plan panel browser test' });
    const answer = (await response.json()) as { position: string };
    expect({ key, status: response.status }).toEqual({ key, status: 201 });
    position = answer.position;
  }
  // The board reads the read models: wait until they hold the last target.
  await fetch(`${demo.url}/reports/sales/monthly?month=${MONTH}&groupBy=rep`, {
    headers: { ...headers, 'x-min-position': position },
  });
}

const session = useDemoAndBrowser({ setUp: setTargets });

const FIELDS = ['level', 'group', 'period', 'measure', 'currency', 'target', 'actual', 'attainment', 'gap'];
const text = (value: unknown): string => (value === null || value === undefined ? 'null' : String(value));

/** The plan rows the API gives `role` for the board's month, region targets first, as the table's raw values. */
async function expected(role: string): Promise<Values[]> {
  const rows: Values[] = [];
  for (const level of ['region', 'rep']) {
    const { plan } = (await session.get(role, '/reports/sales/monthly', { month: MONTH, groupBy: level })) as Json;
    for (const row of plan as Json[])
      rows.push(
        Object.fromEntries(
          FIELDS.map((f) => [f, text(f === 'level' ? level : f === 'gap' ? row['target'] - row['actual'] : row[f])]),
        ),
      );
  }
  return rows;
}

const shown = (page: Page): Promise<Values[]> => readTable(page, '#panels table[data-report="plan-attainment"]');
/** The rows of the spec's own targets, as `group period measure`. */
const ours = (rows: readonly Values[]): string[] =>
  rows
    .filter((row) =>
      TARGETS.some((t) => t.scopeId === row['group'] && t.period === row['period'] && t.measure === row['measure']),
    )
    .map((row) => `${row['group']} ${row['period']} ${row['measure']} ${row['target']}`)
    .sort();

async function openBoard(role: string, locale = 'en-US'): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await session.signIn(role, { locale, height: 1600 });
  await page.waitForSelector('table[data-report="plan-attainment"]');
  expect(await page.inputValue('#f-month')).toBe(MONTH);
  return { page, problems };
}

it("shows each role the plan's targets and attainment the API gives it: a rep their own, a regional manager their region", async () => {
  const seen: Record<string, string[]> = {
    sales_manager: [
      `east ${MONTH} collected 150000000`,
      `rep-east-01 ${QUARTER} booked 90000000`,
      `rep-east-01 ${YEAR} newCustomers 12`,
      `west ${QUARTER} booked 400000000`,
    ],
    regional_manager: [
      `east ${MONTH} collected 150000000`,
      `rep-east-01 ${QUARTER} booked 90000000`,
      `rep-east-01 ${YEAR} newCustomers 12`,
    ],
    sales_rep: [`rep-east-01 ${QUARTER} booked 90000000`, `rep-east-01 ${YEAR} newCustomers 12`],
  };
  for (const [role, targets] of Object.entries(seen)) {
    const { page, problems } = await openBoard(role);
    const rows = await shown(page);
    expect({ role, rows }).toEqual({ role, rows: await expected(role) });
    expect({ role, targets: ours(rows) }).toEqual({ role, targets: [...targets].sort() });
    // The quarter's booked sales to date are real figures of the demo's history, not an empty row.
    const quarter = rows.find((row) => row['group'] === 'rep-east-01' && row['period'] === QUARTER);
    expect(Number(quarter?.['actual'])).toBeGreaterThan(0);
    expect(Number(quarter?.['attainment'])).toBeCloseTo(Number(quarter?.['actual']) / 90_000_000, 4);
    if (role === 'sales_rep') expect(rows.every((row) => row['group'] === 'rep-east-01')).toBe(true);
    if (role === 'regional_manager') expect(rows.some((row) => row['group'] === 'west')).toBe(false);
    expect(problems).toEqual([]);
    if (role === 'regional_manager') await page.screenshot({ path: join(ARTIFACTS, 'plan-en.png'), fullPage: true });
    await page.close();
  }
}, 240_000);

it('speaks Chinese in the plan panel: quarter and year, measures, money in ¥ and customers as a count', async () => {
  const { page, problems } = await openBoard('regional_manager', 'zh-CN');
  const panel = 'section[data-panel="plan-attainment"]';
  expect(await page.$$eval(`${panel} th`, (ths) => ths.map((th) => th.textContent))).toEqual([
    '目标对象',
    '区域或销售专员',
    '期间',
    '目标类型',
    '币种',
    '目标',
    '截至当月实际',
    '达成率',
    '缺口',
  ]);
  const row = (period: string, measure: string) =>
    `${panel} tr[data-group="${period === MONTH ? 'east' : 'rep-east-01'}"][data-period="${period}"][data-measure="${measure}"]`;
  const cell = (period: string, measure: string, field: string) =>
    page.textContent(`${row(period, measure)} td[data-field="${field}"]`);
  expect(await cell(QUARTER, 'booked', 'period')).toBe(`${YEAR}年第${QUARTER.slice(-1)}季度`);
  expect(await cell(QUARTER, 'booked', 'target')).toBe('¥900,000.00');
  expect(await cell(YEAR, 'newCustomers', 'period')).toBe(`${YEAR}年`);
  expect(await cell(YEAR, 'newCustomers', 'measure')).toBe('新客户数');
  expect(await cell(YEAR, 'newCustomers', 'target')).toBe('12');
  expect(await cell(MONTH, 'collected', 'measure')).toBe('回款额');
  expect(await cell(MONTH, 'collected', 'level')).toBe('区域');
  expect(await page.textContent(`${panel} h2`)).toMatch(/^\d{4}年\d{1,2}月计划达成$/);
  await page.screenshot({ path: join(ARTIFACTS, 'plan-zh-CN.png'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);
