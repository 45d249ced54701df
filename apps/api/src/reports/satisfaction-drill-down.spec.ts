import { drillDownOf } from './satisfaction-drill-down.js';

describe('the drill-down links of the satisfaction figures', () => {
  it("carry the report's period and filters, the group's value and the part of the figure", () => {
    const links = drillDownOf({ from: '2026-03-01', to: '2026-03-31', groupBy: 'segment', region: 'east' }, 'smb');
    expect(links.detractors).toBe(
      '/reports/satisfaction/answers?from=2026-03-01&to=2026-03-31&region=east&segment=smb&nps=detractors',
    );
    expect(links.csatSatisfied).toContain('&csat=satisfied');
    expect(links.followUpsRecovered).toContain('&followUp=recovered');
    expect(links.itemScore).toBe(
      '/reports/satisfaction/answers?from=2026-03-01&to=2026-03-31&region=east&segment=smb&item={item}&score={score}',
    );
    expect(drillDownOf({ from: '2026-03', to: '2026-03', groupBy: 'surveyPeriod' }, '2026-02').responses).toBe(
      '/reports/satisfaction/answers?from=2026-03&to=2026-03&surveyPeriod=2026-02',
    );
  });

  it("narrows the period to a month group's days inside it, and leaves an ungrouped report as asked", () => {
    const query = { from: '2026-01-15', to: '2026-03-10', groupBy: 'period' as const };
    expect(drillDownOf(query, '2026-01').responses).toBe('/reports/satisfaction/answers?from=2026-01-15&to=2026-01-31');
    expect(drillDownOf(query, '2026-02').responses).toBe('/reports/satisfaction/answers?from=2026-02-01&to=2026-02-28');
    expect(drillDownOf(query, '2026-03').responses).toBe('/reports/satisfaction/answers?from=2026-03-01&to=2026-03-10');
    expect(drillDownOf({ from: '2026-03', to: '2026-04', rep: 'rep-1' }, null).promoters).toBe(
      '/reports/satisfaction/answers?from=2026-03&to=2026-04&rep=rep-1&nps=promoters',
    );
  });
});
