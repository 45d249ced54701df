import type { z } from 'zod';
import { priceListCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) =>
  commandRoute({
    path,
    type,
    schema,
    summary,
    tag: 'price lists',
    aggregate: 'pricelist',
    ...(path.includes(':id') ? { idField: 'priceListId' } : {}),
  });

/** The PriceList command routes (stream `pricelist-<id>`): the sales manager and analysts, a regional manager for their region's lists. */
export const priceListRoutes = {
  create: route(
    '/price-lists',
    'CreatePriceList',
    schemas.CreatePriceList,
    'Create a price list in a currency for everyone, a segment, a region or one customer',
  ),
  setPrices: route(
    '/price-lists/:id/prices',
    'SetListPrices',
    schemas.SetListPrices,
    'Set the prices (and quantity breaks) of some skus on a list',
  ),
  removePrice: route(
    '/price-lists/:id/price-removal',
    'RemoveListPrice',
    schemas.RemoveListPrice,
    'Take a sku off a list',
  ),
  end: route('/price-lists/:id/end', 'EndPriceList', schemas.EndPriceList, "End a list's validity early"),
} as const;
