import type { ApiClient, ApiError, Params } from './api.js';
import type { PanelSpec } from './panel.js';

/** The filters of the page. */
export interface Filters {
  /** The month `YYYY-MM` the snapshot panels show and the trends end at. */
  readonly month: string;
  /** How many months the trends cover. */
  readonly months: number;
  readonly region: string;
  readonly rep: string;
  /** The currency the charts draw (tables list every currency). */
  readonly currency: string;
}

/** What a view needs: the API, the filters, where to draw, and how to open the rows behind a figure. */
export interface ViewContext {
  readonly api: ApiClient;
  readonly filters: Filters;
  readonly panels: HTMLElement;
  readonly drill: (title: string, spec: PanelSpec) => void;
  readonly drillError: (title: string, error: ApiError) => void;
}

/** The region and rep filters as report query parameters. */
export const scopeParams = (filters: Filters): Params => ({ region: filters.region, rep: filters.rep });

/** How the page words an API failure. */
export const describe = (error: ApiError): string => `${error.status} ${error.code}: ${error.message}`;
