import { z } from 'zod';

/** RFC 3339 date-time with a time zone, as JSON Schema's `date-time` format requires. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** An absolute URI: a scheme, then anything without spaces (JSON Schema's `uri` format). */
const URI = /^[a-z][a-z0-9+.-]*:[^\s]*$/i;

export const dateTime = z.string().regex(DATE_TIME, 'must be an RFC 3339 date-time with a time zone, such as 2024-05-01T10:00:00Z');
export const uuid = z.string().regex(UUID, 'must be a UUID');
export const uri = z.string().regex(URI, 'must be an absolute URI');
