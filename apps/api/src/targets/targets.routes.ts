import { targetCommandSchemas as schemas } from '@salesbook/domain';
import { commandRoute } from '../commands/command-route.js';

/** The Target command routes (stream `target-<period>[-<measure>]-<scope>-<id>`, named by the body). Managers only. */
export const targetRoutes = {
  set: commandRoute({
    path: '/targets',
    type: 'SetSalesTarget',
    schema: schemas.SetSalesTarget,
    summary:
      'Set a target for a rep or a region: a month, quarter or year (period), of booked sales, collected sales or new customers (measure)',
    tag: 'targets',
    aggregate: 'target',
  }),
  revise: commandRoute({
    path: '/targets/revisions',
    type: 'ReviseSalesTarget',
    schema: schemas.ReviseSalesTarget,
    summary: 'Revise a target that was set',
    tag: 'targets',
    aggregate: 'target',
  }),
  split: commandRoute({
    path: '/targets/splits',
    type: 'SplitSalesTarget',
    schema: schemas.SplitSalesTarget,
    summary:
      "Split a region's target of a period and measure into its reps' targets: each rep of the region once, the parts summing to the region's target",
    tag: 'targets',
    aggregate: 'target',
  }),
} as const;
