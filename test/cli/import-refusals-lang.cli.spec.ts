import { afterEach, beforeAll, expect, it } from '@jest/globals';
import { ensureCliBuilt, ORDERS_HEADER, salesbook, workspace, type Workspace } from './cli-harness.js';

// A row the deciders refuse (its rep is not on the sales team register) is reported in the operator's language:
// `--lang`, else SALESBOOK_LANG, else the POSIX locale. The Chinese text is the domain's catalogue, the one the API
// answers `Accept-Language: zh-CN` from; the code stays first and stable.

const ORDERS = [
  ORDERS_HEADER,
  'O-1,2024-03-01,C-1,Acme,enterprise,east,rep-1,CNY,SKU-1,Widget,10,12.50,0,,,',
  'O-2,2024-03-02,C-2,Beta,smb,east,rep-9,CNY,SKU-2,Gadget,1,100,0,,,',
].join('\n');

const ENGLISH =
  'orders.csv:3: order O-2: customer C-2: REP_NOT_REGISTERED: rep-9 is not an active sales rep of region east on the sales team register at this date';
const CHINESE =
  'orders.csv:3: 订单 O-2：客户 C-2：REP_NOT_REGISTERED：在该业务日期，rep-9 不是区域 east 在职的销售专员';

let ws: Workspace;
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => ws?.dispose());

async function problems(args: string[], env: Record<string, string>): Promise<string> {
  ws = workspace();
  const result = await salesbook(['import', ws.file('orders.csv', ORDERS), ...args], { ...ws.env, ...env });
  expect(result.code).toBe(1);
  return result.stderr
    .split('\n')
    .filter((line) => line.includes('O-2'))
    .map((line) => line.replace(/^.*orders\.csv/, 'orders.csv'))
    .join('\n');
}

it.each<[string, string[], Record<string, string>, string]>([
  ['no language set', [], {}, ENGLISH],
  ['LANG=zh_CN.UTF-8', [], { LANG: 'zh_CN.UTF-8' }, CHINESE],
  ['SALESBOOK_LANG=zh-CN over LANG=en_US', [], { LANG: 'en_US.UTF-8', SALESBOOK_LANG: 'zh-CN' }, CHINESE],
  ['--lang zh-CN', ['--lang', 'zh-CN'], {}, CHINESE],
  ['--lang en over SALESBOOK_LANG=zh-CN', ['--lang', 'en'], { SALESBOOK_LANG: 'zh-CN' }, ENGLISH],
])(
  'prints a decider refusal of an imported row in the operator language (%s)',
  async (_name, args, env, expected) => {
    expect(await problems(args, env)).toBe(expected);
  },
  30_000,
);

it('refuses a --lang it does not speak, naming the option', async () => {
  ws = workspace();
  const result = await salesbook(['import', ws.file('orders.csv', ORDERS), '--lang', 'fr'], ws.env);
  expect(result.code).toBe(2);
  expect(result.stderr).toContain('--lang: "fr" is not zh-CN or en');
}, 30_000);
