import { bigserial, boolean, index, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { lineageSchema } from './lineage-schema.js';

/**
 * Every accepted OpenLineage event as received, once: `event_hash` (SHA-256 of its canonical JSON) makes
 * a re-sent event a no-op. `untrusted_facets` names the facets that failed their facet schema; they are
 * kept here but never applied to the model. The table is also the API's durable intake: `applied` is
 * false until the event applier has applied the event to the model; `apply_error` says why an event
 * was left out of it.
 */
export const event = lineageSchema.table('event', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  eventHash: text('event_hash').notNull().unique(),
  eventKind: text('event_kind', { enum: ['RunEvent', 'DatasetEvent', 'JobEvent'] }).notNull(),
  eventTime: timestamp('event_time', { withTimezone: true }).notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  untrustedFacets: text('untrusted_facets').array().notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
  applied: boolean('applied').notNull().default(true),
  applyError: text('apply_error'),
}, (t) => [index('event_pending_idx').on(t.seq).where(sql`NOT ${t.applied}`)]);
