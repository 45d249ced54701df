/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import type { Page } from 'playwright-core';
import type { Filters, Values } from './expected.js';

/** The board's tables, by `data-report`. */
export const TABLES = [
  'sales-region',
  'sales-rep',
  'aging',
  'collections-trend',
  'satisfaction-trend',
  'key-drivers',
  'complaints',
];

/** The page's filters as its inputs hold them. */
export async function readFilters(page: Page): Promise<Filters> {
  return {
    month: await page.inputValue('#f-month'),
    months: Number(await page.inputValue('#f-months')),
    region: await page.inputValue('#f-region'),
    rep: await page.inputValue('#f-rep'),
  };
}

/** A table's rows as their cells' raw figures (`data-value`), whatever language the page shows them in. */
export const readTable = (page: Page, selector: string): Promise<Values[]> =>
  page.$$eval(`${selector} tbody tr`, (trs) =>
    trs.map((tr) =>
      Object.fromEntries(
        [...tr.querySelectorAll<HTMLElement>('td[data-field]')].map((td) => [
          td.dataset['field'] ?? '',
          td.dataset['value'] ?? '',
        ]),
      ),
    ),
  );

/** Every table of the board. */
export async function readBoard(page: Page): Promise<Record<string, Values[]>> {
  const board: Record<string, Values[]> = {};
  for (const id of TABLES) board[id] = await readTable(page, `#panels table[data-report="${id}"]`);
  return board;
}
