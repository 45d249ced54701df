import { applicableList } from '@salesbook/domain';
import { customerDirectoryProjection } from '../customers/customer-directory.projection.js';
import { projectionKit } from '../testing/projection-kit.js';
import { registered, type TestCustomer } from '../testing/customer-events.js';
import { priceListFactsOn, queryPriceLists } from './price-lists.queries.js';
import { priceListsProjection } from './price-lists.projection.js';

const AT = '2026-03-01T02:00:00Z';
const created = (id: string, audience: Record<string, string>, validFrom = '2026-03-01', currency = 'CNY') => ({
  type: 'PriceListCreated',
  at: AT,
  data: { priceListId: id, name: id, currency, audience, validFrom, validTo: null, createdBy: 'an-1', createdAt: AT },
});
const prices = (id: string, entries: [string, number, { minQuantity: number; unitPrice: number }[]?][]) => ({
  type: 'ListPricesSet',
  at: AT,
  data: {
    priceListId: id,
    prices: entries.map(([sku, unitPrice, breaks = []]) => ({ sku, unitPrice, breaks })),
    setBy: 'an-1',
    setAt: AT,
  },
});

describe('price lists read model', () => {
  it('keeps lists and prices, scopes them by role, and gives the applicability rule the lists valid on a date', () => {
    const kit = projectionKit([priceListsProjection, customerDirectoryProjection]);
    const own: TestCustomer = { customerId: 'c-1', region: 'east', ownerRepId: 'rep-1', segment: 'smb' };
    const other: TestCustomer = { customerId: 'c-2', region: 'west', ownerRepId: 'rep-3', segment: 'smb' };
    kit.given('customer-c-1', [registered(own, AT)]);
    kit.given('customer-c-2', [registered(other, AT)]);
    kit.given('pricelist-pl-default', [
      created('pl-default', { level: 'default' }),
      prices('pl-default', [
        ['A', 100],
        ['B', 200, [{ minQuantity: 10, unitPrice: 180 }]],
      ]),
    ]);
    kit.given('pricelist-pl-east', [
      created('pl-east', { level: 'region', region: 'east' }),
      prices('pl-east', [
        ['A', 90],
        ['B', 190],
      ]),
      {
        type: 'ListPriceRemoved',
        at: AT,
        data: { priceListId: 'pl-east', sku: 'B', removedBy: 'an-1', removedAt: AT },
      },
      {
        type: 'PriceListEnded',
        at: AT,
        data: { priceListId: 'pl-east', validTo: '2026-03-31', previousValidTo: null, endedBy: 'an-1', endedAt: AT },
      },
    ]);
    kit.given('pricelist-pl-west', [created('pl-west', { level: 'region', region: 'west' })]);
    kit.given('pricelist-pl-c1', [
      created('pl-c1', { level: 'customer', customerId: 'c-1' }),
      prices('pl-c1', [['A', 80]]),
    ]);
    kit.given('pricelist-pl-c2', [created('pl-c2', { level: 'customer', customerId: 'c-2' })]);
    kit.given('pricelist-pl-usd', [created('pl-usd', { level: 'segment', segment: 'smb' }, '2026-03-01', 'USD')]);
    const db = kit.readModels();
    const lag = () => 0;
    const ids = (filter: Parameters<typeof queryPriceLists>[2]) =>
      queryPriceLists(db, lag, filter).rows.map((row) => `${row.price_list_id}:${row.skus}`);

    expect(ids({})).toEqual(['pl-c1:1', 'pl-c2:0', 'pl-default:2', 'pl-east:1', 'pl-usd:0', 'pl-west:0']);
    expect(ids({ scope: { repId: 'rep-1' }, repRegion: 'east' })).toEqual([
      'pl-c1:1',
      'pl-default:2',
      'pl-east:1',
      'pl-usd:0',
    ]);
    expect(ids({ scope: { region: 'west' } })).toEqual(['pl-c2:0', 'pl-default:2', 'pl-usd:0', 'pl-west:0']);
    expect(ids({ currency: 'CNY', on: '2026-04-01' })).toEqual(['pl-c1:1', 'pl-c2:0', 'pl-default:2', 'pl-west:0']);

    const march = priceListFactsOn(db, 'CNY', '2026-03-15');
    expect(march.map((list) => list.priceListId)).toEqual(['pl-c1', 'pl-c2', 'pl-default', 'pl-east', 'pl-west']);
    expect(march.find((list) => list.priceListId === 'pl-default')?.prices['B']).toEqual({
      sku: 'B',
      unitPrice: 200,
      breaks: [{ minQuantity: 10, unitPrice: 180 }],
    });
    const subject = { customerId: 'c-9', region: 'east', segment: 'smb', currency: 'CNY', on: '2026-03-15' };
    expect(['A', 'B'].map((sku) => applicableList(march, subject, sku)?.priceListId)).toEqual([
      'pl-east',
      'pl-default',
    ]);
    expect(applicableList(priceListFactsOn(db, 'CNY', '2026-04-01'), subject, 'A')?.priceListId).toBe('pl-default');
  });
});
