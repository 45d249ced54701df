/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { expectedTables } from './expected.js';
import { ARTIFACTS, useDemoAndBrowser } from './harness.js';
import { readBoard, readFilters } from './page.js';

// The dashboard in each of its languages: it follows the browser's language, can be switched and remembers the
// choice, and a Chinese page holds no English words but ids, codes and the acronyms the glossary keeps.
const session = useDemoAndBrowser();

const get = session.get;
/** A browser whose language is `locale` (navigator.languages and Accept-Language), signed in as `role`. */
const signIn = (context: BrowserContext, role: string) => session.signIn(role, { context });

// 'US' is zh-CN's symbol for USD (US$).
const ACRONYMS = ['Salesbook', 'CSAT', 'NPS', 'DSO', 'SLA', 'CNY', 'USD', 'US', 'r', 'n'];

/** The Latin words the page shows that are neither a figure's raw value (ids, codes) nor a kept acronym. */
const englishWords = (page: Page): Promise<string[]> =>
  page.evaluate((acronyms) => {
    // Region and rep ids, currency codes and the ids in drill-down rows are data, shown as they are.
    const ids = [
      ...document.querySelectorAll<HTMLElement>(
        'table[data-report^="sales-"] tr, table[data-report="aging"] tr, tr[data-currency]',
      ),
    ].flatMap((tr) => [tr.dataset['group'] ?? '', tr.dataset['currency'] ?? '']);
    // What people typed or named (an action's title and owner, a campaign's name) is data too, in whatever language.
    const typed = [
      ...document.querySelectorAll<HTMLElement>(
        ['action_id', 'owner_id', 'title', 'campaign_id', 'name']
          .map((field) => `td[data-field="${field}"]`)
          .join(', '),
      ),
    ].map((td) => td.dataset['value'] ?? '');
    // A value of several words (a product category, a promotion's name) is data word by word, as the page's words are read.
    const raw = new Set(
      [
        ...ids,
        ...typed,
        ...[...document.querySelectorAll<HTMLOptionElement>('#f-region option, #f-rep option, #f-currency option')].map(
          (option) => option.value,
        ),
      ].flatMap((value) => value.match(/[A-Za-z][\w.-]*/g) ?? [value]),
    );
    const who = document.getElementById('who')?.textContent ?? '';
    const words = document.body.innerText.match(/[A-Za-z][\w.-]*/g) ?? [];
    return [...new Set(words)].filter(
      (word) => !acronyms.includes(word) && !raw.has(word) && !who.startsWith(word) && word !== 'English',
    );
  }, ACRONYMS);

it("speaks Chinese to a zh-CN browser: labels, money in ¥, months as 2026年11月, and the API's numbers unchanged", async () => {
  const context = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 1400, height: 1000 } });
  const { page, problems } = await signIn(context, 'sales_manager');
  expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
  expect(await page.textContent('#who')).toMatch(/（销售部经理）$/);
  expect(await page.$$eval('table[data-report="sales-region"] th', (ths) => ths.map((th) => th.textContent))).toEqual([
    '区域',
    '币种',
    '销售额',
    '销售目标',
    '达成率',
    '订单数',
    '回款额',
    '回款率',
    '明细',
  ]);
  const money = await page.textContent(
    'table[data-report="sales-region"] tr[data-currency="CNY"] td[data-field="booked"]',
  );
  expect(money).toMatch(/^-?¥[\d,]+\.\d\d$/);
  const month = await page.textContent('table[data-report="collections-trend"] td[data-field="month"]');
  expect(month).toMatch(/^\d{4}年\d{1,2}月$/);
  expect(await page.textContent('#status')).toMatch(/^已加载 \d{4}年\d{1,2}月，用时 [\d,]+ 毫秒。$/);
  // The chart's value axis and tooltips, as its fallback content says them: compact yuan on the axis (¥1.2万), exact yuan per point.
  const axis = await page.textContent('section[data-panel="sales-region"] canvas p[data-axis="y"]');
  expect(axis).toMatch(/^纵轴刻度：¥0(?: · ¥[\d.]+[千万亿]?)+$/);
  expect(axis).toMatch(/¥[\d.]+万/);
  const points = await page.$$eval('section[data-panel="sales-region"] canvas li', (items) =>
    items.map((item) => item.textContent ?? ''),
  );
  expect(points.length).toBeGreaterThan(0);
  for (const point of points) expect(point).toMatch(/^.+, .+: (-?¥[\d,]+\.\d\d|—)$/);
  expect(await englishWords(page)).toEqual([]);
  expect(await readBoard(page)).toEqual(
    await expectedTables((path, query) => get('sales_manager', path, query), await readFilters(page)),
  );
  await page.screenshot({ path: join(ARTIFACTS, 'zh-CN.png'), fullPage: true });
  expect(problems).toEqual([]);
  await context.close();
}, 90_000);

it("shows finance the API's refusal of the sales reports in Chinese, its code unchanged", async () => {
  const context = await session.browser.newContext({ locale: 'zh-CN' });
  const { page } = await signIn(context, 'finance');
  expect(await page.textContent('[data-error="sales-region"]')).toBe('403 ROLE_NOT_ALLOWED: 您的角色无权执行此操作');
  expect(await page.textContent('section[data-panel="sales-region"] h2')).toBe('各区域销售额与销售目标');
  await context.close();
}, 60_000);

it('speaks English to an English browser, switches to Chinese and back, and remembers the choice after a reload', async () => {
  const context = await session.browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 1000 } });
  const { page, problems } = await signIn(context, 'sales_manager');
  const title = (id: string) => page.textContent(`section[data-panel="${id}"] h2`);
  expect(await page.getAttribute('html', 'lang')).toBe('en');
  expect(await title('sales-region')).toBe('Booked sales against target by region');
  expect(
    await page.textContent('table[data-report="sales-region"] tr[data-currency="CNY"] td[data-field="booked"]'),
  ).toMatch(/^-?CN¥[\d,]+\.\d\d$/);
  expect(await page.textContent('table[data-report="collections-trend"] td[data-field="month"]')).toMatch(
    /^[A-Z][a-z]{2} \d{4}$/,
  );
  expect(await page.textContent('section[data-panel="sales-region"] canvas p[data-axis="y"]')).toMatch(
    /^Value axis: CN¥0(?: · CN¥[\d.]+[KMB]?)+$/,
  );
  await page.screenshot({ path: join(ARTIFACTS, 'en.png'), fullPage: true });

  await page.selectOption('#locale', 'zh-CN');
  await page.waitForFunction(
    () => document.querySelector('section[data-panel="complaints"] h2')?.textContent === '各类别投诉及超时情况',
  );
  await page.waitForSelector('#status[data-loaded]');
  expect(await title('sales-region')).toBe('各区域销售额与销售目标');
  expect(await page.textContent('#sign-out')).toBe('退出登录');
  await page.reload();
  await page.waitForSelector('#status[data-loaded]');
  expect(await page.inputValue('#locale')).toBe('zh-CN');
  expect(await title('aging')).toBe('各区域应收账款账龄');

  await page.selectOption('#locale', 'en');
  await page.waitForFunction(
    () => document.querySelector('section[data-panel="aging"] h2')?.textContent === 'Receivables aging by region',
  );
  await page.reload();
  await page.waitForSelector('#status[data-loaded]');
  expect(await title('aging')).toBe('Receivables aging by region');
  expect(problems).toEqual([]);
  await context.close();
}, 90_000);
