import { z } from 'zod';
import { Sku } from '../shared/ids.js';
import type { Command } from '../shared/message.js';
import { Currency, NonNegativeMinorUnits } from '../shared/money.js';
import { BusinessDate } from '../shared/time.js';

const text = (field: string, max: number) =>
  z
    .string({ message: `${field} must be a text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

/** A product's name as sold (a product description, not personal data). */
export const ProductName = text('name', 200);
/** The product category margins and promotions group by (e.g. `电机`, `spare-parts`). */
export const ProductCategory = text('category', 100);
/** The unit a quantity counts (`pcs`, `台`, `kg`). */
export const ProductUnit = text('unit', 20);

/** Register a product in the catalogue under its sku. */
export const RegisterProduct = z
  .object({ sku: Sku, name: ProductName, category: ProductCategory, unit: ProductUnit })
  .strict();
export type RegisterProduct = z.infer<typeof RegisterProduct>;

/** Change a product's name, category and/or unit. */
export const ReviseProduct = z
  .object({
    sku: Sku,
    name: ProductName.optional(),
    category: ProductCategory.optional(),
    unit: ProductUnit.optional(),
  })
  .strict()
  .refine((data) => data.name !== undefined || data.category !== undefined || data.unit !== undefined, {
    message: 'a revision changes name, category or unit',
    path: ['name'],
  });
export type ReviseProduct = z.infer<typeof ReviseProduct>;

/** Set the standard cost of one unit in a currency, in force from `effectiveFrom` (a later date's cost takes over then). */
export const SetStandardCost = z
  .object({ sku: Sku, currency: Currency, amount: NonNegativeMinorUnits, effectiveFrom: BusinessDate })
  .strict();
export type SetStandardCost = z.infer<typeof SetStandardCost>;

/** Take a product off sale (orders and price lists keep their history); a reactivation puts it back. */
export const DeactivateProduct = z.object({ sku: Sku }).strict();
export type DeactivateProduct = z.infer<typeof DeactivateProduct>;

/** Put a deactivated product back on sale. */
export const ReactivateProduct = z.object({ sku: Sku }).strict();
export type ReactivateProduct = z.infer<typeof ReactivateProduct>;

/** RegisterProduct as a command. */
export type RegisterProductCommand = Command<'RegisterProduct', RegisterProduct>;
/** ReviseProduct as a command. */
export type ReviseProductCommand = Command<'ReviseProduct', ReviseProduct>;
/** SetStandardCost as a command. */
export type SetStandardCostCommand = Command<'SetStandardCost', SetStandardCost>;
/** DeactivateProduct as a command. */
export type DeactivateProductCommand = Command<'DeactivateProduct', DeactivateProduct>;
/** ReactivateProduct as a command. */
export type ReactivateProductCommand = Command<'ReactivateProduct', ReactivateProduct>;

/** Every Product command (stream `product-<sku>`). */
export type ProductCommand =
  | RegisterProductCommand
  | ReviseProductCommand
  | SetStandardCostCommand
  | DeactivateProductCommand
  | ReactivateProductCommand;

/** Schemas of the Product commands' data, by command type (HTTP validation and OpenAPI). */
export const productCommandSchemas = {
  RegisterProduct,
  ReviseProduct,
  SetStandardCost,
  DeactivateProduct,
  ReactivateProduct,
} as const;
