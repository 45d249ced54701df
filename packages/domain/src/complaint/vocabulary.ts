import { z } from 'zod';

/** How the customer reached us. */
export const ComplaintChannel = z.enum(['phone', 'email', 'web', 'visit'], {
  message: 'channel must be one of phone, email, web, visit',
});
export type ComplaintChannel = z.infer<typeof ComplaintChannel>;

/** What the customer complains about (as they describe it). */
export const ComplaintCategory = z.enum(['product_quality', 'delivery', 'billing', 'service', 'other'], {
  message: 'category must be one of product_quality, delivery, billing, service, other',
});
export type ComplaintCategory = z.infer<typeof ComplaintCategory>;

/** How bad it is; sets the SLA targets (see `slaTargets`). */
export const ComplaintSeverity = z.enum(['low', 'medium', 'high', 'critical'], {
  message: 'severity must be one of low, medium, high, critical',
});
export type ComplaintSeverity = z.infer<typeof ComplaintSeverity>;

/** What the investigation found to be the cause (may differ from the category the customer chose). */
export const ComplaintRootCause = z.enum(
  [
    'product_quality',
    'delivery_delay',
    'wrong_item_or_quantity',
    'billing_error',
    'pricing',
    'service_attitude',
    'other',
  ],
  {
    message:
      'rootCause must be one of product_quality, delivery_delay, wrong_item_or_quantity, billing_error, pricing, service_attitude, other',
  },
);
export type ComplaintRootCause = z.infer<typeof ComplaintRootCause>;

/** The customer's satisfaction with how the complaint was handled, 1 (very unhappy) to 5 (very happy). */
export const HandlingSatisfaction = z
  .number({ message: 'satisfaction must be a number' })
  .int('satisfaction must be a whole number')
  .min(1, 'satisfaction must be 1 to 5')
  .max(5, 'satisfaction must be 1 to 5');
export type HandlingSatisfaction = z.infer<typeof HandlingSatisfaction>;

/** Compensation above this many minor units needs a manager of the complaint's region. */
export const COMPENSATION_MANAGER_THRESHOLD = 100_000;

/** A closed complaint may be reopened up to this many days after it was closed. */
export const REOPEN_WINDOW_DAYS = 30;

/** A non-empty free text of at most `max` characters, with messages naming `field`. */
export const complaintText = (field: string, max: number) =>
  z
    .string({ message: `${field} must be a text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);
