import { competitorCommandSchemas, marketCommandSchemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

/**
 * The market research command routes: estimates (stream `market-<region>-<segment>`) and competitor prices (stream
 * `competitor-<observationId>`). Market analysts, the sales manager and imports; the reports read them.
 */
export const marketRoutes = {
  estimate: commandRoute({
    path: '/market/estimates',
    type: 'RecordMarketEstimate',
    schema: marketCommandSchemas.RecordMarketEstimate,
    summary: 'Record the estimated market size of a region and segment in a month, quarter or year',
    tag: 'market',
    aggregate: 'market',
  }),
  competitorPrice: commandRoute({
    path: '/market/competitor-prices',
    type: 'RecordCompetitorPrice',
    schema: competitorCommandSchemas.RecordCompetitorPrice,
    summary: "Record a competitor's price for a sku or a category, as observed on a date",
    tag: 'market',
    aggregate: 'competitor',
  }),
} as const;
