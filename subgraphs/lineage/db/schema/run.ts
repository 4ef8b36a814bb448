import { bigint, index, jsonb, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { lineageSchema } from './lineage-schema.js';
import { node } from './node.js';

/** Job runs and their latest state. */
export const run = lineageSchema.table(
  'run',
  {
    id: uuid('id').primaryKey(),
    jobId: bigint('job_id', { mode: 'number' })
      .notNull()
      .references(() => node.id),
    state: text('state').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    nominalStartTime: timestamp('nominal_start_time', { withTimezone: true }),
    nominalEndTime: timestamp('nominal_end_time', { withTimezone: true }),
    parentRunId: uuid('parent_run_id'),
    facets: jsonb('facets').$type<Record<string, unknown>>().notNull().default({}),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('run_job_idx').on(t.jobId, t.updatedAt)],
);

/** Every state a run went through (START, RUNNING, COMPLETE, FAIL, ABORT, OTHER), in event time. */
export const runState = lineageSchema.table(
  'run_state',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => run.id),
    state: text('state').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.runId, t.state, t.at] })],
);

/** The dataset versions a run read and wrote. */
export const runDataset = lineageSchema.table(
  'run_dataset',
  {
    runId: uuid('run_id')
      .notNull()
      .references(() => run.id),
    datasetId: bigint('dataset_id', { mode: 'number' })
      .notNull()
      .references(() => node.id),
    direction: text('direction', { enum: ['INPUT', 'OUTPUT'] }).notNull(),
    /** The `version` facet's datasetVersion, when the producer sent one. */
    version: text('version'),
  },
  (t) => [primaryKey({ columns: [t.runId, t.datasetId, t.direction] }), index('run_dataset_dataset_idx').on(t.datasetId)],
);
