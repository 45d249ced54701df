import { Inject, Injectable } from '@nestjs/common';
import type Database from 'better-sqlite3';
import type { OrderLineInput, PricingFacts } from '@salesbook/domain';
import { pricingFactsFor } from '@salesbook/projections';
import { READ_MODELS } from '../infrastructure/tokens.js';

/**
 * The pricing facts of an order's lines, read from the price list, promotion and catalogue read models (lists and
 * promotions are many streams, found by currency and date; only a read model answers that in one query). They are as
 * fresh as the read models: a list or promotion changed a moment ago may not price the next order yet.
 */
@Injectable()
export class PricingLookup {
  constructor(@Inject(READ_MODELS) private readonly db: Database.Database) {}

  /** The facts for lines in `currency` on the business date `on`, for a customer of `segment`. */
  facts(currency: string, on: string, segment: string, lines: readonly OrderLineInput[]): PricingFacts {
    return pricingFactsFor(this.db, { currency, on, segment, skus: lines.map((line) => line.sku) });
  }
}
