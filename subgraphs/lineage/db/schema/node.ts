import { bigserial, index, jsonb, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { lineageSchema } from './lineage-schema.js';

/**
 * Lineage nodes: OpenLineage datasets and jobs, each named by (namespace, name). `facets` holds the
 * latest trusted facets (schema, data source, ownership, documentation, ...). `catalog_dataset_id` ties a
 * dataset to the catalogue; intermediate tables keep it null and stay first-class nodes.
 */
export const node = lineageSchema.table(
  'node',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    kind: text('kind', { enum: ['DATASET', 'JOB'] }).notNull(),
    namespace: text('namespace').notNull(),
    name: text('name').notNull(),
    facets: jsonb('facets').$type<Record<string, unknown>>().notNull().default({}),
    catalogDatasetId: text('catalog_dataset_id'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique('node_identity').on(t.kind, t.namespace, t.name), index('node_catalog_idx').on(t.catalogDatasetId)],
);
