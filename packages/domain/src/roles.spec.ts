import { COMMAND_ROLES } from './roles.js';

const commandsOf = (role: string): string[] =>
  Object.entries(COMMAND_ROLES)
    .filter(([, roles]) => (roles as readonly string[]).includes(role))
    .map(([type]) => type)
    .sort();

describe('the role matrix', () => {
  it('lets market analysts write market research, the catalogue, prices, promotions and survey plans, and nothing else', () => {
    expect(commandsOf('market_analyst')).toEqual(
      [
        'RecordMarketEstimate',
        'RecordCompetitorPrice',
        'RegisterProduct',
        'ReviseProduct',
        'SetStandardCost',
        'DeactivateProduct',
        'ReactivateProduct',
        'CreatePriceList',
        'SetListPrices',
        'RemoveListPrice',
        'EndPriceList',
        'DraftPromotion',
        'EndPromotion',
        'PlanSurveyCampaign',
      ].sort(),
    );
  });
  it('gives market research to analysts, the sales manager and imports only', () => {
    for (const type of ['RecordMarketEstimate', 'RecordCompetitorPrice'] as const) {
      expect([...COMMAND_ROLES[type]].sort()).toEqual(['market_analyst', 'sales_manager', 'system']);
    }
  });
});
