import type { z } from 'zod';
import { productCommandSchemas as schemas } from '@salesbook/domain';
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
    tag: 'products',
    aggregate: 'product',
    ...(path.includes(':id') ? { idField: 'sku' } : {}),
  });

/** The Product command routes (stream `product-<sku>`; `:id` is the sku). The sales manager and market analysts. */
export const productRoutes = {
  register: route('/products', 'RegisterProduct', schemas.RegisterProduct, 'Register a product in the catalogue'),
  revise: route(
    '/products/:id/revisions',
    'ReviseProduct',
    schemas.ReviseProduct,
    "Change a product's name, category or unit",
  ),
  setCost: route(
    '/products/:id/standard-costs',
    'SetStandardCost',
    schemas.SetStandardCost,
    'Set the standard cost of one unit in a currency from a date',
  ),
  deactivate: route(
    '/products/:id/deactivation',
    'DeactivateProduct',
    schemas.DeactivateProduct,
    'Take a product off sale',
  ),
  reactivate: route(
    '/products/:id/reactivation',
    'ReactivateProduct',
    schemas.ReactivateProduct,
    'Put a product back on sale',
  ),
} as const;
