import { ApiClient, type ApiError } from './api.js';
import { describe, type Filters, type ViewContext } from './context.js';
import { monthLabel, shiftMonth } from './format.js';
import { locale, setLocale, t, term, translatePage, type Locale } from './i18n/i18n.js';
import { rowsTable, type PanelSpec } from './panel.js';
import { readClaims } from './token.js';
import { renderBoard } from './board.js';
import { renderWork, searchCustomers } from './work.js';

const TOKEN_KEY = 'salesbook.token';

// After a language switch: the signed-in line and the board are drawn again in the new language.
let showWho = (): void => undefined;
let redraw = (): void => undefined;

const byId = <T extends HTMLElement>(id: string): T => {
  const node = document.getElementById(id);
  if (node === null) throw new Error(`the page has no #${id}`);
  return node as T;
};

function drill(title: string, spec: PanelSpec): void {
  byId('drill-title').textContent = t('drill.title', { title, count: spec.rows.length });
  const note = document.createElement('p');
  note.className = 'note';
  note.textContent = spec.note ?? '';
  byId('drill-body').replaceChildren(note, rowsTable(spec));
  byId('drill').hidden = false;
}

function drillError(title: string, error: ApiError): void {
  byId('drill-title').textContent = title;
  const paragraph = document.createElement('p');
  paragraph.className = 'error';
  paragraph.textContent = describe(error);
  byId('drill-body').replaceChildren(paragraph);
  byId('drill').hidden = false;
}

function readFilters(): Filters {
  const months = Number(byId<HTMLInputElement>('f-months').value);
  return {
    month: byId<HTMLInputElement>('f-month').value,
    months: Number.isInteger(months) && months >= 1 && months <= 24 ? months : 6,
    region: byId<HTMLSelectElement>('f-region').value,
    rep: byId<HTMLSelectElement>('f-rep').value,
    currency: byId<HTMLSelectElement>('f-currency').value || 'CNY',
  };
}

async function refresh(api: ApiClient): Promise<void> {
  const status = byId('status');
  status.textContent = t('status.loading');
  delete status.dataset['loaded'];
  const context: ViewContext = { api, filters: readFilters(), panels: byId('panels'), drill, drillError };
  const started = performance.now();
  await renderBoard(context);
  status.textContent = t('status.loaded', {
    month: monthLabel(context.filters.month),
    ms: Math.round(performance.now() - started),
  });
  status.dataset['loaded'] =
    `${context.filters.month}|${context.filters.region}|${context.filters.rep}|${context.filters.currency}|${context.filters.months}`;
}

/** The Reports and Work pages: one shown at a time; the Work page is drawn when opened. */
function showPages(api: ApiClient, role: string): void {
  byId('pages').hidden = false;
  const show = (work: boolean): void => {
    byId('board').hidden = work;
    byId('work').hidden = !work;
  };
  byId('show-board').onclick = () => show(false);
  byId('show-work').onclick = () => {
    show(true);
    void renderWork(api, byId('work-panels'), role);
  };
  byId('work-search-form').onsubmit = (event) => {
    event.preventDefault();
    void searchCustomers(api, byId('work-search'), byId<HTMLInputElement>('w-q').value.trim());
  };
}

function signIn(token: string): boolean {
  const claims = readClaims(token);
  if (claims === undefined) {
    byId('sign-in-error').textContent = t('signIn.invalid');
    return false;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  showWho = () => {
    const values = { sub: claims.sub, role: term('role', claims.role) };
    byId('who').textContent =
      claims.region === undefined
        ? t('header.who', values)
        : t('header.whoRegion', { ...values, region: claims.region });
  };
  showWho();
  byId('sign-in').hidden = true;
  byId('board').hidden = false;
  byId('sign-out').hidden = false;
  const month = byId<HTMLInputElement>('f-month');
  // The last whole month: the current one is still running.
  if (month.value === '') month.value = shiftMonth(new Date().toISOString().slice(0, 7), -1);
  const api = new ApiClient(token);
  showPages(api, claims.role);
  redraw = () => (byId('work').hidden ? void refresh(api) : void renderWork(api, byId('work-panels'), claims.role));
  byId('filters').onsubmit = (event) => {
    event.preventDefault();
    void refresh(api);
  };
  void refresh(api);
  return true;
}

byId('sign-in-form').addEventListener('submit', (event) => {
  event.preventDefault();
  signIn(byId<HTMLTextAreaElement>('token').value.trim());
});
byId('sign-out').addEventListener('click', () => {
  sessionStorage.removeItem(TOKEN_KEY);
  location.reload();
});
byId('drill-close').addEventListener('click', () => {
  byId('drill').hidden = true;
});
byId<HTMLSelectElement>('locale').addEventListener('change', (event) => {
  setLocale((event.target as HTMLSelectElement).value as Locale);
  translatePage(document);
  byId('drill').hidden = true;
  showWho();
  redraw();
});
translatePage(document);
byId<HTMLSelectElement>('locale').value = locale();
const saved = sessionStorage.getItem(TOKEN_KEY);
if (saved !== null) signIn(saved);
