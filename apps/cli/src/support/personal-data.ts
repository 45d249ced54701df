/**
 * Fields that hold personal data or free text that may (DESIGN.md section 6), masked in what history and
 * state print, as the API's audit routes mask them (apps/api/src/audit/personal-data.ts).
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
