import { z } from 'zod';
import { periodDays } from './report-definition.js';

/** The path of the drill-down every satisfaction figure opens. */
export const SATISFACTION_ANSWERS_PATH = '/reports/satisfaction/answers';

/** The figures of a satisfaction group and the part of the answers each one counts. */
const FIGURES = {
  responses: {},
  csatSatisfied: { csat: 'satisfied' },
  csatNotSatisfied: { csat: 'not_satisfied' },
  promoters: { nps: 'promoters' },
  passives: { nps: 'passives' },
  detractors: { nps: 'detractors' },
  followUpsOpened: { followUp: 'opened' },
  followUpsClosed: { followUp: 'closed' },
  followUpsRecovered: { followUp: 'recovered' },
  followUpsOpen: { followUp: 'open' },
  followUpsOverdue: { followUp: 'overdue' },
} as const;

/** The drill-down of each figure of a group: the URL of the answers behind it, and a template for an item's score. */
export const DrillDownSchema = z
  .strictObject({
    ...(Object.fromEntries(Object.keys(FIGURES).map((name) => [name, z.string()])) as Record<
      keyof typeof FIGURES,
      z.ZodString
    >),
    itemScore: z.string().describe('URI template: replace {item} (product_quality, ...) and {score} (1-5)'),
  })
  .describe('The answers behind each figure of the group: GET these paths');

/** What the satisfaction report was asked: the period, its filters and its grouping. */
export interface DrilledQuery {
  readonly from: string;
  readonly to: string;
  readonly groupBy?: 'region' | 'rep' | 'segment' | 'period' | 'surveyPeriod' | undefined;
  readonly region?: string | undefined;
  readonly rep?: string | undefined;
}

/** The drill-down query of a group: the report's period and filters, and the group's value as a filter. */
function groupParams(query: DrilledQuery, group: string | null): Record<string, string> {
  const params: Record<string, string> = { from: query.from, to: query.to };
  if (query.region !== undefined) params['region'] = query.region;
  if (query.rep !== undefined) params['rep'] = query.rep;
  if (group === null || query.groupBy === undefined) return params;
  if (query.groupBy !== 'period') return { ...params, [query.groupBy]: group };
  // A month group: the days of that month inside the report's period.
  const { first, last } = periodDays(query.from, query.to);
  const month = periodDays(group, group);
  return { ...params, from: first > month.first ? first : month.first, to: last < month.last ? last : month.last };
}

const url = (params: Record<string, string>): string =>
  `${SATISFACTION_ANSWERS_PATH}?${new URLSearchParams(params).toString()}`;

/** The drill-down links of one group of the satisfaction report. */
export function drillDownOf(query: DrilledQuery, group: string | null): z.infer<typeof DrillDownSchema> {
  const base = groupParams(query, group);
  const links = Object.fromEntries(
    Object.entries(FIGURES).map(([name, part]) => [name, url({ ...base, ...part })]),
  ) as Record<keyof typeof FIGURES, string>;
  return { ...links, itemScore: `${url(base)}&item={item}&score={score}` };
}
