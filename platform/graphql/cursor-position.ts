import { z } from 'zod';
import { isCalendarDate } from '../text/calendar-date.js';
import { hasUnsafeCharacters } from '../text/safe-text.js';

/**
 * The pieces cursor positions are made of, as zod schemas. Each connection declares its position as a
 * tuple of these (`z.tuple([...])`), so a cursor that decodes but holds a value of the wrong kind (a word
 * where a date belongs, a NUL in a title key, an id that is not a UUID) is refused as `INVALID_CURSOR`
 * before any statement sees it.
 */

/** A sort key or id of text: at most 1,000 characters, valid Unicode without NUL. */
export const cursorText = z.string().max(1000).refine((s) => !hasUnsafeCharacters(s));

/** A non-negative safe integer (sequence numbers). */
export const cursorSequence = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);

/** A positive safe integer (version numbers, audit sequence numbers). */
export const cursorPositiveInteger = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A finite number (relevance scores). */
export const cursorScore = z.number().finite();

/** A day, `YYYY-MM-DD`, that the calendar has. */
export const cursorDate = z.string().refine(isCalendarDate);

/** An instant as `Date.toISOString()` writes it (`2026-01-31T12:00:00.000Z`). */
export const cursorInstant = z.iso.datetime({ precision: 3 }).refine((s) => {
  const at = new Date(s);
  return !Number.isNaN(at.getTime()) && at.toISOString() === s;
});

const PG_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?([+-]\d{2})(:\d{2})?$/;

/** An instant as PostgreSQL writes `timestamptz::text` (`2026-01-31 12:00:00.123456+00`), microseconds kept. */
export const cursorPgInstant = z.string().refine((s) => {
  const m = PG_TIMESTAMP.exec(s);
  if (!m) return false;
  const [hour, minute, second] = [Number(m[4]), Number(m[5]), Number(m[6])];
  return isCalendarDate(`${m[1]}-${m[2]}-${m[3]}`) && hour < 24 && minute < 60 && second < 60 && Math.abs(Number(m[8])) <= 15;
});

/** A UUID. */
export const cursorUuid = z.uuid();
