import { Sku } from '../shared/ids.js';
import { deciderSpec } from '../testing/decider-spec.js';
import * as t from './testing.js';

const given = deciderSpec(t.registeredPriceListDecider);
const end = (validTo: string, by = t.analyst) => ({
  type: 'EndPriceList' as const,
  data: { priceListId: t.LIST, validTo },
  metadata: { actor: by, occurredAt: t.at(5) },
});

describe('CreatePriceList', () => {
  it('creates a list once; the same list again is a no-op, other terms under its id are refused', () => {
    given([]).when(t.createList()).then([t.listCreated()]);
    given([t.listCreated()]).when(t.createList()).then([]);
    given([t.listCreated()])
      .when(t.createList({ currency: t.USD }))
      .then('PRICELIST_ALREADY_CREATED');
  });
  it('lets a regional manager price their own region only; every other list is outside their scope', () => {
    const east = t.regionAudience(t.EAST);
    given([])
      .when(t.createList({ audience: east }, t.eastManager))
      .then([t.listCreated({ audience: east, createdBy: t.eastManager.id })]);
    given([])
      .when(t.createList({ audience: t.regionAudience(t.WEST) }, t.eastManager))
      .then('FORBIDDEN_SCOPE');
    given([]).when(t.createList({}, t.eastManager)).then('FORBIDDEN_SCOPE');
    given([])
      .when(t.createList({ audience: { level: 'segment', segment: 'smb' } }, t.eastManager))
      .then('FORBIDDEN_SCOPE');
  });
  it('is not for reps or finance', () => {
    given([])
      .when(t.createList({ audience: t.regionAudience(t.EAST) }, t.rep))
      .then('FORBIDDEN_SCOPE');
    given([]).when(t.createList({}, t.finance)).then('PRICELIST_NOT_AUTHORIZED');
  });
});

describe('SetListPrices', () => {
  it('records only the prices that change', () => {
    given([t.listCreated()])
      .when(t.setPrices([t.price(150_000, [{ minQuantity: 10, unitPrice: 140_000 }])]))
      .then([t.pricesSet([t.price(150_000, [{ minQuantity: 10, unitPrice: 140_000 }])])]);
    given([t.listCreated(), t.pricesSet([t.price(150_000)])])
      .when(t.setPrices([t.price(150_000)]))
      .then([]);
    const other = t.price(9_000, [], Sku.parse('V-1'));
    given([t.listCreated(), t.pricesSet([t.price(150_000)])])
      .when(t.setPrices([t.price(150_000), other]))
      .then([t.pricesSet([other])]);
  });
  it("needs the list, and keeps a regional manager to their region's lists", () => {
    given([])
      .when(t.setPrices([t.price(1)]))
      .then('PRICELIST_NOT_FOUND');
    given([])
      .when(t.setPrices([t.price(1)], t.eastManager))
      .then('FORBIDDEN_SCOPE');
    given([t.listCreated({ audience: t.regionAudience(t.WEST) })])
      .when(t.setPrices([t.price(1)], t.eastManager))
      .then('FORBIDDEN_SCOPE');
    given([t.listCreated({ audience: t.regionAudience(t.EAST) })])
      .when(t.setPrices([t.price(1)], t.eastManager))
      .then([t.pricesSet([t.price(1)], t.eastManager)]);
  });
});

describe('RemoveListPrice and EndPriceList', () => {
  it('removes a priced sku; an unpriced one is a no-op', () => {
    const remove = {
      type: 'RemoveListPrice' as const,
      data: { priceListId: t.LIST, sku: t.SKU },
      metadata: { actor: t.analyst, occurredAt: t.at(4) },
    };
    given([t.listCreated(), t.pricesSet([t.price(1)])])
      .when(remove)
      .then([
        {
          type: 'ListPriceRemoved',
          data: { priceListId: t.LIST, sku: t.SKU, removedBy: t.analyst.id, removedAt: t.at(4) },
        },
      ]);
    given([t.listCreated()]).when(remove).then([]);
  });
  it('ends a list early, never before it starts and never later than it already ends', () => {
    const ended = (validTo: string, previousValidTo: string | null) => ({
      type: 'PriceListEnded' as const,
      data: { priceListId: t.LIST, validTo, previousValidTo, endedBy: t.analyst.id, endedAt: t.at(5) },
    });
    given([t.listCreated()])
      .when(end('2026-06-30'))
      .then([ended('2026-06-30', null)]);
    given([t.listCreated(), ended('2026-06-30', null)])
      .when(end('2026-05-31'))
      .then([ended('2026-05-31', '2026-06-30')]);
    given([t.listCreated(), ended('2026-06-30', null)])
      .when(end('2026-06-30'))
      .then([]);
    given([t.listCreated(), ended('2026-06-30', null)])
      .when(end('2026-07-31'))
      .then('PRICELIST_ENDED');
    given([t.listCreated()]).when(end('2026-02-28')).then('PRICELIST_END_OUT_OF_RANGE');
  });
});
