import { actor } from './test-app.js';

/** Actors of the HTTP tests: reps and a regional manager in `east`. */
export const people = {
  manager: actor('sm-1', 'sales_manager'),
  eastManager: actor('rm-east', 'regional_manager', 'east'),
  rep: actor('rep-1', 'sales_rep', 'east'),
  otherRep: actor('rep-2', 'sales_rep', 'east'),
  analyst: actor('an-1', 'market_analyst'),
  finance: actor('fin-1', 'finance'),
  auditor: actor('aud-1', 'auditor'),
  system: actor('system', 'system'),
};

/** A RegisterCustomer body owned by `rep-1` in `east`. */
export const customerBody = (customerId: string) => ({
  customerId,
  companyName: `Company ${customerId}`,
  contact: { name: 'Li Lei', phone: '+8613800000000', email: 'li.lei@example.cn' },
  region: 'east',
  segment: 'smb',
  ownerRepId: 'rep-1',
});

/** A PlaceOrder body: two lines, net 30 unless other terms are given. */
export const orderBody = (orderId: string, customerId: string, extra: Record<string, unknown> = {}) => ({
  orderId,
  customerId,
  repId: 'rep-1',
  currency: 'CNY',
  lines: [
    { lineId: 'l1', sku: 'SKU-1', description: 'Widget', quantity: 10, unitPrice: 1_000, discountBp: 0 },
    { lineId: 'l2', sku: 'SKU-2', description: 'Gadget', quantity: 5, unitPrice: 2_000, discountBp: 500 },
  ],
  promisedDeliveryDate: '2026-02-28',
  paymentTerms: { kind: 'net', days: 30 },
  ...extra,
});

/** The lines of {@link orderBody}. */
export const orderLines = orderBody('x', 'y').lines;
