import type { Actor } from '../shared/actors.js';
import { ActorId, CustomerId, OpportunityId, OrderId, QuotationId, RegionId, Sku, LineId } from '../shared/ids.js';
import { Currency } from '../shared/money.js';
import { registeredDecider } from '../testing/access.js';
import { testActor as actor } from '../testing/actors.js';
import type { OrderLine } from '../order/order-line.js';
import type { OpenOpportunity, OpportunityCommand, OpportunityCustomer, SendQuotation } from './commands.js';
import { opportunityDecider } from './decide.js';
import type { OpportunityOpenedEvent, QuotationSentEvent } from './events.js';

/** Test data for the Opportunity aggregate: rep-1's pump deal with customer c-1 (east, smb), 500,000.00 CNY, closing in April 2026. */
export const OPP = OpportunityId.parse('opp-1');
export const QUOTE = QuotationId.parse('q-1');
export const CUSTOMER = CustomerId.parse('c-1');
export const REP = ActorId.parse('rep-1');
export const EAST = RegionId.parse('east');
export const CNY = Currency.parse('CNY');
export const rep = actor('rep-1', 'sales_rep', 'east');
export const otherRep = actor('rep-2', 'sales_rep', 'east');
export const eastManager = actor('rm-east', 'regional_manager', 'east');
export const westManager = actor('rm-west', 'regional_manager', 'west');
export const salesManager = actor('sm-1', 'sales_manager');
export const analyst = actor('an-1', 'market_analyst');

/** `2026-03-<day>T09:00:00Z` */
export const at = (day: number): string => `2026-03-${String(day).padStart(2, '0')}T09:00:00Z`;
export const customer = (overrides: Partial<OpportunityCustomer> = {}): OpportunityCustomer => ({
  active: true,
  ownerRep: REP,
  homeRegion: EAST,
  segment: 'smb',
  ...overrides,
});

/** The opportunity decider with every actor registered as their token says, the named rep registered in east. */
export const registeredOpportunityDecider = registeredDecider(opportunityDecider, () => EAST);

const meta = (by: Actor, day: number) => ({ actor: by, occurredAt: at(day) });

export const open = (
  overrides: Partial<OpenOpportunity> = {},
  by: Actor = rep,
  inputs: OpportunityCustomer | null = customer(),
): OpportunityCommand => ({
  type: 'OpenOpportunity',
  data: {
    opportunityId: OPP,
    customerId: CUSTOMER,
    repId: REP,
    title: 'Pumps for line 3',
    amount: 50_000_000,
    currency: CNY,
    expectedCloseMonth: '2026-04',
    ...overrides,
  },
  metadata: meta(by, 2),
  inputs: { customer: inputs },
});
export const opened = (
  overrides: Partial<OpportunityOpenedEvent['data']> = {},
  by: Actor = rep,
): OpportunityOpenedEvent => ({
  type: 'OpportunityOpened',
  data: {
    opportunityId: OPP,
    customerId: CUSTOMER,
    repId: REP,
    region: EAST,
    segment: 'smb',
    title: 'Pumps for line 3',
    amount: 50_000_000,
    currency: CNY,
    expectedCloseMonth: '2026-04',
    stage: 'qualified',
    probabilityBp: 2_000,
    overridden: false,
    openedBy: by.id,
    openedAt: at(2),
    ...overrides,
  },
});
export const revise = (data: Record<string, unknown>, by: Actor = rep): OpportunityCommand => ({
  type: 'ReviseOpportunity',
  data: { opportunityId: OPP, ...data },
  metadata: meta(by, 5),
});
export const move = (
  stage: 'qualified' | 'proposal' | 'negotiation',
  probabilityBp?: number,
  by: Actor = rep,
): OpportunityCommand => ({
  type: 'MoveOpportunityStage',
  data: { opportunityId: OPP, stage, ...(probabilityBp === undefined ? {} : { probabilityBp }) },
  metadata: meta(by, 6),
});
export const moved = (
  from: 'qualified' | 'proposal' | 'negotiation',
  to: 'qualified' | 'proposal' | 'negotiation',
  probabilityBp: number,
  overridden = false,
  by: Actor = rep,
) => ({
  type: 'OpportunityStageMoved' as const,
  data: { opportunityId: OPP, from, to, probabilityBp, overridden, movedBy: by.id, movedAt: at(6) },
});
export const lose = (by: Actor = rep): OpportunityCommand => ({
  type: 'LoseOpportunity',
  data: { opportunityId: OPP, reason: 'competitor', note: 'Chose a local maker' },
  metadata: meta(by, 20),
});
export const lost = () => ({
  type: 'OpportunityLost' as const,
  data: {
    opportunityId: OPP,
    from: 'qualified' as const,
    reason: 'competitor' as const,
    note: 'Chose a local maker',
    lostBy: REP,
    lostAt: at(20),
  },
});

const line = {
  lineId: LineId.parse('l1'),
  sku: Sku.parse('P-100'),
  description: 'Pump P-100',
  quantity: 10,
  discountBp: 0,
};
export const quotationData = (overrides: Partial<SendQuotation> = {}): SendQuotation => ({
  opportunityId: OPP,
  quotationId: QUOTE,
  lines: [{ ...line, unitPrice: 4_800_000 }],
  validUntil: '2026-03-31',
  promisedDeliveryDate: '2026-04-30',
  paymentTerms: { kind: 'net', days: 30 },
  ...overrides,
});
export const send = (overrides: Partial<SendQuotation> = {}, by: Actor = rep): OpportunityCommand => ({
  type: 'SendQuotation',
  data: quotationData(overrides),
  metadata: meta(by, 10),
  inputs: { on: '2026-03-10' },
});
const pricedLine: OrderLine = { ...line, unitPrice: 4_800_000 };
export const sent = (): QuotationSentEvent => ({
  type: 'QuotationSent',
  data: {
    opportunityId: OPP,
    quotationId: QUOTE,
    currency: CNY,
    lines: [pricedLine],
    total: 48_000_000,
    validUntil: '2026-03-31',
    promisedDeliveryDate: '2026-04-30',
    paymentTerms: { kind: 'net', days: 30 },
    sentBy: REP,
    sentAt: at(10),
  },
});
export const accept = (on = '2026-03-15', by: Actor = rep): OpportunityCommand => ({
  type: 'AcceptQuotation',
  data: { opportunityId: OPP, quotationId: QUOTE },
  metadata: meta(by, 15),
  inputs: { on, orderId: OrderId.parse('q-1') },
});
export const accepted = () => [
  {
    type: 'QuotationAccepted' as const,
    data: {
      opportunityId: OPP,
      quotationId: QUOTE,
      orderId: OrderId.parse('q-1'),
      acceptedOn: '2026-03-15',
      acceptedBy: REP,
      acceptedAt: at(15),
    },
  },
  {
    type: 'OpportunityWon' as const,
    data: {
      opportunityId: OPP,
      quotationId: QUOTE,
      orderId: OrderId.parse('q-1'),
      from: 'qualified' as const,
      amount: 48_000_000,
      wonBy: REP,
      wonAt: at(15),
    },
  },
];
