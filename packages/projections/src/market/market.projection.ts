import type { RecordedEvent } from '@salesbook/eventstore';
import { decodeEvent } from '../model/decode.js';
import type { Projection } from '../model/projection.js';
import { defineTable, upsert, type RowReader, type RowWrite } from '../model/table.js';

/** The market size estimate in force of a region x segment x period x currency, and how many were recorded. */
export type MarketEstimateRow = {
  readonly region: string;
  readonly segment: string;
  /** `YYYY-MM`, `YYYY-Qn` or `YYYY`. */
  readonly period: string;
  readonly currency: string;
  readonly amount: number;
  readonly low: number | null;
  readonly high: number | null;
  readonly source: string;
  readonly estimated_by: string;
  readonly estimated_at: string;
  /** Estimates recorded for this cell and period, the one in force included (a later one supersedes). */
  readonly estimates: number;
};

/** The `market_estimates` read model: one row per region x segment x period x currency, the latest estimate. */
export const marketEstimatesTable = defineTable<MarketEstimateRow, 'region' | 'segment' | 'period' | 'currency'>({
  name: 'market_estimates',
  columns: {
    region: 'TEXT',
    segment: 'TEXT',
    period: 'TEXT',
    currency: 'TEXT',
    amount: 'INTEGER',
    low: 'INTEGER NULL',
    high: 'INTEGER NULL',
    source: 'TEXT',
    estimated_by: 'TEXT',
    estimated_at: 'TEXT',
    estimates: 'INTEGER',
  },
  primaryKey: ['region', 'segment', 'period', 'currency'],
});

/** One competitor price observation: a sku's or a category's (the other `null`). */
export type CompetitorPriceRow = {
  readonly observation_id: string;
  readonly competitor: string;
  readonly sku: string | null;
  readonly category: string | null;
  readonly currency: string;
  readonly price: number;
  readonly unit: string;
  readonly observed_on: string;
  readonly source: string;
  readonly recorded_by: string;
};

/** The `competitor_prices` read model: one row per observation. */
export const competitorPricesTable = defineTable<CompetitorPriceRow, 'observation_id'>({
  name: 'competitor_prices',
  columns: {
    observation_id: 'TEXT',
    competitor: 'TEXT',
    sku: 'TEXT NULL',
    category: 'TEXT NULL',
    currency: 'TEXT',
    price: 'INTEGER',
    unit: 'TEXT',
    observed_on: 'TEXT',
    source: 'TEXT',
    recorded_by: 'TEXT',
  },
  primaryKey: ['observation_id'],
  indexes: [['observed_on']],
});

const HANDLED = new Set(['MarketSizeEstimated', 'CompetitorPriceObserved']);

function project(event: RecordedEvent, rows: RowReader): readonly RowWrite[] {
  if (!HANDLED.has(event.type)) return [];
  const decoded = decodeEvent(event);
  switch (decoded.type) {
    case 'MarketSizeEstimated': {
      const { region, segment, period, currency, amount, low, high, source, estimatedBy, estimatedAt } = decoded.data;
      const before = rows.get(marketEstimatesTable, { region, segment, period, currency });
      return [
        upsert(marketEstimatesTable, {
          ...{ region, segment, period, currency, amount, low, high, source },
          estimated_by: estimatedBy,
          estimated_at: estimatedAt,
          estimates: (before?.estimates ?? 0) + 1,
        }),
      ];
    }
    case 'CompetitorPriceObserved': {
      const d = decoded.data;
      return [
        upsert(competitorPricesTable, {
          ...{ observation_id: d.observationId, competitor: d.competitor, sku: d.sku, category: d.category },
          ...{ currency: d.currency, price: d.price, unit: d.unit, observed_on: d.observedOn, source: d.source },
          recorded_by: d.recordedBy,
        }),
      ];
    }
    default:
      return [];
  }
}

/** Market research: the estimates in force and every competitor price observed (docs/reports.md, "Market"). */
export const marketProjection: Projection = {
  name: 'market',
  handles: HANDLED,
  version: 1,
  tables: [marketEstimatesTable, competitorPricesTable],
  project,
};
