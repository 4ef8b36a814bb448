import { bigserial, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { lineageSchema } from './lineage-schema.js';

/**
 * Every accepted OpenLineage event as received, once: `event_hash` (SHA-256 of its canonical JSON) makes
 * a re-sent event a no-op. `untrusted_facets` names the facets that failed their facet schema; they are
 * kept here but never applied to the model.
 */
export const event = lineageSchema.table('event', {
  seq: bigserial('seq', { mode: 'number' }).primaryKey(),
  eventHash: text('event_hash').notNull().unique(),
  eventKind: text('event_kind', { enum: ['RunEvent', 'DatasetEvent', 'JobEvent'] }).notNull(),
  eventTime: timestamp('event_time', { withTimezone: true }).notNull(),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  untrustedFacets: text('untrusted_facets').array().notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull().defaultNow(),
});
