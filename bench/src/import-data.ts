import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { createRandom } from '@salesbook/generator';

const REGIONS = ['east', 'west', 'north', 'south'];
const SEGMENTS = ['key_account', 'enterprise', 'smb', 'retail'];
const DISCOUNTS = ['0', '0', '0', '5', '10', '12.5'];
const HEADER =
  'order_id,order_date,customer_id,customer_name,segment,region,rep_id,currency,sku,product_name,quantity,unit_price,discount_pct,ship_date,delivered_date,promised_date';

const day = (offset: number): string => new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** What was generated. */
export interface GeneratedImport {
  readonly lines: number;
  readonly orders: number;
  readonly customers: number;
}

/**
 * Writes a realistic orders.csv of `lines` data rows: orders of 1 to 7 lines, 2,000 customers that order
 * again and again (a customer keeps its region, segment and rep), a year of order dates, most orders shipped
 * and delivered a few days later against a promised date, some still open; prices with cents, some discounts,
 * a sku now and then twice on one order, company names that need RFC 4180 quoting.
 */
export async function writeOrdersCsv(path: string, lines: number, seed = 42): Promise<GeneratedImport> {
  // Seeded, so every run imports the same file.
  const next = createRandom(seed).next;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const out = createWriteStream(path);
  const write = async (text: string): Promise<void> => {
    if (!out.write(text)) await new Promise<void>((resolve) => out.once('drain', resolve));
  };
  await write(`${HEADER}\n`);
  let written = 0;
  let orders = 0;
  const customers = new Set<number>();
  while (written < lines) {
    orders += 1;
    const customer = Math.floor(next() ** 1.5 * 2_000);
    customers.add(customer);
    const region = REGIONS[customer % REGIONS.length];
    const head = [
      `SO-${String(orders).padStart(7, '0')}`,
      day(Math.floor(next() * 330)),
      `C-${customer}`,
      `"Customer ${customer}, Ltd"`,
      SEGMENTS[customer % SEGMENTS.length],
      region,
      `rep-${customer % 20}`,
      customer % 10 === 0 ? 'USD' : 'CNY',
    ];
    const ordered = Date.parse(`${head[1]}T00:00:00Z`) / 86_400_000 - Date.UTC(2024, 0, 1) / 86_400_000;
    const stage = next();
    const ship = stage < 0.9 ? day(ordered + 1 + Math.floor(next() * 5)) : '';
    const delivered = stage < 0.8 ? day(ordered + 6 + Math.floor(next() * 6)) : '';
    const promised = day(ordered + 7 + Math.floor(next() * 5));
    const count = Math.min(lines - written, 1 + Math.floor(next() * 7));
    for (let line = 0; line < count; line += 1) {
      const sku = 100 + Math.floor(next() * 400);
      const cents = String(Math.floor(next() * 100)).padStart(2, '0');
      const price = `${1 + Math.floor(next() * 2_000)}.${cents}`;
      await write(
        `${[...head, `SKU-${sku}`, `Product ${sku}`, String(1 + Math.floor(next() * 50)), price, pick(DISCOUNTS), ship, delivered, promised].join(',')}\n`,
      );
      written += 1;
    }
  }
  out.end();
  await finished(out);
  return { lines: written, orders, customers: customers.size };
}
