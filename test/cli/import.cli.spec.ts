import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import {
  ensureCliBuilt,
  GOOD_ORDERS,
  GOOD_PAYMENTS,
  ORDERS_HEADER,
  salesbook,
  workspace,
  type Workspace,
} from './cli-harness.js';

// The import (docs/auditing.md) through the real binary on real SQLite files: every bad row is reported with its
// line and reason, nothing of an order with a bad row is written, the good orders are, and a second
// import changes nothing and says so.

const O9 = 'O-9,2024-03-15,C-9,Gamma,retail,south,rep-3,CNY,SKU-9,Nine';
const good9 = (rest = '4,9.90,0,,,'): string => `${O9},${rest}`;

let ws: Workspace;
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => ws?.dispose());

const streams = (w: Workspace): Set<string> => new Set(w.events().map((event) => event.stream_name));

async function importOrders(content: string | Buffer, extra: string[] = []) {
  ws = workspace();
  const orders = ws.file('orders.csv', content);
  return { orders, run: await salesbook(['import', orders, ...extra], ws.env) };
}

describe('salesbook import: rows of a bad order (the good orders are written, nothing of the bad one)', () => {
  it.each([
    ['a bad number', [good9('ten,9.90,0,,,')], 6, 'quantity "ten" is not a whole number'],
    [
      'a bad date',
      [`O-9,2024-02-30,C-9,Gamma,retail,south,rep-3,CNY,SKU-9,Nine,4,9.90,0,,,`],
      6,
      'order_date "2024-02-30" is not a date YYYY-MM-DD',
    ],
    [
      'a month 13 order date',
      [`O-9,2016-13-45,C-9,Gamma,retail,south,rep-3,CNY,SKU-9,Nine,4,9.90,0,,,`],
      6,
      'order_date "2016-13-45" is not a date YYYY-MM-DD',
    ],
    ['a month 13 ship date', [good9('4,9.90,0,2016-13-45,,')], 6, 'ship_date "2016-13-45" is not a date YYYY-MM-DD'],
    [
      'a month 13 delivery date',
      [good9('4,9.90,0,2024-03-16,2016-13-45,')],
      6,
      'delivered_date "2016-13-45" is not a date YYYY-MM-DD',
    ],
    [
      'a month 13 promised date',
      [good9('4,9.90,0,,,2016-13-45')],
      6,
      'promised_date "2016-13-45" is not a date YYYY-MM-DD',
    ],
    [
      'too many decimals for the currency',
      [good9('4,9.999,0,,,')],
      6,
      'unit_price "9.999" has more decimals than CNY has (2)',
    ],
    [
      'a discount finer than a basis point',
      [good9('4,9.90,12.345,,,')],
      6,
      'discount_pct "12.345" is more precise than one basis point',
    ],
    [
      'an unknown currency',
      ['O-9,2024-03-15,C-9,Gamma,retail,south,rep-3,XYZ,SKU-9,Nine,4,9.90,0,,,'],
      6,
      'currency "XYZ" is not an ISO 4217 currency code',
    ],
    [
      'rows that disagree on the order',
      [good9(), 'O-9,2024-03-16,C-9,Gamma,retail,south,rep-3,CNY,SKU-8,Eight,1,1.00,0,,,'],
      7,
      'order_date "2024-03-16" disagrees with line 6 ("2024-03-15")',
    ],
    [
      'one bad row among good ones',
      [good9(), good9('2,-1.00,0,,,'), good9('1,5,0,,,')],
      7,
      'unit_price "-1.00" must be 0 or more',
    ],
    ['a row with a field missing', [good9(), `${O9},4,9.90,0,,`], 7, '15 fields, the header has 16'],
    ['a row with a field too many', [`${O9},4,9.90,0,,,,surplus`], 6, '17 fields, the header has 16'],
  ])(
    '%s',
    async (_case, rows, line, reason) => {
      const { orders, run } = await importOrders([GOOD_ORDERS, ...rows].join('\n'));
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${orders}:${line}: `);
      expect(run.stderr).toContain(reason);
      const written = streams(ws);
      expect(written.has('order-O-9')).toBe(false);
      expect(written.has('customer-C-9')).toBe(false);
      expect([...written].filter((name) => name.startsWith('order-')).sort()).toEqual([
        'order-O-1',
        'order-O-2',
        'order-O-3',
      ]);
    },
    30_000,
  );

  it('--strict writes nothing at all when any row is bad', async () => {
    const { run } = await importOrders([GOOD_ORDERS, good9('x,1,0,,,')].join('\n'), ['--strict']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('nothing written');
    expect(ws.events()).toEqual([]);
  }, 30_000);
});

describe('salesbook import: files that are not the expected CSV (nothing written)', () => {
  const cases: [string, string | Buffer, number, string][] = [
    [
      'a missing column',
      [
        ORDERS_HEADER.replace(',promised_date', ''),
        'O-1,2024-03-01,C-1,Acme,enterprise,east,rep-1,CNY,SKU-1,Widget,1,1,0,,',
      ].join('\n'),
      1,
      'header: missing column promised_date',
    ],
    [
      'an extra column',
      [`${ORDERS_HEADER},note`, 'O-1,2024-03-01,C-1,Acme,enterprise,east,rep-1,CNY,SKU-1,Widget,1,1,0,,,,hello'].join(
        '\n',
      ),
      1,
      'header: unknown column "note"',
    ],
    ['an empty file', '', 1, 'the file is empty'],
    [
      'a binary file',
      Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0x10]),
      1,
      'not a CSV file: it holds binary data',
    ],
    ['a JSON file', '{"order_id": "O-1",\n "lines": [1, 2]}\n', 1, 'not a CSV file'],
    ['an unterminated quote', `${GOOD_ORDERS}\n"O-7,2024-03-01,C-1`, 6, 'not a CSV file: Quote Not Closed'],
  ];
  it.each(cases)(
    '%s',
    async (_case, content, line, reason) => {
      const { orders, run } = await importOrders(content);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(`${orders}:${line}: `);
      expect(run.stderr).toContain(reason);
      expect(ws.events()).toEqual([]);
    },
    30_000,
  );
});

describe('salesbook import: a good file', () => {
  it('registers customers once, places, confirms, ships and delivers on the rows dates, opens receivables, records payments; twice changes nothing', async () => {
    ws = workspace();
    const orders = ws.file('orders.csv', GOOD_ORDERS);
    const payments = ws.file('payments.csv', GOOD_PAYMENTS);
    const first = await salesbook(['import', orders, '--payments', payments], ws.env);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(
      '3 orders written (0 already imported), 2 customers registered (0 already known), 2 receivables opened (0 already open), 2 payments recorded',
    );
    const events = ws.events();
    expect(events.filter((event) => event.stream_name === 'order-O-1').map((event) => event.type)).toEqual([
      'OrderPlaced',
      'OrderConfirmed',
      'OrderShipmentRecorded',
      'OrderDelivered',
    ]);
    expect(events.filter((event) => event.stream_name === 'order-O-2').map((event) => event.type)).toEqual([
      'OrderPlaced',
      'OrderConfirmed',
    ]);
    expect(events.filter((event) => event.type === 'CustomerRegistered').map((event) => event.stream_name)).toEqual([
      'customer-C-1',
      'customer-C-2',
    ]);
    const placed = JSON.parse(events.find((event) => event.stream_name === 'order-O-1')?.data ?? '{}');
    // The same sku twice is two lines; 12.5% is 1250 bp exactly; 12.50 CNY is 1250 fen; region is the row's.
    expect(
      placed.lines.map((line: { sku: string; discountBp: number; unitPrice: number }) => [
        line.sku,
        line.discountBp,
        line.unitPrice,
      ]),
    ).toEqual([
      ['SKU-1', 1250, 1250],
      ['SKU-1', 0, 1250],
    ]);
    expect(JSON.parse(events.find((event) => event.stream_name === 'order-O-3')?.data ?? '{}').region).toBe('north');
    expect(events.filter((event) => event.stream_name === 'receivable-O-1').map((event) => event.type)).toEqual([
      'ReceivableOpened',
      'PaymentReceived',
    ]);

    const second = await salesbook(['import', orders, '--payments', payments], ws.env);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('nothing changed');
    expect(second.stdout).toContain('3 already imported');
    expect(ws.events()).toEqual(events);
  }, 60_000);

  it('--dry-run decides everything and writes nothing: no event, no data key, no key store', async () => {
    ws = workspace();
    const run = await salesbook(['import', ws.file('orders.csv', GOOD_ORDERS), '--dry-run'], ws.env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('import --dry-run: nothing written; would append');
    expect(ws.events()).toEqual([]);
    expect(existsSync(ws.env['SALESBOOK_KEYSTORE'] ?? '')).toBe(false);
  }, 30_000);

  it('seals the registered contact: the event log holds no contact in clear, history --unmask opens it', async () => {
    ws = workspace();
    expect((await salesbook(['import', ws.file('orders.csv', GOOD_ORDERS)], ws.env)).code).toBe(0);
    const registered = JSON.parse(ws.events().find((event) => event.type === 'CustomerRegistered')?.data ?? '{}');
    expect(registered.contact.email).toMatch(/^sbpd1\./);
    const opened = await salesbook(['history', 'customer-C-1', '--unmask', '--reader', 'mgr-1', '--json'], ws.env);
    expect(JSON.parse(opened.stdout).events[0].data.contact.email).toBe('unknown@legacy-import.invalid');
  }, 30_000);

  it('refuses a payment of an order that was not imported, naming its line', async () => {
    ws = workspace();
    const orders = ws.file('orders.csv', [GOOD_ORDERS, good9('x,1,0,,,')].join('\n'));
    const payments = ws.file(
      'payments.csv',
      `${GOOD_PAYMENTS}\nP-9,O-9,2024-03-20,1.00,CNY\nP-10,O-2,2024-03-20,1.00,USD`,
    );
    const run = await salesbook(['import', orders, '--payments', payments], ws.env);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`${payments}:4: payment P-9: order O-9 is not imported (it has bad rows)`);
    expect(run.stderr).toContain(`${payments}:5: payment P-10: order O-2 has no receivable`);
    expect(streams(ws).has('receivable-O-9')).toBe(false);
  }, 30_000);
});
