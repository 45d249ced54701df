import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartDataset,
  type TooltipItem,
} from 'chart.js';
import { compactMoney, money, plain } from './format.js';
import { locale, t, type MessageKey } from './i18n/i18n.js';

Chart.register(
  BarController,
  BarElement,
  LineController,
  LineElement,
  PointElement,
  CategoryScale,
  LinearScale,
  Legend,
  Tooltip,
);

/** What a chart's values are, for its axis and tooltips: money of a currency in major units, or plain numbers. */
export type ChartUnit =
  { readonly kind: 'money'; readonly currency: string } | { readonly kind: 'number'; readonly digits: number };

/** A chart: categories, series, and what a click on category `index` opens (the rows behind it). */
export interface ChartSpec {
  readonly type: 'bar' | 'line';
  readonly unit: ChartUnit;
  readonly labels: readonly string[];
  readonly datasets: readonly {
    readonly label: string;
    readonly data: readonly (number | null)[];
    readonly stack?: string;
  }[];
  readonly stacked?: boolean;
  readonly onPick?: (index: number) => void;
}

/** A table cell: the raw figure (tests compare it with the API) and how it reads. */
export interface Cell {
  readonly value: number | string | null;
  readonly text: string;
}

/** A table row: its keys (data attributes), its cells by field, and what its link opens. */
export interface Row {
  readonly keys: Readonly<Record<string, string>>;
  readonly cells: Readonly<Record<string, Cell>>;
  readonly drill?: { readonly label: string; readonly open: () => void };
  /** Buttons beside the link (reject beside approve), each marked `data-action`. */
  readonly actions?: readonly { readonly action: string; readonly label: string; readonly open: () => void }[];
}

/** A panel: a chart and the table of the same numbers. */
export interface PanelSpec {
  readonly id: string;
  readonly title: string;
  readonly note?: string;
  readonly chart?: ChartSpec;
  readonly columns: readonly { readonly field: string; readonly label: string }[];
  readonly rows: readonly Row[];
}

/** Table columns labelled from the catalogue (`column.<field>`). */
export const columns = (...fields: readonly ColumnField[]): { field: string; label: string }[] =>
  fields.map((field) => ({ field, label: t(`column.${field}`) }));

/** A field with a column label in the catalogue. */
export type ColumnField = MessageKey extends infer K ? (K extends `column.${infer F}` ? F : never) : never;

const COLOURS = ['#1d4ed8', '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#0ea5e9', '#64748b'];
const charts = new Map<string, Chart>();

const element = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  return node;
};

const note = (text: string): HTMLParagraphElement => {
  const paragraph = element('p', text);
  paragraph.className = 'note';
  return paragraph;
};

function table(spec: PanelSpec): HTMLTableElement {
  const node = element('table');
  node.dataset['report'] = spec.id;
  const head = node.createTHead().insertRow();
  for (const column of spec.columns) head.append(element('th', column.label));
  if (spec.rows.some((row) => row.drill !== undefined || row.actions !== undefined))
    head.append(element('th', t('panel.rows')));
  const body = node.createTBody();
  for (const row of spec.rows) {
    const tr = body.insertRow();
    for (const [key, value] of Object.entries(row.keys)) tr.dataset[key] = value;
    for (const column of spec.columns) {
      const cell = row.cells[column.field];
      const td = element('td', cell?.text ?? '');
      td.dataset['field'] = column.field;
      td.dataset['value'] = cell === undefined || cell.value === null ? 'null' : String(cell.value);
      tr.append(td);
    }
    if (row.drill === undefined && row.actions === undefined) continue;
    const buttons = [
      ...(row.drill === undefined ? [] : [{ action: 'open', ...row.drill }]),
      ...(row.actions ?? []),
    ].map(({ action, label, open }) => {
      const button = element('button', label);
      button.type = 'button';
      button.className = action === 'open' ? 'link' : 'link action';
      button.dataset['action'] = action;
      button.addEventListener('click', open);
      return button;
    });
    tr.insertCell().append(...buttons);
  }
  return node;
}

function draw(canvas: HTMLCanvasElement, spec: ChartSpec): Chart {
  const datasets = spec.datasets.map((set, i): ChartDataset<'bar' | 'line', (number | null)[]> => ({
    label: set.label,
    data: [...set.data],
    backgroundColor: COLOURS[i % COLOURS.length] ?? '#000',
    borderColor: COLOURS[i % COLOURS.length] ?? '#000',
    ...(set.stack === undefined ? {} : { stack: set.stack }),
  }));
  const stacked = spec.stacked === true;
  const unit = spec.unit;
  const tick = (n: number): string => (unit.kind === 'money' ? compactMoney(n, unit.currency) : plain(n, unit.digits));
  const exact = (n: number | null): string =>
    unit.kind === 'money' ? money(n === null ? null : Math.round(n * 100), unit.currency) : plain(n, unit.digits);
  const chart = new Chart(canvas, {
    type: spec.type,
    data: { labels: [...spec.labels], datasets },
    options: {
      locale: locale(),
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: { x: { stacked }, y: { stacked, ticks: { callback: (n) => tick(Number(n)) } } },
      plugins: {
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'bar' | 'line'>) => `${item.dataset.label ?? ''}: ${exact(item.parsed.y)}`,
          },
        },
      },
      onClick: (_event, active) => {
        const index = active[0]?.index;
        if (index !== undefined) spec.onPick?.(index);
      },
    },
  });
  describeChart(canvas, chart, spec, exact);
  return chart;
}

/**
 * The chart in words, as the canvas's fallback content (what assistive technology reads of a canvas): the value
 * axis as drawn, then each point as its tooltip says it, in the page's language and formats.
 */
function describeChart(
  canvas: HTMLCanvasElement,
  chart: Chart,
  spec: ChartSpec,
  exact: (n: number | null) => string,
): void {
  const ticks = (chart.scales['y']?.ticks ?? []).map((one) =>
    Array.isArray(one.label) ? one.label.join(' ') : String(one.label ?? ''),
  );
  const axis = element('p', t('panel.chartAxis', { ticks: ticks.join(' · ') }));
  axis.dataset['axis'] = 'y';
  const points = element('ul');
  spec.datasets.forEach((set) => {
    set.data.forEach((value, i) =>
      points.append(element('li', `${set.label}, ${spec.labels[i] ?? ''}: ${exact(value)}`)),
    );
  });
  canvas.replaceChildren(axis, points);
}

/** Draws (or redraws) a panel inside `container`; a panel with an error shows the API's answer instead. */
export function renderPanel(container: HTMLElement, spec: PanelSpec): void {
  charts.get(spec.id)?.destroy();
  const section = panelSection(container, spec.id, spec.title);
  if (spec.note !== undefined) section.append(note(spec.note));
  if (spec.chart !== undefined && spec.chart.labels.length > 0) {
    const box = element('div');
    box.className = 'chart';
    const canvas = element('canvas');
    canvas.setAttribute('aria-label', t('panel.chart', { title: spec.title }));
    box.append(canvas);
    section.append(box);
    charts.set(spec.id, draw(canvas, spec.chart));
  } else {
    section.append(note(t('panel.noData')));
  }
  section.append(table(spec));
}

/** Shows a panel's failure (a role the report refuses answers 403: the page says so, like the API). */
export function renderPanelError(container: HTMLElement, id: string, title: string, message: string): void {
  charts.get(id)?.destroy();
  charts.delete(id);
  const section = panelSection(container, id, title);
  const paragraph = element('p', message);
  paragraph.className = 'error';
  paragraph.dataset['error'] = id;
  section.append(paragraph);
}

function panelSection(container: HTMLElement, id: string, title: string): HTMLElement {
  let section = container.querySelector<HTMLElement>(`section[data-panel="${id}"]`);
  if (section === null) {
    section = element('section');
    section.className = 'panel';
    section.dataset['panel'] = id;
    container.append(section);
  }
  section.replaceChildren(element('h2', title));
  return section;
}

/** Builds a detached table of rows for the drill-down view. */
export const rowsTable = (spec: PanelSpec): HTMLTableElement => table(spec);

/** Creates the panels' places in this order, so they do not move about as their answers arrive. */
export function reservePanels(container: HTMLElement, ids: readonly string[]): void {
  for (const id of ids) {
    if (container.querySelector(`section[data-panel="${id}"]`) !== null) continue;
    const section = element('section');
    section.className = 'panel';
    section.dataset['panel'] = id;
    container.append(section);
  }
}
