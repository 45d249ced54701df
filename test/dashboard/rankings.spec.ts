/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { BrowserContext } from 'playwright-core';
import { useDemoAndBrowser } from './harness.js';
import { readFilters, readTable } from './page.js';

// The league table panel in headless Chromium against the demo: the API's ranking for the page's month and the
// signed-in token, in English and in Chinese (a rep sees their region's whole table, a manager every region).
const session = useDemoAndBrowser();

/** The league table as the page must show it: the API's answer for the month, with the role's token. */
async function expected(role: string, month: string): Promise<{ scope: string; rows: Record<string, string>[] }> {
  const body = (await session.get(role, '/reports/rankings', { period: month, metric: 'attainment' })) as {
    scope: string;
    rows: Array<{ rank: number | null; rep_id: string; currency: string | null; value: number | null; tied: boolean }>;
  };
  const text = (value: number | string | null) => (value === null ? 'null' : String(value));
  return {
    scope: body.scope,
    rows: body.rows.map((r) => ({
      rank: text(r.rank),
      rep: r.rep_id,
      currency: text(r.currency),
      value: text(r.value),
      tied: String(r.tied),
    })),
  };
}

async function boardOf(context: BrowserContext, role: string) {
  const { page, problems } = await session.signIn(role, { context });
  return { page, problems, month: (await readFilters(page)).month };
}

it("shows a sales manager every region's league table by attainment, in English, as the API ranks it", async () => {
  const context = await session.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  const { page, problems, month } = await boardOf(context, 'sales_manager');
  const api = await expected('sales_manager', month);
  expect(api.scope).toBe('all');
  expect(api.rows.filter((row) => row['rank'] !== 'null').length).toBeGreaterThan(1);
  expect(await readTable(page, 'table[data-report="league-table"]')).toEqual(api.rows);
  expect(await page.$$eval('table[data-report="league-table"] th', (ths) => ths.map((th) => th.textContent))).toEqual([
    'rank',
    'rep',
    'currency',
    'attainment',
    'tied',
  ]);
  expect(await page.textContent('section[data-panel="league-table"] .note')).toContain('Scope: all regions.');
  expect(problems).toEqual([]);
  await context.close();
}, 120_000);

it("shows a rep their region's whole league table in Chinese", async () => {
  const context = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  const { page, problems, month } = await boardOf(context, 'sales_rep');
  const api = await expected('sales_rep', month);
  expect(api.scope).not.toBe('all');
  expect(api.rows.length).toBeGreaterThan(1);
  expect(await readTable(page, 'table[data-report="league-table"]')).toEqual(api.rows);
  expect(await page.textContent('section[data-panel="league-table"] h2')).toMatch(/^\d{4}年\d{1,2}月达成率排行榜$/);
  expect(await page.$$eval('table[data-report="league-table"] th', (ths) => ths.map((th) => th.textContent))).toEqual([
    '名次',
    '销售专员',
    '币种',
    '达成率',
    '并列',
  ]);
  const shown = await page.$$eval('table[data-report="league-table"] td[data-field="value"]', (tds) =>
    tds.map((td) => td.textContent ?? ''),
  );
  for (const value of shown) expect(value).toMatch(/^([\d,]+\.\d%|—)$/);
  expect(problems).toEqual([]);
  await context.close();
}, 120_000);

/** Sets a plan of 2% on collected sales for every region from `month` on, as an import dated in it (the system role). */
async function setPlan(month: string): Promise<void> {
  const auth = (role: string) => ({
    authorization: `Bearer ${session.demo.tokens[role]}`,
    'content-type': 'application/json',
  });
  const regions = (await (
    await fetch(`${session.demo.url}/reports/sales/monthly?month=${month}&groupBy=region`, {
      headers: auth('sales_manager'),
    })
  ).json()) as { rows: { group: string }[] };
  const body = {
    effectiveFrom: month,
    name: 'demo plan',
    covers: { kind: 'regions', ids: regions.rows.map((r) => r.group) },
    currency: 'CNY',
    tiers: [{ fromBps: 0, rateBps: 200 }],
    accelerators: [],
    clawback: { writeOffs: true, creditNotes: true },
    occurredAt: `${month}-01T02:00:00.000Z`,
  };
  const response = await fetch(`${session.demo.url}/commission-plans/demo-plan/versions`, {
    method: 'POST',
    headers: auth('system'),
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(201);
  const { position } = (await response.json()) as { position: string };
  await fetch(`${session.demo.url}/reports/commissions?month=${month}&groupBy=rep`, {
    headers: { ...auth('sales_manager'), 'x-min-position': position },
  });
}

/** An API answer's rows as the page's cells must hold them. */
async function apiRows(
  role: string,
  path: string,
  pick: (row: Record<string, any>) => Record<string, unknown>,
): Promise<Record<string, string>[]> {
  const body = (await session.get(role, path)) as { rows: Record<string, any>[] };
  return body.rows.map((row) =>
    Object.fromEntries(
      Object.entries(pick(row)).map(([k, v]) => [k, v === null || v === undefined ? 'null' : String(v)]),
    ),
  );
}

const statementRow = (r: Record<string, any>) => ({
  rep: r['rep_id'],
  currency: r['currency'],
  base: r['base'],
  attainment: r['attainment_bps'],
  rate: r['rate_bps'],
  commission: r['commission'],
  clawbacks: r['clawbacks'],
  total: r['total'],
});
const lineRow = (l: Record<string, any>) => ({
  kind: l['kind'],
  receivable: l['receivable_id'],
  amount: l['amount'],
  dated: l['dated_on'],
  counted: l['counted_on'],
  share: l['commission'] ?? (l['clawback'] === null ? null : -l['clawback']),
  event: l['event_position'],
});

it("shows a rep their own commission statement down to each payment, in Chinese, and a manager every rep's with the approval state", async () => {
  const zh = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  const first = await boardOf(zh, 'sales_rep');
  await setPlan(first.month);
  await first.page.close();
  const { page, problems, month } = await boardOf(zh, 'sales_rep');
  const own = await apiRows('sales_rep', `/reports/commissions?month=${month}&groupBy=rep`, statementRow);
  expect(own.map((row) => row['rep'])).toEqual(['rep-east-01']);
  expect(Number(own[0]?.['base'])).toBeGreaterThan(0);
  expect(await readTable(page, 'table[data-report="commissions"]')).toEqual(own);
  expect(await page.textContent('section[data-panel="commissions"] .note')).toContain('尚未审批');
  await page.click('table[data-report="commissions"] tr[data-group="rep-east-01"] button[data-action="open"]');
  await page.waitForSelector('#drill:not([hidden]) table');
  const lines = await apiRows('sales_rep', `/reports/commissions/lines?rep=rep-east-01&month=${month}`, lineRow);
  expect(lines.length).toBeGreaterThan(0);
  expect(await readTable(page, '#drill-body')).toEqual(lines);
  expect(await page.textContent('#drill-title')).toContain('提成明细');
  expect(problems).toEqual([]);
  await zh.close();

  const en = await session.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  const manager = await boardOf(en, 'sales_manager');
  const all = await apiRows('sales_manager', `/reports/commissions?month=${month}&groupBy=rep`, statementRow);
  expect(all.length).toBeGreaterThan(1);
  expect(await readTable(manager.page, 'table[data-report="commissions"]')).toEqual(all);
  expect(await manager.page.textContent('section[data-panel="commissions"] .note')).toContain('Not approved yet');
  expect(manager.problems).toEqual([]);
  await en.close();
}, 180_000);
