import { z } from 'zod';

/** The kinds of alert a webhook may subscribe to: SLA about to breach (acknowledge, resolve), promise broken, approval waiting over a day, order late. */
export const ALERT_KINDS = [
  'sla_acknowledge_due',
  'sla_resolve_due',
  'promise_broken',
  'approval_waiting',
  'order_late',
] as const;
/** One of {@link ALERT_KINDS}. */
export const AlertKind = z.enum(ALERT_KINDS, { message: `must be one of ${ALERT_KINDS.join(', ')}` });
export type AlertKind = z.infer<typeof AlertKind>;

/** Where deliveries go: an http(s) URL without credentials, at most 2048 characters. */
export const WebhookUrl = z
  .url({ protocol: /^https?$/, error: 'url must be an http or https URL' })
  .max(2_048, 'url must be at most 2048 characters')
  .refine((value) => !/^[a-z]+:\/\/[^/?#]*@/i.test(value), 'url must not carry a user or password');
