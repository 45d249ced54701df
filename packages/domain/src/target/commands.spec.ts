import { ReviseSalesTarget, SetSalesTarget, targetCommandSchemas } from './commands.js';
import * as t from './testing.js';

const issuesOf = (result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  (result.error?.issues ?? []).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

describe('Target command schemas', () => {
  it('accept a rep target with its region and a region target with or without it', () => {
    expect(SetSalesTarget.safeParse(t.setData()).success).toBe(true);
    expect(SetSalesTarget.safeParse(t.setData({ scope: 'region', scopeId: 'east', region: undefined })).success).toBe(
      true,
    );
    expect(SetSalesTarget.safeParse(t.setData({ scope: 'region', scopeId: 'east', region: t.EAST })).success).toBe(
      true,
    );
    expect(
      targetCommandSchemas.ReviseSalesTarget.safeParse({
        month: '2026-04',
        scope: 'rep',
        scopeId: 'rep-1',
        amount: 1,
        reason: 'x',
      }).success,
    ).toBe(true);
  });
  it('require the region of a rep target, and for a region target the same region as the scope id', () => {
    expect(issuesOf(SetSalesTarget.safeParse(t.setData({ region: undefined })))).toEqual([
      {
        path: 'region',
        message: 'region is required for a rep target and, for a region target, must be left out or equal scopeId',
      },
    ]);
    expect(
      issuesOf(SetSalesTarget.safeParse(t.setData({ scope: 'region', scopeId: 'east', region: t.WEST })))[0]?.path,
    ).toBe('region');
  });
  it('name the failing fields', () => {
    const result = SetSalesTarget.safeParse({
      ...t.setData(),
      month: '2026-13',
      scope: 'team',
      scopeId: '-x',
      amount: 0,
      currency: 'XXX',
    });
    expect(issuesOf(result)).toEqual([
      { path: 'month', message: 'must be a month YYYY-MM' },
      { path: 'scope', message: 'scope must be rep or region' },
      { path: 'scopeId', message: 'scopeId must be a rep or region id: 1-64 letters, digits, ".", "_" or "-"' },
      { path: 'amount', message: 'must be > 0' },
      { path: 'currency', message: 'must be an ISO 4217 currency code, e.g. CNY' },
    ]);
    expect(
      issuesOf(
        ReviseSalesTarget.safeParse({ month: '2026-04', scope: 'rep', scopeId: 'rep-1', amount: -5, reason: '  ' }),
      ).map((i) => i.path),
    ).toEqual(['amount', 'reason']);
    expect(SetSalesTarget.safeParse(t.setData({ amount: 1.5 })).success).toBe(false);
  });
  it('take a period (month, quarter or year) or a month, one of them, and a measure', () => {
    const keyed = (key: object) => SetSalesTarget.safeParse({ ...t.setData({ month: undefined }), ...key });
    for (const period of ['2026-04', '2026-Q1', '2026-Q4', '2026'])
      expect([period, keyed({ period, measure: 'collected' }).success]).toEqual([period, true]);
    for (const period of ['2026-Q5', '2026-Q0', '2026-13', '26', '2026-H1'])
      expect(issuesOf(keyed({ period }))[0]).toEqual({
        path: 'period',
        message: 'period must be a month YYYY-MM, a quarter YYYY-Qn or a year YYYY',
      });
    const one = {
      path: 'period',
      message: 'give either period (YYYY-MM, YYYY-Qn or YYYY) or month (YYYY-MM), not both',
    };
    expect(issuesOf(keyed({}))).toEqual([one]);
    expect(issuesOf(keyed({ period: '2026-04', month: '2026-04' }))).toEqual([one]);
    expect(issuesOf(keyed({ period: '2026', measure: 'margin' }))[0]?.path).toBe('measure');
    expect(issuesOf(ReviseSalesTarget.safeParse({ scope: 'rep', scopeId: 'rep-1', amount: 1, reason: 'x' }))).toEqual([
      one,
    ]);
  });
  it('refuse unknown fields', () => {
    expect(issuesOf(SetSalesTarget.safeParse({ ...t.setData(), bonus: 1 }))[0]?.message).toMatch(/bonus/);
    expect(
      ReviseSalesTarget.safeParse({
        month: '2026-04',
        scope: 'rep',
        scopeId: 'rep-1',
        amount: 1,
        reason: 'x',
        currency: 'USD',
      }).success,
    ).toBe(false);
  });
});
