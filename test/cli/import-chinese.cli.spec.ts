import { afterEach, beforeAll, expect, it } from '@jest/globals';
import { ensureCliBuilt, salesbook, workspace, type Workspace } from './cli-harness.js';
import { encodeGb18030 } from './gb18030.js';

// A Chinese ERP's export: Chinese column headers, Chinese names, in GB18030 or UTF-8 with a BOM; row errors in the
// operator's language (SALESBOOK_LANG, else the POSIX locale), through the real binary on real SQLite files.

const HEADER =
  '订单号,订单日期,客户编号,客户名称,客户类型,区域,销售专员编号,币种,产品编号,产品名称,数量,单价,折扣率,发货日期,交付日期,承诺交付日期';
const ORDERS = [
  HEADER,
  'O-1,2024-03-01,C-1,华东贸易有限公司,enterprise,east,rep-1,CNY,SKU-1,工业水泵,10,12.50,12.5,2024-03-03,2024-03-05,2024-03-06',
  'O-2,2024-03-02,C-2,北京晨光科技,smb,north,rep-4,CNY,SKU-2,控制阀,1,100,0,,,',
].join('\r\n');
const PAYMENTS = ['回款编号,订单号,回款日期,回款金额,币种', 'P-1,O-1,2024-03-20,100.00,CNY'].join('\r\n');

let ws: Workspace;
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => ws?.dispose());

async function run(orders: Buffer, args: string[] = [], env: Record<string, string> = {}, payments?: Buffer) {
  ws = workspace();
  const files = [
    ws.file('orders.csv', orders),
    ...(payments === undefined ? [] : ['--payments', ws.file('payments.csv', payments)]),
  ];
  return salesbook(['import', ...files, ...args], { ...ws.env, ...env });
}

const orderData = (w: Workspace): string =>
  w
    .events()
    .filter((event) => event.type === 'OrderPlaced')
    .map((event) => event.data)
    .join('\n');

it('imports a GB18030 file with Chinese headers, found from its bytes, Chinese text intact', async () => {
  const result = await run(encodeGb18030(ORDERS), [], {}, encodeGb18030(PAYMENTS));
  expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
  const streams = new Set(ws.events().map((event) => event.stream_name));
  expect([...streams].filter((name) => name.startsWith('order-')).sort()).toEqual(['order-O-1', 'order-O-2']);
  expect(ws.events().some((event) => event.type === 'PaymentReceived')).toBe(true);
  expect(orderData(ws)).toContain('工业水泵');
  expect(orderData(ws)).toContain('控制阀');
}, 30_000);

it('imports the same file named by --encoding gb18030, and UTF-8 with a BOM; refuses GB18030 read as UTF-8', async () => {
  const named = await run(encodeGb18030(ORDERS), ['--encoding', 'gb18030']);
  expect(named.code).toBe(0);
  expect(orderData(ws)).toContain('工业水泵');
  ws.dispose();
  const bom = await run(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ORDERS, 'utf8')]));
  expect(bom.code).toBe(0);
  expect(orderData(ws)).toContain('工业水泵');
  ws.dispose();
  const wrong = await run(encodeGb18030(ORDERS), ['--encoding', 'utf-8']);
  expect(wrong.code).toBe(1);
  expect(wrong.stderr).toContain('not a CSV file: it is not UTF-8 text');
  expect(ws.events()).toEqual([]);
  ws.dispose();
  const unknown = await run(encodeGb18030(ORDERS), ['--encoding', 'latin1']);
  expect(unknown.code).toBe(2);
}, 60_000);

it('reports bad rows in Chinese to a Chinese-speaking operator, naming the Chinese columns', async () => {
  const bad = `${ORDERS}\r\nO-9,2024-02-30,C-9,广州,retail,south,rep-3,CNY,SKU-9,配件,十,9.90,0,,,`;
  const chosen = await run(encodeGb18030(bad), [], { SALESBOOK_LANG: 'zh-CN' });
  expect(chosen.code).toBe(1);
  expect(chosen.stderr).toContain(':4: 订单 O-9：订单日期“2024-02-30”不是 YYYY-MM-DD 格式的日期；数量“十”不是整数');
  const fromLocale = await run(encodeGb18030(bad), [], { LANG: 'zh_CN.UTF-8' });
  expect(fromLocale.stderr).toContain('数量“十”不是整数');
  const english = await run(encodeGb18030(bad), [], { LANG: 'en_US.UTF-8' });
  expect(english.stderr).toContain(
    'order O-9: order_date "2024-02-30" is not a date YYYY-MM-DD; quantity "十" is not a whole number',
  );
  const header = await run(encodeGb18030(ORDERS.replace(',承诺交付日期', '')), [], { SALESBOOK_LANG: 'zh' });
  expect(header.stderr).toContain(':1: 表头：缺少列 承诺交付日期（应为：订单号,订单日期,');
  const refused = await run(encodeGb18030(ORDERS), [], { SALESBOOK_LANG: 'fr' });
  expect([refused.code, refused.stderr.trim()]).toEqual([2, 'salesbook: SALESBOOK_LANG: "fr" is not zh-CN or en']);
}, 60_000);
