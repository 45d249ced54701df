/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { shiftMonth, type Values } from './expected.js';
import { ARTIFACTS, useDemoAndBrowser } from './harness.js';
import { readFilters, readTable } from './page.js';

// The margin and promotion panels in headless Chromium on the demo's data, in English and Chinese: each table holds
// what the API answers for the same filters (computed here from the API, not from the page's code), and the demo's
// pump promotion shows a real effect.
type Json = Record<string, any>;
const session = useDemoAndBrowser();

const api = (path: string, query: Record<string, string> = {}): Promise<Json> =>
  session.get('sales_manager', path, query);
const text = (value: unknown): string => (value === null || value === undefined ? 'null' : String(value));
const values = (entries: Record<string, unknown>): Values =>
  Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, text(v)]));

/** The board as the sales manager sees it in a browser speaking `locale`, with script errors collected. */
const board = (locale: string) => session.signIn('sales_manager', { locale, height: 1600 });

/** The three tables as the API's answers give them for the page's filters. */
async function expected(month: string, months: number): Promise<Record<string, Values[]>> {
  const from = shiftMonth(month, 1 - months);
  const trend: Values[] = [];
  for (let k = 0; k < months; k += 1) {
    const m = shiftMonth(from, k);
    const rows = (await api('/reports/margins', { from: m, to: m, groupBy: 'region' })).rows as Json[];
    for (const currency of [...new Set(rows.map((r) => r.currency as string))].sort()) {
      const of = rows.filter((r) => r.currency === currency);
      const sum = (f: (r: Json) => number) => of.reduce((s, r) => s + f(r), 0);
      const costed = sum((r) => r.net_sales - r.uncosted_sales);
      trend.push(
        values({
          month: m,
          currency,
          net_sales: sum((r) => r.net_sales),
          margin: sum((r) => r.margin),
          margin_pct: costed === 0 ? null : Math.round((sum((r) => r.margin) / costed) * 10_000) / 10_000,
        }),
      );
    }
  }
  const categories = ((await api('/reports/margins', { from, to: month, groupBy: 'category' })).rows as Json[]).map(
    (r) =>
      values({
        category: r.key,
        currency: r.currency,
        net_sales: r.net_sales,
        margin: r.margin,
        margin_pct: r.margin_pct,
      }),
  );
  const last = `${month}-${String(new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;
  const running = ((await api('/promotions', { status: 'approved' })).rows as Json[]).filter(
    (p) => p.starts_on <= last && p.ends_on >= `${from}-01`,
  );
  const promotions: Values[] = [];
  for (const p of running) {
    const e = await api(`/reports/promotions/${p.promotion_id}/effectiveness`);
    const [during, baseline] = e.rows as Json[];
    promotions.push(
      values({
        promotion: p.name,
        period: `${p.starts_on}/${p.ends_on}`,
        units_during: during?.quantity,
        units_baseline: baseline?.quantity,
        sales_during: during?.net_sales,
        sales_baseline: baseline?.net_sales,
        discount_cost: e.effect.discount_cost,
        incremental_margin: e.effect.incremental_margin,
        sales_lift: e.effect.sales_lift,
        forecast_method: e.statisticalBaseline?.method ?? 'none',
        units_forecast: e.statisticalBaseline?.quantity,
        sales_forecast: e.statisticalBaseline?.net_sales,
        incremental_sales_forecast: e.statisticalEffect?.net_sales,
        sales_lift_forecast: e.statisticalEffect?.sales_lift,
      }),
    );
  }
  return { 'pricing-margin-trend': trend, 'pricing-margin-category': categories, 'pricing-promotions': promotions };
}

const IDS = ['pricing-margin-trend', 'pricing-margin-category', 'pricing-promotions'];
const read = async (page: Page): Promise<Record<string, Values[]>> =>
  Object.fromEntries(
    await Promise.all(
      IDS.map(async (id) => [id, await readTable(page, `#panels table[data-report="${id}"]`)] as const),
    ),
  );

it('shows margin by month, margin % by category and each promotion against its baseline, as the API answers them', async () => {
  const { page, problems } = await board('en-US');
  const { month, months } = await readFilters(page);
  const shown = await read(page);
  expect(shown).toEqual(await expected(month, months));
  expect(shown['pricing-margin-category']?.length).toBeGreaterThan(5);
  // The demo's pump promotion ran in these months, took budget and sold pumps in both windows.
  const pumps = shown['pricing-promotions']?.find((row) => row['promotion'] === 'Spring pumps');
  expect(Number(pumps?.['discount_cost'])).toBeGreaterThan(0);
  expect([Number(pumps?.['sales_during']) > 0, Number(pumps?.['sales_baseline']) > 0]).toEqual([true, true]);
  // Beside the stated baseline, the statistical one: the demo has months of pump sales before the promotion, so a
  // model was fitted (flat, ETS with Theta, or Theta, named in words) and forecast sales over the promotion's days.
  expect(['flat', 'ets-theta', 'theta']).toContain(pumps?.['forecast_method']);
  expect(Number(pumps?.['sales_forecast'])).toBeGreaterThan(0);
  const method = await page.textContent(
    'table[data-report="pricing-promotions"] tr[data-group="Spring pumps"] td[data-field="forecast_method"]',
  );
  const words: Record<string, string> = {
    'ets-theta': 'exponential smoothing and Theta, averaged',
    theta: 'Theta method, deseasonalised',
    flat: 'mean of the last 6 months',
  };
  expect(method).toBe(words[String(pumps?.['forecast_method'])]);
  expect(await page.textContent('section[data-panel="pricing-promotions"] h2')).toBe(
    'Promotions against their baseline',
  );
  expect(
    await page.textContent('table[data-report="pricing-margin-trend"] tr[data-currency="CNY"] td[data-field="margin"]'),
  ).toMatch(/^-?CN¥[\d,]+\.\d\d$/);
  await page.screenshot({ path: join(ARTIFACTS, 'pricing-en.png'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);

it('speaks Chinese in the pricing panels: titles, columns, money in ¥, no English but the data (categories, promotion names)', async () => {
  const { page, problems } = await board('zh-CN');
  expect(await page.textContent('section[data-panel="pricing-margin-trend"] h2')).toBe('各月毛利');
  expect(
    await page.$$eval('table[data-report="pricing-promotions"] th', (ths) => ths.map((th) => th.textContent)),
  ).toEqual([
    '促销活动',
    '活动期间',
    '活动期间数量',
    '基准期数量',
    '活动期间销售额',
    '基准期销售额',
    '折扣成本',
    '增量毛利',
    '销售额增幅',
    '预测方法',
    '统计基准数量',
    '统计基准销售额',
    '超出统计基准的销售额',
    '相对统计基准的增幅',
  ]);
  expect(
    await page.textContent(
      'table[data-report="pricing-promotions"] tr[data-group="Spring pumps"] td[data-field="forecast_method"]',
    ),
  ).toMatch(/^(θ 法（去季节）|近6个月平均)$/);
  expect(
    await page.textContent('table[data-report="pricing-margin-trend"] tr[data-currency="CNY"] td[data-field="margin"]'),
  ).toMatch(/^-?¥[\d,]+\.\d\d$/);
  const english = await page.evaluate((ids) => {
    const sections = ids.map((id) => document.querySelector<HTMLElement>(`section[data-panel="${id}"]`));
    const data = new Set(
      sections.flatMap((s) =>
        [...(s?.querySelectorAll<HTMLElement>('tr[data-group]') ?? [])].flatMap(
          (tr) => `${tr.dataset['group']} ${tr.dataset['currency']}`.match(/[A-Za-z][\w.-]*/g) ?? [],
        ),
      ),
    );
    const words = sections.flatMap((s) => s?.innerText.match(/[A-Za-z][\w.-]*/g) ?? []);
    return [...new Set(words)].filter((word) => !data.has(word) && !['CNY', 'USD', 'US'].includes(word));
  }, IDS);
  expect(english).toEqual([]);
  await page.screenshot({ path: join(ARTIFACTS, 'pricing-zh-CN.png'), fullPage: true });
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);
