/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import { ARTIFACTS, useDemoAndBrowser } from './harness.js';
import { lastDay, shiftMonth } from './expected.js';
import { readFilters, readTable } from './page.js';

// The forecast panels in headless Chromium against the demo: forecast against target by month and forecast accuracy
// over the trend months, equal to the API's answers for the page's filters and token, in English and in Chinese.
const session = useDemoAndBrowser();

const text = (value: unknown): string => (value === null ? 'null' : String(value));

/** The rows of the months after `month` with a weighted pipeline: the generator leaves opportunities open. */
const comingPipeline = (rows: readonly Record<string, string>[], month: string) =>
  rows.filter((row) => (row['month'] ?? '') > month && Number(row['pipeline']) > 0);

/** Both panels' tables as the page must show them: the API's rows for the filter month, with the role's token. */
async function expected(role: string, month: string, months: number) {
  const forecast = (await session.get(role, '/reports/forecast', {
    asOf: lastDay(month),
    months: '6',
    groupBy: 'region',
  })) as { rows: Record<string, unknown>[] };
  const accuracy = (await session.get(role, '/reports/forecast/accuracy', {
    from: shiftMonth(month, 1 - months),
    to: month,
    lagMonths: '1',
    groupBy: 'region',
  })) as { rows: unknown[]; summary: Record<string, unknown>[] };
  const fields = ['group', 'month', 'currency', 'booked', 'pipeline', 'statistical', 'commit', 'bestCase', 'target'];
  return {
    forecast: forecast.rows.map((row) => Object.fromEntries([...fields, 'gap'].map((f) => [f, text(row[f])]))),
    accuracy: accuracy.summary.map((row) =>
      Object.fromEntries(['group', 'currency', 'kind', 'months', 'mape', 'bias'].map((f) => [f, text(row[f])])),
    ),
    scoredMonths: accuracy.rows.length,
  };
}

it('shows a sales manager the forecast by month and its accuracy, in English, as the API computes them', async () => {
  const { page, problems } = await session.signIn('sales_manager');
  const { month, months } = await readFilters(page);
  const api = await expected('sales_manager', month, months);
  expect(api.forecast.length).toBeGreaterThan(0);
  expect(api.forecast.some((row) => Number(row['statistical']) > 0)).toBe(true);
  // The generator submits the reps' forecasts, so commit and best case are figures, and scored for accuracy.
  expect(
    api.forecast.some((row) => Number(row['commit']) > 0 && Number(row['bestCase']) >= Number(row['commit'])),
  ).toBe(true);
  expect(api.accuracy.some((row) => row['kind'] === 'commit' && Number(row['months']) > 0)).toBe(true);
  const shown = await readTable(page, 'table[data-report="forecast"]');
  expect(shown).toEqual(api.forecast);
  // Opportunities still open at the end of the history weight the coming months' pipeline, and the page shows it.
  expect(comingPipeline(api.forecast, month).length).toBeGreaterThan(0);
  expect(comingPipeline(shown, month)).toEqual(comingPipeline(api.forecast, month));
  expect(await readTable(page, 'table[data-report="forecast-accuracy"]')).toEqual(api.accuracy);
  expect(api.scoredMonths).toBeGreaterThan(0);
  expect(await page.$$eval('table[data-report="forecast"] th', (ths) => ths.map((th) => th.textContent))).toEqual([
    'region',
    'month',
    'currency',
    'booked',
    'pipeline',
    'statistical',
    'commit',
    'best case',
    'target',
    'gap',
  ]);
  const legend = await page.textContent('section[data-panel="forecast"] canvas');
  for (const figure of ['booked', 'pipeline', 'statistical', 'commit', 'best case', 'target'])
    expect(legend).toContain(figure);
  for (const panel of ['forecast', 'forecast-accuracy'])
    await page.locator(`section[data-panel="${panel}"]`).screenshot({ path: join(ARTIFACTS, `${panel}.png`) });
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);

it("shows a regional manager their region's forecast and accuracy in Chinese", async () => {
  const { page, problems } = await session.signIn('regional_manager', { locale: 'zh-CN' });
  const { month, months } = await readFilters(page);
  const api = await expected('regional_manager', month, months);
  expect(new Set(api.forecast.map((row) => row['group'])).size).toBe(1);
  const shown = await readTable(page, 'table[data-report="forecast"]');
  expect(shown).toEqual(api.forecast);
  expect(comingPipeline(shown, month).length).toBeGreaterThan(0);
  expect(await readTable(page, 'table[data-report="forecast-accuracy"]')).toEqual(api.accuracy);
  expect(await page.textContent('section[data-panel="forecast"] h2')).toContain('各月预测与销售目标');
  expect(await page.textContent('section[data-panel="forecast-accuracy"] h2')).toContain('预测准确度');
  const heads = await page.$$eval('table[data-report="forecast"] th', (ths) => ths.map((th) => th.textContent));
  expect(heads).toEqual([
    '区域',
    '月份',
    '币种',
    '销售额',
    '销售漏斗',
    '统计预测',
    '承诺数',
    '最佳预测',
    '销售目标',
    '缺口',
  ]);
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);
