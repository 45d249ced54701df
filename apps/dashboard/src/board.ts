import type { ViewContext } from './context.js';
import { t } from './i18n/i18n.js';
import { reservePanels } from './panel.js';
import { agingPanel, collectionTrendPanel } from './views/collections.js';
import { complaintsPanel } from './views/complaints.js';
import { evaluationsPanel } from './views/evaluations.js';
import { actionsPanel } from './views/actions.js';
import { closedLoopPanel } from './views/closed-loop.js';
import { campaignsPanel } from './views/campaigns.js';
import { salesPanel } from './views/sales.js';
import { planPanel } from './views/plan.js';
import { keyDriversPanel, satisfactionTrendPanel } from './views/satisfaction.js';
import { leagueTablePanel } from './views/rankings.js';
import { commissionsPanel } from './views/commissions.js';
import { marginByCategoryPanel, marginTrendPanel } from './views/pricing.js';
import { promotionEffectPanel } from './views/promotions.js';
import { forecastAccuracyPanel, forecastPanel } from './views/forecast.js';

const setOptions = (select: HTMLSelectElement, values: readonly string[], keepAll: boolean): void => {
  const current = select.value;
  const options = [...(keepAll ? [['', t('filters.all')]] : []), ...values.map((value) => [value, value])].map(
    ([value = '', label = '']) => new Option(label, value),
  );
  // The "all" option keeps its catalogue key, so a language switch relabels it.
  if (keepAll && options[0] !== undefined) options[0].dataset['i18n'] = 'filters.all';
  select.replaceChildren(...options);
  if ([...select.options].some((option) => option.value === current)) select.value = current;
};

/** Draws every panel for the filters, then offers the regions, reps and currencies the answers contained. */
export async function renderBoard(context: ViewContext): Promise<void> {
  reservePanels(context.panels, [
    'sales-region',
    'sales-rep',
    'plan-attainment',
    'aging',
    'collections-trend',
    'satisfaction-trend',
    'key-drivers',
    'complaints',
    'evaluations',
    'survey-campaigns',
    'closed-loop',
    'improvement-actions',
    'pricing-margin-trend',
    'pricing-margin-category',
    'pricing-promotions',
    'league-table',
    'commissions',
    'forecast',
    'forecast-accuracy',
  ]);
  const [regionCurrencies, repCurrencies] = await Promise.all([
    salesPanel(context, 'region'),
    salesPanel(context, 'rep'),
    agingPanel(context),
    planPanel(context),
    collectionTrendPanel(context),
    satisfactionTrendPanel(context),
    keyDriversPanel(context),
    complaintsPanel(context),
    leagueTablePanel(context),
    commissionsPanel(context),
    marginTrendPanel(context),
    marginByCategoryPanel(context),
    promotionEffectPanel(context),
    evaluationsPanel(context),
    forecastPanel(context),
    forecastAccuracyPanel(context),
    campaignsPanel(context),
    closedLoopPanel(context),
    actionsPanel(context),
  ]);
  const currency = document.querySelector<HTMLSelectElement>('#f-currency');
  if (currency !== null) setOptions(currency, [...new Set([...regionCurrencies, ...repCurrencies])].sort(), false);
  const groups = (id: string): string[] =>
    [...context.panels.querySelectorAll<HTMLElement>(`table[data-report="${id}"] tbody tr`)].map(
      (tr) => tr.dataset['group'] ?? '',
    );
  const region = document.querySelector<HTMLSelectElement>('#f-region');
  const rep = document.querySelector<HTMLSelectElement>('#f-rep');
  if (region !== null && context.filters.region === '')
    setOptions(region, [...new Set(groups('sales-region'))].sort(), true);
  if (rep !== null && context.filters.rep === '') setOptions(rep, [...new Set(groups('sales-rep'))].sort(), true);
}
