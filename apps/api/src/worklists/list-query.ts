import { z } from 'zod';
import { ID_PATTERN } from '@salesbook/domain';
import { decodeCursor, MAX_PAGE } from '@salesbook/projections';

/** `limit` (1-200, default 50) and an opaque `cursor` of the list named `list` whose sort key has `size` parts. */
export const paging = (list: string, size: number) => ({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50),
  cursor: z
    .string()
    .max(1_000)
    .refine(
      (text) => decodeCursor(list, text, size) !== undefined,
      'is not a cursor of this list: pass the nextCursor of the previous page',
    )
    .optional(),
});

/** An id filter (`region`, `rep`, `customer`, ...). */
export const idFilter = (what: string) => z.string().regex(ID_PATTERN, `must be a ${what} id`).optional();

/** The decoded sort key of a cursor the query schema has already checked. */
export function afterCursor(list: string, cursor: string | undefined, size: number): string[] | undefined {
  return cursor === undefined ? undefined : decodeCursor(list, cursor, size);
}
