/// <reference lib="dom" />
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { ARTIFACTS, shanghaiDate, useDemoAndBrowser } from './harness.js';

// A customer answers a survey through the link a campaign issued, in headless Chromium against the demo: the page,
// the answer, the thank-you page, then the refusal a second answer gets (one answer per invitation).
const session = useDemoAndBrowser();

/** Plans and launches a campaign taking answers from today over the demo's customers, and answers its first link. */
async function firstLink(): Promise<string> {
  const headers = {
    authorization: `Bearer ${session.demo.tokens['sales_manager']}`,
    'content-type': 'application/json',
  };
  const post = async (path: string, body: unknown) => {
    const response = await fetch(`${session.demo.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    expect({ path, status: response.status }).toEqual({ path, status: 201 });
  };
  const today = shanghaiDate(0);
  await post('/survey-campaigns', {
    campaignId: 'browser',
    name: 'Browser survey',
    period: shanghaiDate(-31).slice(0, 7),
    population: { orderedWithinMonths: 6 },
    sample: { kind: 'random', size: 3, seed: 7 },
    opensOn: today,
    closesOn: shanghaiDate(14),
  });
  await post('/survey-campaigns/browser/launch', {});
  const links = await fetch(`${session.demo.url}/survey-campaigns/browser/links`, { headers });
  const body = (await links.json()) as { rows: { path: string }[] };
  expect(body.rows).toHaveLength(3);
  return `${session.demo.url}${body.rows[0]?.path ?? ''}`;
}

it('takes an answer through the link, thanks, and refuses a second answer with a page of its own', async () => {
  const link = await firstLink();
  const context = await session.browser.newContext({ locale: 'zh-CN', viewport: { width: 900, height: 1200 } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // Two tabs open the link before anyone answers: the second one's answer is the second attempt.
  const second = await context.newPage();
  for (const tab of [page, second]) {
    const opened = await tab.goto(link);
    expect(opened?.status()).toBe(200);
    expect(await tab.textContent('h1')).toBe('客户满意度调查');
    expect((await tab.textContent('#company'))?.trim()).not.toBe('');
  }
  const answer = async (tab: Page): Promise<number | undefined> => {
    const scores = { nps: 8, csat: 4, productQuality: 4, delivery: 3, service: 5, price: 4 };
    for (const [name, value] of Object.entries(scores)) await tab.check(`input[name=${name}][value="${value}"]`);
    await tab.fill('#comment', '交货可以再快一些');
    const [response] = await Promise.all([tab.waitForNavigation(), tab.click('button[type=submit]')]);
    return response?.status();
  };
  expect(await answer(page)).toBe(201);
  expect(await page.textContent('#thanks')).toBe('感谢您的反馈，您的回答已记录。');
  await page.screenshot({ path: join(ARTIFACTS, 'survey-link-thanks.png') });
  expect(await answer(second)).toBe(409);
  expect(await second.getAttribute('#refusal', 'data-refusal')).toBe('answered');
  expect(await second.textContent('#refusal')).toBe('此调查已作答，每个链接只能作答一次。');
  await second.screenshot({ path: join(ARTIFACTS, 'survey-link-answered.png') });
  // Opening the link afterwards shows the same refusal instead of the form.
  const later = await page.goto(link);
  expect([later?.status(), await page.getAttribute('#refusal', 'data-refusal')]).toEqual([409, 'answered']);
  expect(problems).toEqual([]);
  await context.close();
}, 120_000);
