import { z } from 'zod';

/** Segments a customer can be registered in or moved to. */
export const SEGMENTS = ['key_account', 'enterprise', 'smb', 'retail'] as const;

/** The segment of customers registered by releases before segments existed (CustomerRegistered v1). */
export const UNASSIGNED_SEGMENT = 'unassigned';

/** A segment a command may set: key_account, enterprise, smb or retail. */
export const Segment = z.enum(SEGMENTS, { message: `segment must be one of ${SEGMENTS.join(', ')}` });
export type Segment = z.infer<typeof Segment>;

/** A segment as stored: one of {@link SEGMENTS}, or `unassigned` for customers upcast from v1. */
export const StoredSegment = z.enum([...SEGMENTS, UNASSIGNED_SEGMENT]);
export type StoredSegment = z.infer<typeof StoredSegment>;

/** Company size by headcount: micro (< 10), small (< 50), medium (< 250), large (250 or more). */
export const CustomerSize = z.enum(['micro', 'small', 'medium', 'large'], {
  message: 'size must be one of micro, small, medium, large',
});
export type CustomerSize = z.infer<typeof CustomerSize>;

const PHONE_CHARACTERS = /^\+?[0-9][0-9 -]*$/;

/** A phone number: digits with an optional leading `+`, spaces and dashes; 6 to 20 digits. */
export const Phone = z
  .string({ message: 'phone must be a text' })
  .trim()
  .regex(PHONE_CHARACTERS, 'phone may hold digits, spaces, dashes and a leading +')
  .refine((phone) => {
    const digits = phone.replace(/\D/g, '').length;
    return digits >= 6 && digits <= 20;
  }, 'phone must have 6 to 20 digits');
export type Phone = z.infer<typeof Phone>;

/** An e-mail address (zod's e-mail check), at most 254 characters. */
export const Email = z
  .email({ message: 'email must be an e-mail address' })
  .max(254, 'email must be at most 254 characters');
export type Email = z.infer<typeof Email>;

/** A required, trimmed text of at most `max` characters; the message names the field. */
export const Text = (field: string, max: number) =>
  z
    .string({ message: `${field} must be a text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(max, `${field} must be at most ${max} characters`);

/** The contact person: personal data (a later issue encrypts exactly these fields). */
export const Contact = z.object({ name: Text('contact name', 200), phone: Phone, email: Email }).strict();
export type Contact = z.infer<typeof Contact>;

/** Survey item scores, 1 to 5 each. */
const ItemScore = (item: string) =>
  z
    .number({ message: `${item} must be a number` })
    .int(`${item} must be a whole number`)
    .min(1, `${item} must be 1 to 5`)
    .max(5, `${item} must be 1 to 5`);

/** Scores of the four survey items. */
export const SurveyScores = z
  .object({
    productQuality: ItemScore('productQuality'),
    delivery: ItemScore('delivery'),
    service: ItemScore('service'),
    price: ItemScore('price'),
  })
  .strict();
export type SurveyScores = z.infer<typeof SurveyScores>;

/** Net promoter answer, 0 to 10. */
export const NpsScore = z
  .number({ message: 'nps must be a number' })
  .int('nps must be a whole number')
  .min(0, 'nps must be 0 to 10')
  .max(10, 'nps must be 0 to 10');
/** Customer satisfaction answer, 1 to 5. */
export const CsatScore = ItemScore('csat');
