// What each dashboard table must hold, computed here from the API's own answers (independently of the page's code):
// one object per table row, field -> the raw figure as text ('null' for a ratio without denominator).

type Value = number | string | null;
type Json = Record<string, any>;

/** One table row as the page's cells' `data-value`s. */
export type Values = Record<string, string>;

const text = (value: Value | undefined): string => (value === null || value === undefined ? 'null' : String(value));
const row = (entries: Record<string, Value | undefined>): Values =>
  Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, text(v)]));

/** A report getter with the signed-in role's token. */
export type Get = (path: string, query: Record<string, string>) => Promise<Json>;

/** The page's filters. */
export interface Filters {
  month: string;
  months: number;
  region: string;
  rep: string;
}

/** The month `YYYY-MM` shifted by `delta` months. */
export const shiftMonth = (month: string, delta: number): string => {
  const [y = 0, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
};
/** The last day `YYYY-MM-DD` of a month. */
export const lastDay = (month: string): string => {
  const [y = 0, m = 1] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

const scopeOf = (f: Filters): Record<string, string> => ({
  ...(f.region === '' ? {} : { region: f.region }),
  ...(f.rep === '' ? {} : { rep: f.rep }),
});

/** The aging table (as of the month's last day, by region). */
export async function expectedAging(get: Get, f: Filters): Promise<Values[]> {
  return (
    await get('/reports/collections/aging', { asOf: lastDay(f.month), groupBy: 'region', ...scopeOf(f) })
  ).rows.map((r: Json) =>
    row({
      group: r.group,
      currency: r.currency,
      current: r.current,
      days_1_30: r.days_1_30,
      days_31_60: r.days_31_60,
      days_61_90: r.days_61_90,
      days_over_90: r.days_over_90,
      total: r.total,
      installments: r.installments,
    }),
  );
}

/** Every table of the board, by its `data-report`, for these filters. */
export async function expectedTables(get: Get, f: Filters): Promise<Record<string, Values[]>> {
  const scope = scopeOf(f);
  const from = shiftMonth(f.month, 1 - f.months);
  const months = Array.from({ length: f.months }, (_, i) => shiftMonth(f.month, i - f.months + 1));
  const sales = async (groupBy: string) =>
    (await get('/reports/sales/monthly', { month: f.month, groupBy, ...scope })).rows.flatMap((r: Json) =>
      r.currencies.map((c: Json) =>
        row({
          group: r.group,
          currency: c.currency,
          booked: c.booked,
          target: c.target,
          attainment: c.attainment,
          orders_confirmed: c.orders_confirmed,
          collected: c.collected,
          collection_rate: c.collection_rate,
        }),
      ),
    );
  const aging = await expectedAging(get, f);
  const trend: Values[] = [];
  for (const month of months) {
    for (const r of (await get('/reports/collections/summary', { month, groupBy: 'none', ...scope })).rows) {
      trend.push(
        row({
          month,
          currency: r.currency,
          invoiced: r.invoiced,
          collected: r.collected,
          amount_due: r.amount_due,
          collected_on_due: r.collected_on_due,
          collection_rate: r.collection_rate,
          closing_ar: r.closing_ar,
          dso_days: r.dso_days,
        }),
      );
    }
  }
  const satisfaction = (
    await get('/reports/satisfaction', { from, to: f.month, groupBy: 'period', ...scope })
  ).rows.map((r: Json) =>
    row({
      group: r.group,
      responses: r.responses,
      csat: r.csat.value,
      csat_n: r.csat.n,
      nps: r.nps.value,
      nps_n: r.nps.n,
    }),
  );
  const overall = (await get('/reports/satisfaction', { from, to: f.month, ...scope })).rows[0];
  const drivers = [...(overall?.keyDrivers.drivers ?? [])].sort((a: Json, b: Json) => (a.rank ?? 99) - (b.rank ?? 99));
  const complaints = (
    await get('/reports/complaints', { from: f.month, to: f.month, groupBy: 'category', ...scope })
  ).rows.map((r: Json) =>
    row({
      group: r.group,
      complaints: r.complaints,
      acknowledge_breached: r.acknowledge.breached,
      resolve_breached: r.resolve.breached,
      resolve_breach_rate: r.resolve.breachRate,
    }),
  );
  return {
    'sales-region': await sales('region'),
    'sales-rep': await sales('rep'),
    aging,
    'collections-trend': trend,
    'satisfaction-trend': satisfaction,
    'key-drivers': drivers.map((d: Json) =>
      row({ item: d.item, correlation: d.correlation, rank: d.rank, n: overall.keyDrivers.n }),
    ),
    complaints,
  };
}
