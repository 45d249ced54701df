/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, useDemoAndBrowser } from './harness.js';
import { readTable } from './page.js';

// The evaluation history panel in Debian's headless Chromium against the built start command: evaluations written
// over HTTP (the generator makes none), then the board shows each role what the API gives its token, in English and
// in Chinese, and a row opens the scorecards the evaluation froze.

/** The last quarter that has ended by today (evaluations open from a quarter's last day on). */
function lastEndedQuarter(today: Date): { quarter: string; lastMonth: string } {
  const index = today.getUTCFullYear() * 4 + Math.floor(today.getUTCMonth() / 3) - 1;
  const year = Math.floor(index / 4);
  const n = (index % 4) + 1;
  return { quarter: `${year}-Q${n}`, lastMonth: `${year}-${String(n * 3).padStart(2, '0')}` };
}
const { quarter, lastMonth } = lastEndedQuarter(new Date());

async function call(role: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<any> {
  const response = await fetch(`${session.demo.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${session.demo.tokens[role]}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const answer = await response.json();
  expect({ path, status: response.status, answer: response.ok ? 'ok' : answer }).toEqual({
    path,
    status: method === 'POST' ? 201 : 200,
    answer: 'ok',
  });
  return answer;
}

/** Two evaluations through their steps (east acknowledged, west assessed), before the board is read. */
async function evaluateTwoReps(): Promise<void> {
  const east = { repId: 'rep-east-01', quarter };
  await call('regional_manager', 'POST', '/evaluations', east);
  const assessment = {
    rating: 4,
    strengths: 'Opened two key accounts',
    actions: [{ action: 'Shorten quotation turnaround', dueOn: '2099-12-31' }],
    outcomes: [{ kind: 'bonus', amount: 500_000, currency: 'CNY', note: 'over target' }],
  };
  await call('sales_manager', 'POST', '/evaluations/assessment', { ...east, ...assessment });
  await call('regional_manager', 'POST', '/evaluations/finalisation', east);
  await call('sales_rep', 'POST', '/evaluations/acknowledgement', east);
  const west = { repId: 'rep-west-01', quarter };
  await call('sales_manager', 'POST', '/evaluations', west);
  const last = await call('sales_manager', 'POST', '/evaluations/assessment', {
    ...west,
    rating: 2,
    strengths: 'Punctual reports',
    actions: [{ action: 'Weekly pipeline review', dueOn: '2099-06-30' }],
    outcomes: [{ kind: 'coaching', note: 'negotiation' }],
  });
  // The board reads the read models: wait until they hold the last write.
  await fetch(`${session.demo.url}/evaluations`, {
    headers: {
      authorization: `Bearer ${session.demo.tokens['sales_manager']}`,
      'x-min-position': String(last.position),
    },
  });
}

const session = useDemoAndBrowser({ setUp: evaluateTwoReps });

/** The board signed in as `role` in `locale`, on the quarter's last month, with every script error collected. */
async function openBoard(role: string, locale = 'en-US'): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await session.signIn(role, { locale });
  await page.fill('#f-month', lastMonth);
  await page.click('#filters button[type=submit]');
  await page.waitForFunction(
    (month) =>
      document.querySelector('section[data-panel="evaluations"] h2')?.textContent?.includes(month.slice(0, 4)) ===
        true && document.querySelector('#status[data-loaded]') !== null,
    lastMonth,
  );
  return { page, problems };
}

const shown = async (page: Page) =>
  (await readTable(page, '#panels table[data-report="evaluations"]')).map((row) => [
    row['rep_id'],
    row['quarter'],
    row['status'],
    row['rating'],
    row['outcomes'],
  ]);
const expected = async (role: string) =>
  (
    (await call(role, 'GET', `/evaluations?year=${lastMonth.slice(0, 4)}`)).rows as {
      rep_id: string;
      quarter: string;
      status: string;
      rating: number;
      outcomes: { kind: string }[];
    }[]
  ).map((row) => [
    row.rep_id,
    row.quarter,
    row.status,
    String(row.rating),
    row.outcomes.map((outcome) => outcome.kind).join(','),
  ]);

it("shows a sales manager every evaluation, a regional manager their region's, a rep their own, as the API gives each token", async () => {
  const cases: [string, string[]][] = [
    ['sales_manager', ['rep-east-01', 'rep-west-01']],
    ['regional_manager', ['rep-east-01']],
    ['sales_rep', ['rep-east-01']],
  ];
  for (const [role, reps] of cases) {
    const { page, problems } = await openBoard(role);
    const rows = await shown(page);
    expect({ role, rows }).toEqual({ role, rows: await expected(role) });
    expect({ role, reps: rows.map((row) => row[0]) }).toEqual({ role, reps });
    expect(problems).toEqual([]);
    if (role === 'sales_manager')
      await page.screenshot({ path: join(ARTIFACTS, 'evaluations-sales-manager.png'), fullPage: true });
    await page.close();
  }
}, 240_000);

it('opens the scorecards an evaluation froze, equal to its snapshot', async () => {
  const { page } = await openBoard('sales_rep');
  const [evaluation] = (await call('sales_rep', 'GET', `/evaluations/rep-east-01/${quarter}`)).rows as {
    snapshot: {
      scorecards: {
        month: string;
        rows: { currencies: { currency: string; booked: number; collected: number }[] }[];
      }[];
    };
  }[];
  const frozen = (evaluation?.snapshot.scorecards ?? []).flatMap(({ month, rows }) =>
    rows.flatMap((card) => card.currencies.map((c) => [month, c.currency, String(c.booked), String(c.collected)])),
  );
  expect(frozen.length).toBeGreaterThan(0);
  await page.click(`#panels table[data-report="evaluations"] tr[data-rep="rep-east-01"] button.link`);
  await page.waitForSelector('#drill:not([hidden]) table');
  const drilled = (await readTable(page, '#drill-body')).map((row) => [
    row['month'],
    row['currency'],
    row['booked'],
    row['collected'],
  ]);
  expect(drilled).toEqual(frozen);
  await page.close();
}, 120_000);

it("speaks Chinese with the glossary's terms", async () => {
  const { page, problems } = await openBoard('sales_manager', 'zh-CN');
  expect(await page.textContent('section[data-panel="evaluations"] h2')).toBe(
    `${lastMonth.slice(0, 4)} 年季度绩效评估`,
  );
  const cells = await page.$$eval('#panels table[data-report="evaluations"] tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].slice(2, 4).map((td) => td.textContent)),
  );
  expect(cells).toEqual([
    ['本人已确认', '4 良好'],
    ['进行中', '2 待改进'],
  ]);
  const headers = await page.$$eval('section[data-panel="evaluations"] th', (ths) => ths.map((th) => th.textContent));
  expect(headers.slice(0, 7)).toEqual(['销售专员', '季度', '状态', '评级', '优势', '改进措施', '奖惩']);
  expect(problems).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'evaluations-zh-CN.png'), fullPage: true });
  await page.close();
}, 120_000);
