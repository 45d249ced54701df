import { ID_PATTERN, minorUnitDigits, parseDecimalToMinor, SEGMENTS } from '@salesbook/domain';
import { say } from '../i18n/messages.js';
import { isCalendarDate } from '../support/business-time.js';
import { columnLabel } from './columns.js';

/** Reads one field of a row: its value, or the reason it is bad (collected, so a row reports every bad field). */
export class FieldReader {
  readonly reasons: string[] = [];

  constructor(private readonly fields: Readonly<Record<string, string>>) {}

  /** Records why the field `name` is bad, in the operator's language. */
  private bad(
    key: Parameters<typeof say>[0],
    name: string,
    values: Readonly<Record<string, string | number>> = {},
  ): undefined {
    this.reasons.push(say(key, { name: columnLabel(name), value: this.raw(name), ...values }));
    return undefined;
  }

  raw(name: string): string {
    return this.fields[name] ?? '';
  }

  id(name: string): string | undefined {
    const value = this.raw(name);
    if (value === '') return this.bad('field.empty', name);
    return ID_PATTERN.test(value) ? value : this.bad('field.notId', name);
  }

  text(name: string, max: number): string | undefined {
    const value = this.raw(name);
    if (value === '') return this.bad('field.empty', name);
    return value.length <= max ? value : this.bad('field.tooLong', name, { max: String(max) });
  }

  date(name: string): string | undefined {
    const value = this.raw(name);
    if (value === '') return this.bad('field.empty', name);
    return isCalendarDate(value) ? value : this.bad('field.notDate', name);
  }

  optionalDate(name: string): string | undefined {
    return this.raw(name) === '' ? undefined : this.date(name);
  }

  segment(name: string): string | undefined {
    const value = this.raw(name);
    return (SEGMENTS as readonly string[]).includes(value)
      ? value
      : this.bad('field.notOneOf', name, { list: SEGMENTS.join(', ') });
  }

  currency(name: string): string | undefined {
    const value = this.raw(name);
    return minorUnitDigits(value) !== undefined ? value : this.bad('field.notCurrency', name);
  }

  /** A whole number from 1 to `max`, digits only. */
  count(name: string, max: number): number | undefined {
    const value = this.raw(name);
    if (!/^\d+$/.test(value)) return this.bad('field.notWhole', name);
    const count = Number(value);
    return count >= 1 && count <= max ? count : this.bad('field.notBetween', name, { low: '1', high: String(max) });
  }

  /** A non-negative (or positive) decimal in the currency's major units, exactly in minor units. */
  money(name: string, currency: string | undefined, positive: boolean): number | undefined {
    const value = this.raw(name);
    if (currency === undefined) return undefined;
    const parsed = parseDecimalToMinor(value, minorUnitDigits(currency) ?? 2);
    if (parsed._tag === 'Left') {
      const code = parsed.left.code;
      if (code === 'MONEY_TOO_MANY_DECIMALS')
        return this.bad('field.tooManyDecimals', name, { currency, digits: String(minorUnitDigits(currency)) });
      return this.bad(code === 'MONEY_OUT_OF_RANGE' ? 'field.tooLarge' : 'field.notDecimal', name);
    }
    if (parsed.right < 0 || (positive && parsed.right === 0))
      return this.bad(positive ? 'field.notPositive' : 'field.negative', name);
    return parsed.right;
  }

  /** A decimal percent (20, 12.5) as basis points exactly: 0.01% is the finest a discount can be. */
  percentAsBasisPoints(name: string): number | undefined {
    const value = this.raw(name);
    const parsed = parseDecimalToMinor(value === '' ? '0' : value, 2);
    if (parsed._tag === 'Left') {
      return this.bad(parsed.left.code === 'MONEY_TOO_MANY_DECIMALS' ? 'field.tooPrecise' : 'field.notPercent', name);
    }
    return parsed.right >= 0 && parsed.right <= 10_000 ? parsed.right : this.bad('field.percentRange', name);
  }
}
