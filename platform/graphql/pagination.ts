import type { z } from 'zod';
import { ErrorCode, apiError } from './errors.js';

/** Page size when a client gives no `first`. */
export const DEFAULT_PAGE_SIZE = 20;
/** Largest page a client may ask for. */
export const MAX_PAGE_SIZE = 100;

/**
 * Validates `first`: absent gives the default; 1 to MAX_PAGE_SIZE is accepted; anything else is a
 * `PAGE_SIZE_TOO_LARGE` or `BAD_USER_INPUT` error naming the limit.
 */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (first > max) throw apiError(ErrorCode.PAGE_SIZE_TOO_LARGE, `"first" may be at most ${max}; got ${first}.`, { argument: 'first', max });
  if (first < 1) throw apiError(ErrorCode.BAD_USER_INPUT, `"first" must be at least 1; got ${first}.`, { argument: 'first' });
  return first;
}

/**
 * Opaque cursors: base64url of a JSON array tagged with the list they belong to, so that a cursor from
 * one list or sort order is refused by another instead of silently returning the wrong page.
 */
export function encodeCursor(kind: string, position: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([kind, ...position]), 'utf8').toString('base64url');
}

/**
 * Decodes a cursor made by `encodeCursor` for `kind`, whose position must match `position` (a zod tuple of
 * the pieces in ./cursor-position.ts). Throws `INVALID_CURSOR` for anything else (forged, truncated, from
 * another list, a value of the wrong kind), so that no statement ever sees an unchecked position.
 */
export function decodeCursor<T extends unknown[]>(kind: string, cursor: string, position: z.ZodType<T>): T {
  let parsed: unknown;
  try {
    if (cursor.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('malformed');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind) throw invalidCursor();
  const checked = position.safeParse(parsed.slice(1));
  if (!checked.success) throw invalidCursor();
  return checked.data;
}

function invalidCursor() {
  return apiError(ErrorCode.INVALID_CURSOR, 'The "after" cursor is not one this list gave out; start again without "after".', {
    argument: 'after',
  });
}
