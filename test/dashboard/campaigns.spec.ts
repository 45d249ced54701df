/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ARTIFACTS, shanghaiDate, useDemoAndBrowser, type StartedDemo } from './harness.js';
import { readTable } from './page.js';

// The survey campaigns panel in headless Chromium against the demo: a sales manager plans and launches a campaign
// over every customer who ordered in the last six months and two answers are taken down by phone; the board lists the
// campaigns with the invitations, answers and response rate the API gives each token, in English and in Chinese.

async function launchAndAnswer(demo: StartedDemo): Promise<void> {
  const headers = { authorization: `Bearer ${demo.tokens['sales_manager']}`, 'content-type': 'application/json' };
  const post = async (path: string, body: unknown): Promise<{ position: string }> => {
    const response = await fetch(`${demo.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
    const answer = (await response.json()) as { position: string };
    expect({ path, status: response.status, answer }).toEqual({ path, status: 201, answer: expect.anything() });
    return answer;
  };
  await post('/survey-campaigns', {
    campaignId: 'board',
    name: 'Board survey',
    period: shanghaiDate(-31).slice(0, 7),
    population: { orderedWithinMonths: 6 },
    sample: { kind: 'all' },
    opensOn: shanghaiDate(0),
    closesOn: shanghaiDate(14),
  });
  await post('/survey-campaigns/board/launch', {});
  const scores = { productQuality: 4, delivery: 3, service: 5, price: 4 };
  await post('/survey-invitations/board.1/answer', { nps: 9, csat: 5, scores });
  const last = await post('/survey-invitations/board.2/answer', { nps: 7, csat: 4, scores });
  // The board reads the read models: wait until they hold the last answer.
  await fetch(`${demo.url}/survey-campaigns`, { headers: { ...headers, 'x-min-position': last.position } });
}

const session = useDemoAndBrowser({ setUp: launchAndAnswer });

type CampaignList = { rows: { campaign_id: string; status: string; invited: number; answered: number }[] };

/** The board as `role`, once the campaigns panel is drawn. */
async function openBoard(role: string, locale = 'en-US'): Promise<{ page: Page; problems: string[] }> {
  const { page, problems } = await session.signIn(role, { locale });
  await page.waitForSelector('section[data-panel="survey-campaigns"] h2');
  return { page, problems };
}

const shown = async (page: Page) =>
  (await readTable(page, '#panels table[data-report="survey-campaigns"]')).map((row) => [
    row['campaign_id'],
    row['status'],
    row['invited'],
    row['answered'],
    row['response_rate'],
  ]);

/** What the API gives `role`, as the table's raw values hold it. */
async function expected(role: string): Promise<string[][]> {
  const { rows } = (await session.get(role, '/survey-campaigns')) as CampaignList;
  return rows.map((row) => [
    row.campaign_id,
    row.status,
    String(row.invited),
    String(row.answered),
    row.invited === 0 ? 'null' : String(row.answered / row.invited),
  ]);
}

it('lists the campaign with its invitations, answers and response rate as the API gives each role', async () => {
  const all = (await session.get('sales_manager', '/survey-campaigns')) as CampaignList;
  const board = all.rows.find((row) => row.campaign_id === 'board');
  expect(board).toMatchObject({ status: 'launched', answered: 2 });
  expect(board?.invited).toBeGreaterThan(2);
  for (const role of ['sales_manager', 'regional_manager', 'sales_rep']) {
    const { page, problems } = await openBoard(role);
    expect({ role, rows: await shown(page) }).toEqual({ role, rows: await expected(role) });
    expect(problems).toEqual([]);
    if (role === 'sales_manager') await page.screenshot({ path: join(ARTIFACTS, 'campaigns.png'), fullPage: true });
    await page.close();
  }
  // A regional manager's invitations are their region's customers only.
  const regional = (await session.get('regional_manager', '/survey-campaigns')) as CampaignList;
  expect(regional.rows.find((row) => row.campaign_id === 'board')?.invited).toBeLessThan(board?.invited ?? 0);
}, 240_000);

it("speaks Chinese with the glossary's terms", async () => {
  const { page, problems } = await openBoard('sales_manager', 'zh-CN');
  expect(await page.textContent('section[data-panel="survey-campaigns"] h2')).toBe('满意度调查活动');
  const headers = await page.$$eval('section[data-panel="survey-campaigns"] th', (ths) =>
    ths.map((th) => th.textContent),
  );
  expect(headers).toEqual([
    '活动编号',
    '名称',
    '调查期间',
    '状态',
    '开始日期',
    '截止日期',
    '已邀请',
    '已作答',
    '回复率 %',
  ]);
  const status = await page.$$eval('section[data-panel="survey-campaigns"] tbody tr td:nth-child(4)', (cells) =>
    cells.map((td) => td.textContent),
  );
  expect(status).toContain('已发起');
  expect(problems).toEqual([]);
  await page.close();
}, 120_000);
