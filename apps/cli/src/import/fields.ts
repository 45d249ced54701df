import { ID_PATTERN, minorUnitDigits, parseDecimalToMinor, SEGMENTS } from '@salesbook/domain';
import { isCalendarDate } from '../support/business-time.js';

/** Reads one field of a row: its value, or the reason it is bad (collected, so a row reports every bad field). */
export class FieldReader {
  readonly reasons: string[] = [];

  constructor(private readonly fields: Readonly<Record<string, string>>) {}

  private bad(reason: string): undefined {
    this.reasons.push(reason);
    return undefined;
  }

  raw(name: string): string {
    return this.fields[name] ?? '';
  }

  id(name: string): string | undefined {
    const value = this.raw(name);
    if (value === '') return this.bad(`${name} is empty`);
    return ID_PATTERN.test(value) ? value : this.bad(`${name} "${value}" is not an id (1-64 letters, digits, ".", "_" or "-", starting with a letter or digit)`);
  }

  text(name: string, max: number): string | undefined {
    const value = this.raw(name);
    if (value === '') return this.bad(`${name} is empty`);
    return value.length <= max ? value : this.bad(`${name} is longer than ${max} characters`);
  }

  date(name: string): string | undefined {
    const value = this.raw(name);
    if (value === '') return this.bad(`${name} is empty`);
    return isCalendarDate(value) ? value : this.bad(`${name} "${value}" is not a date YYYY-MM-DD`);
  }

  optionalDate(name: string): string | undefined {
    return this.raw(name) === '' ? undefined : this.date(name);
  }

  segment(name: string): string | undefined {
    const value = this.raw(name);
    return (SEGMENTS as readonly string[]).includes(value) ? value : this.bad(`${name} "${value}" is not one of ${SEGMENTS.join(', ')}`);
  }

  currency(name: string): string | undefined {
    const value = this.raw(name);
    return minorUnitDigits(value) !== undefined ? value : this.bad(`${name} "${value}" is not an ISO 4217 currency code`);
  }

  /** A whole number from 1 to `max`, digits only. */
  count(name: string, max: number): number | undefined {
    const value = this.raw(name);
    if (!/^\d+$/.test(value)) return this.bad(`${name} "${value}" is not a whole number`);
    const count = Number(value);
    return count >= 1 && count <= max ? count : this.bad(`${name} ${value} is not between 1 and ${max}`);
  }

  /** A non-negative (or positive) decimal in the currency's major units, exactly in minor units. */
  money(name: string, currency: string | undefined, positive: boolean): number | undefined {
    const value = this.raw(name);
    if (currency === undefined) return undefined;
    const parsed = parseDecimalToMinor(value, minorUnitDigits(currency) ?? 2);
    if (parsed._tag === 'Left') {
      const code = parsed.left.code;
      if (code === 'MONEY_TOO_MANY_DECIMALS') return this.bad(`${name} "${value}" has more decimals than ${currency} has (${minorUnitDigits(currency)})`);
      return this.bad(code === 'MONEY_OUT_OF_RANGE' ? `${name} "${value}" is too large` : `${name} "${value}" is not a decimal number`);
    }
    if (parsed.right < 0 || (positive && parsed.right === 0)) return this.bad(`${name} "${value}" must be ${positive ? 'greater than 0' : '0 or more'}`);
    return parsed.right;
  }

  /** A decimal percent (20, 12.5) as basis points exactly: 0.01% is the finest a discount can be. */
  percentAsBasisPoints(name: string): number | undefined {
    const value = this.raw(name);
    const parsed = parseDecimalToMinor(value === '' ? '0' : value, 2);
    if (parsed._tag === 'Left') {
      return this.bad(
        parsed.left.code === 'MONEY_TOO_MANY_DECIMALS'
          ? `${name} "${value}" is more precise than one basis point (at most 2 decimals of a percent)`
          : `${name} "${value}" is not a decimal percent`,
      );
    }
    return parsed.right >= 0 && parsed.right <= 10_000 ? parsed.right : this.bad(`${name} "${value}" is not between 0 and 100`);
  }
}
