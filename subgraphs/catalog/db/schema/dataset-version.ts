import { integer, jsonb, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { DatasetRecord } from '../../model/dataset-record.js';
import { catalogSchema } from './catalog-schema.js';

/** What a curation step did to a dataset. */
export const DATASET_VERSION_ACTIONS = ['CREATED', 'UPDATED', 'WITHDRAWN'] as const;
export type DatasetVersionAction = (typeof DATASET_VERSION_ACTIONS)[number];

/**
 * The version history of curated datasets: one row per create, update or withdrawal made through the
 * curation API, numbered 1, 2, ... per dataset id. It deliberately has no foreign key to `catalog.dataset`:
 * a withdrawn dataset's rows are deleted while its history stays. Datasets written by the seed have no
 * history until their first edit. `(dataset_id, version)` is unique, so two writers can never both claim
 * one version number.
 */
export const datasetVersion = catalogSchema.table(
  'dataset_version',
  {
    datasetId: text('dataset_id').notNull(),
    version: integer('version').notNull(),
    action: text('action', { enum: DATASET_VERSION_ACTIONS }).notNull(),
    /** The token subject of whoever made the change. */
    actorSubject: text('actor_subject').notNull(),
    /** The organisation they acted for, if their token named one. */
    actorOrganisation: text('actor_organisation'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** Top-level record fields that differ from the previous state (every field given, on creation). */
    changedFields: text('changed_fields').array().notNull(),
    /** The whole record after the change; null for a withdrawal. */
    record: jsonb('record').$type<DatasetRecord>(),
    /** Why a dataset was withdrawn; null otherwise. */
    reason: text('reason'),
  },
  (t) => [unique('dataset_version_unique').on(t.datasetId, t.version)],
);
