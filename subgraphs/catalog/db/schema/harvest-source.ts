import { bigint, boolean, index, integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { catalogSchema } from './catalog-schema.js';
import { timestamps } from './timestamps.js';

/**
 * A catalogue this one harvests (DCAT-AP or HealthDCAT-AP, paged with Hydra or not), registered by an
 * administrator. `last_success_at` is when the last run that succeeded started: the `modified_since` of
 * the next incremental run. `next_run_at` is when the scheduler runs it next (null: only on demand);
 * failures push it back (`consecutive_failures`).
 */
export const harvestSource = catalogSchema.table('harvest_source', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  url: text('url').notNull(),
  /** TURTLE, JSON_LD or RDF_XML: what is asked for, and what is read when the answer does not say. */
  format: text('format').notNull(),
  /** The country of the catalogue (an EU country code such as FIN). */
  country: text('country').notNull(),
  /** FULL or INCREMENTAL. */
  mode: text('mode').notNull(),
  everyMinutes: integer('every_minutes'),
  enabled: boolean('enabled').notNull().default(true),
  maxPages: integer('max_pages').notNull(),
  maxPageBytes: integer('max_page_bytes').notNull(),
  timeoutSeconds: integer('timeout_seconds').notNull(),
  lastSuccessAt: timestamp('last_success_at', { withTimezone: true }),
  consecutiveFailures: integer('consecutive_failures').notNull().default(0),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }),
  /** Set while a run holds the source (a lease, so a crashed run frees it when it expires). */
  runningUntil: timestamp('running_until', { withTimezone: true }),
  ...timestamps,
});

/** A problem of the source met by a run: an HTTP status, a timeout, a parse error with its line, a limit. */
export interface HarvestErrorJson {
  kind: 'HTTP' | 'TIMEOUT' | 'NETWORK' | 'PARSE' | 'LIMIT' | 'PAGING' | 'STORE';
  url: string;
  message: string;
  status?: number;
  line?: number;
}

/** A record of the source the run did not take, with why, in readable form. */
export interface HarvestRefusalJson {
  iri: string | null;
  message: string;
  violations: { path: string | null; message: string; focus: string | null }[];
}

/** The report of one harvest run; nothing of a FAILED run was applied. */
export const harvestRun = catalogSchema.table(
  'harvest_run',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    sourceId: text('source_id')
      .notNull()
      .references(() => harvestSource.id, { onDelete: 'cascade' }),
    mode: text('mode').notNull(),
    /** SCHEDULE or MANUAL. */
    trigger: text('trigger').notNull(),
    /** SUCCEEDED or FAILED. */
    status: text('status').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }).notNull(),
    pages: integer('pages').notNull(),
    seen: integer('seen').notNull(),
    added: integer('added').notNull(),
    changed: integer('changed').notNull(),
    unchanged: integer('unchanged').notNull(),
    withdrawn: integer('withdrawn').notNull(),
    refused: integer('refused').notNull(),
    skipped: integer('skipped').notNull(),
    refusals: jsonb('refusals').$type<HarvestRefusalJson[]>().notNull().default([]),
    errors: jsonb('errors').$type<HarvestErrorJson[]>().notNull().default([]),
  },
  (t) => [index('harvest_run_source_idx').on(t.sourceId, t.id)],
);
