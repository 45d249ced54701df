import type { Actor } from '../shared/actors.js';
import { ActionId, ActorId, RegionId } from '../shared/ids.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { ActionStatusChange, ImprovementActionCommand, OpenImprovementAction } from './commands.js';
import { improvementActionDecider } from './decide.js';
import type { ImprovementActionEvent, ImprovementActionOpenedEvent } from './events.js';

/** Test data for the ImprovementAction aggregate: the east's delivery score fell in Q1 2026. */
export const ACTION = ActionId.parse('act-1');
export const EAST = RegionId.parse('east');
export const WEST = RegionId.parse('west');
export const salesManager = actor('sm-1', 'sales_manager');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const westManager = actor('rm-west', 'regional_manager', 'west');
export const analyst = actor('an-1', 'market_analyst');
export const rep = actor('rep-1', 'sales_rep', 'east');

/** `2026-04-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-04-${String(day).padStart(2, '0')}T09:00:00Z`;

/** The action decider with every actor registered as their token says. */
export const registeredActionDecider = registeredDecider(improvementActionDecider);

export const openData = (overrides: Partial<OpenImprovementAction> = {}): OpenImprovementAction => ({
  actionId: ACTION,
  title: 'Confirm carrier slots before promising dates',
  finding: {
    report: 'satisfaction',
    metric: 'delivery',
    group: { by: 'region', value: 'east' },
    period: { from: '2026-01', to: '2026-03' },
    value: 3.1,
    previousValue: 3.8,
  },
  department: 'delivery',
  ownerId: ActorId.parse('ops-lead-1'),
  dueOn: '2026-05-31',
  region: EAST,
  ...overrides,
});
export const open = (
  overrides: Partial<OpenImprovementAction> = {},
  by: Actor = eastManager,
): ImprovementActionCommand => ({
  type: 'OpenImprovementAction',
  data: openData(overrides),
  metadata: { actor: by, occurredAt: at(8) },
});
export const opened = (
  overrides: Partial<OpenImprovementAction> = {},
  by: Actor = eastManager,
): ImprovementActionOpenedEvent => ({
  type: 'ImprovementActionOpened',
  data: { ...openData(overrides), openedBy: by.id, openerRole: by.role, openedAt: at(8) },
});

export const change = (status: ActionStatusChange, by: Actor = eastManager, day = 15): ImprovementActionCommand => ({
  type: 'ChangeImprovementActionStatus',
  data: { actionId: ACTION, status, note: `now ${status}` },
  metadata: { actor: by, occurredAt: at(day) },
});
export const changed = (
  from: 'open' | 'in_progress',
  to: ActionStatusChange,
  by: Actor = eastManager,
  day = 15,
): ImprovementActionEvent => ({
  type: 'ImprovementActionStatusChanged',
  data: { actionId: ACTION, from, to, note: `now ${to}`, changedBy: by.id, changedAt: at(day) },
});
