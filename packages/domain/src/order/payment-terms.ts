import { z } from 'zod';

const Days = (field: string) =>
  z
    .number({ message: `${field} must be a number` })
    .int(`${field} must be whole days`)
    .min(0, `${field} must be >= 0`)
    .max(3_650, `${field} must be at most 3650 days`);

/** Pay within `days` of delivery (the receivable is opened when delivery is confirmed). */
export const NetTerms = z.object({ kind: z.literal('net'), days: Days('days') }).strict();
/** Pay before delivery (the receivable is opened when the order is confirmed). */
export const AdvanceTerms = z.object({ kind: z.literal('advance') }).strict();

/** One installment: a share of the total, due `dueInDays` after the invoice. */
export const PlanInstallment = z
  .object({
    dueInDays: Days('dueInDays'),
    shareBp: z
      .number({ message: 'shareBp must be a number' })
      .int('shareBp must be whole basis points')
      .min(1, 'shareBp must be > 0')
      .max(10_000, 'shareBp must be <= 10000'),
  })
  .strict();
export type PlanInstallment = z.infer<typeof PlanInstallment>;

/** Payment by installments: shares add up to 10000 bp and due days strictly increase. */
export const InstallmentTerms = z
  .object({
    kind: z.literal('installments'),
    plan: z
      .array(PlanInstallment)
      .min(1, 'an installment plan needs at least one installment')
      .max(60, 'an installment plan has at most 60 installments')
      .superRefine((plan, ctx) => {
        const total = plan.reduce((sum, part) => sum + part.shareBp, 0);
        if (total !== 10_000)
          ctx.addIssue({ code: 'custom', message: `installment shares must add up to 10000 bp, not ${total}` });
        plan.forEach((part, index) => {
          const previous = plan[index - 1];
          if (previous !== undefined && part.dueInDays <= previous.dueInDays) {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'dueInDays'],
              message: 'installments must fall due in strictly increasing days',
            });
          }
        });
      }),
  })
  .strict();

/**
 * Payment terms of an order. The receivable policy turns them into due dates:
 * `net` and `installments` count from the invoice at delivery, `advance` is invoiced at confirmation.
 */
export const PaymentTerms = z.discriminatedUnion('kind', [NetTerms, AdvanceTerms, InstallmentTerms], {
  message: 'paymentTerms.kind must be net, advance or installments',
});
export type PaymentTerms = z.infer<typeof PaymentTerms>;
