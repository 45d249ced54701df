import { afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { ensureCliBuilt, salesbook, workspace, type Workspace } from './cli-harness.js';

// `salesbook import-catalogue` through the real binary on a real SQLite file: products and their dated standard costs
// go through the Product decider; a bad row writes nothing of its product; a second run appends nothing.
let ws: Workspace;
beforeAll(() => ensureCliBuilt(), 180_000);
afterEach(() => ws?.dispose());

const HEADER = 'sku,product_name,category,unit,currency,standard_cost,cost_effective_from';
const GOOD = [
  'M-100,三相电机 3kW,电机,台,CNY,1200.00,2026-01-01',
  'M-100,三相电机 3kW,电机,台,CNY,1250.50,2026-06-01',
  'M-100,三相电机 3kW,电机,台,USD,170.00,2026-01-01',
  'G-7,Gearbox,parts,pcs,,,',
];

const run = async (content: string, extra: string[] = []) => {
  const file = ws.file('catalogue.csv', content);
  return { file, result: await salesbook(['import-catalogue', file, ...extra], ws.env) };
};
const written = (w: Workspace) =>
  w
    .events()
    .map((event) => [event.stream_name, event.type, JSON.parse(event.data) as Record<string, unknown>] as const);

describe('salesbook import-catalogue', () => {
  it('registers each product once and sets every cost its rows name, in minor units; a second run appends nothing', async () => {
    ws = workspace();
    const first = await run([HEADER, ...GOOD].join('\n'));
    expect(first.result).toMatchObject({ code: 0 });
    expect(first.result.stdout).toContain('2 products checked, 5 events appended');
    expect(
      written(ws).map(([stream, type, data]) => [
        stream,
        type,
        data['currency'] ?? null,
        data['amount'] ?? null,
        data['effectiveFrom'] ?? null,
      ]),
    ).toEqual([
      ['product-M-100', 'ProductRegistered', null, null, null],
      ['product-M-100', 'StandardCostSet', 'CNY', 120_000, '2026-01-01'],
      ['product-M-100', 'StandardCostSet', 'CNY', 125_050, '2026-06-01'],
      ['product-M-100', 'StandardCostSet', 'USD', 17_000, '2026-01-01'],
      ['product-G-7', 'ProductRegistered', null, null, null],
    ]);
    const again = await run([HEADER, ...GOOD].join('\n'));
    expect(again.result.stdout).toContain('0 events appended');
    expect(ws.events()).toHaveLength(5);
  }, 60_000);

  it('reads Chinese headers', async () => {
    ws = workspace();
    const { result } = await run(
      ['产品编号,产品名称,产品类别,单位,币种,标准成本,成本生效日期', 'V-1,球阀,阀门,个,CNY,86.00,2026-01-01'].join(
        '\n',
      ),
    );
    expect(result.code).toBe(0);
    expect(written(ws).map(([, type, data]) => [type, data['category'] ?? data['amount']])).toEqual([
      ['ProductRegistered', '阀门'],
      ['StandardCostSet', 8_600],
    ]);
  }, 60_000);

  it('reports each bad row with its line and reason and writes nothing of that product', async () => {
    ws = workspace();
    const { file, result } = await run(
      [
        HEADER,
        GOOD[3],
        'B-1,Bearing,parts,pcs,CNY,12.345,2026-01-01',
        'B-2,,parts,pcs,CNY,,',
        'G-7,Gear box,parts,pcs,,,',
      ].join('\n'),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `${file}:3: product B-1: standard_cost "12.345" has more decimals than CNY has (2)`,
    );
    expect(result.stderr).toContain(`${file}:4: product B-2: product_name is empty`);
    expect(result.stderr).toContain(`${file}:5: product G-7: sku G-7 is described otherwise on line 2`);
    expect(written(ws).map(([stream, type]) => [stream, type])).toEqual([['product-G-7', 'ProductRegistered']]);
  }, 60_000);

  it('checks everything and writes nothing on --dry-run', async () => {
    ws = workspace();
    const { result } = await run([HEADER, ...GOOD].join('\n'), ['--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('5 events would be appended');
    expect(ws.events()).toEqual([]);
  }, 60_000);
});
