/**
 * Fields that hold personal data or free text that may (DESIGN.md section 6): masked in audit answers.
 * TODO(#5): once personal fields are encrypted per customer, unmask for the roles allowed to read them and log each read.
 */
const PERSONAL_FIELDS = new Set(['contact', 'description', 'findings', 'note', 'comment']);

/** A copy of `value` with every personal field (at any depth) replaced by `"***"`. */
export function maskPersonalData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(maskPersonalData);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, field]) => [key, PERSONAL_FIELDS.has(key) && field !== null && field !== undefined ? '***' : maskPersonalData(field)]),
  );
}
