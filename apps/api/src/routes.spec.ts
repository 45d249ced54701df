import {
  complaintCommandSchemas,
  customerCommandSchemas,
  monthlyReportCommandSchemas,
  orderCommandSchemas,
  periodCommandSchemas,
  priceListCommandSchemas,
  productCommandSchemas,
  promotionCommandSchemas,
  receivableCommandSchemas,
  targetCommandSchemas,
  teamCommandSchemas,
  webhookCommandSchemas,
  commissionPlanCommandSchemas,
  commissionStatementCommandSchemas,
  competitionCommandSchemas,
  forecastCommandSchemas,
  surveyCampaignCommandSchemas,
  evaluationCommandSchemas,
  improvementActionCommandSchemas,
  opportunityCommandSchemas,
  marketCommandSchemas,
  competitorCommandSchemas,
} from '@salesbook/domain';
import { ROUTES } from './routes.js';

// The part of CONTRIBUTING.md's checklist a test can hold: a command the domain defines is reachable by exactly one
// route, and a command route names a command the domain defines.
const domainCommands = [
  customerCommandSchemas,
  orderCommandSchemas,
  receivableCommandSchemas,
  complaintCommandSchemas,
  targetCommandSchemas,
  teamCommandSchemas,
  periodCommandSchemas,
  monthlyReportCommandSchemas,
  productCommandSchemas,
  priceListCommandSchemas,
  promotionCommandSchemas,
  webhookCommandSchemas,
  commissionPlanCommandSchemas,
  commissionStatementCommandSchemas,
  competitionCommandSchemas,
  forecastCommandSchemas,
  surveyCampaignCommandSchemas,
  evaluationCommandSchemas,
  improvementActionCommandSchemas,
  opportunityCommandSchemas,
  marketCommandSchemas,
  competitorCommandSchemas,
].flatMap((schemas) => Object.keys(schemas));
const routedCommands = ROUTES.flatMap((route) => (route.command === undefined ? [] : [route.command.type]));

describe('the route table and the domain commands', () => {
  it('routes every command of the domain exactly once', () => {
    expect(domainCommands.length).toBeGreaterThan(30);
    expect(domainCommands.filter((type) => routedCommands.filter((routed) => routed === type).length !== 1)).toEqual(
      [],
    );
  });

  it('routes no command the domain does not define', () => {
    expect(routedCommands.filter((type) => !domainCommands.includes(type))).toEqual([]);
  });

  it('answers each path and method once', () => {
    const keys = ROUTES.map((route) => `${route.method} ${route.path}`);
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).toEqual([]);
  });
});
