import type { z } from 'zod';
import { forecastCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

const route = <K extends keyof typeof schemas, S extends z.ZodType>(
  path: string,
  type: K,
  schema: S,
  summary: string,
) => commandRoute({ path, type, schema, summary, tag: 'forecasts', aggregate: 'forecast', idField: 'repId' });

/** The Forecast command routes (stream `forecast-<repId>`, `:id` the rep): the rep submits, a manager adjusts. */
export const forecastRoutes = {
  submit: route(
    '/forecasts/:id/submissions',
    'SubmitForecast',
    schemas.SubmitForecast,
    "Submit the rep's own forecast of a month: commit and best case",
  ),
  adjust: route(
    '/forecasts/:id/adjustments',
    'AdjustForecast',
    schemas.AdjustForecast,
    "Adjust a rep's submitted forecast of a month (managers); kept beside the rep's numbers",
  ),
} as const;
