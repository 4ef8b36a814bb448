import { bigint, integer, jsonb, serial, text, unique } from 'drizzle-orm/pg-core';
import { catalogSchema } from './catalog-schema.js';
import { dataset, type LocalizedJson } from './dataset.js';

/**
 * Distributions, samples and analytics of a dataset (`dcat:Distribution`, `adms:sample`,
 * `healthdcatap:analytics`), in the order the
 * publisher gave them. `kind` tells them apart.
 */
export const distribution = catalogSchema.table(
  'distribution',
  {
    id: serial('id').primaryKey(),
    datasetId: text('dataset_id')
      .notNull()
      .references(() => dataset.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['distribution', 'sample', 'analytics'] }).notNull(),
    position: integer('position').notNull(),
    title: jsonb('title').$type<LocalizedJson>().notNull(),
    description: jsonb('description').$type<LocalizedJson>(),
    accessUrl: text('access_url').notNull(),
    downloadUrl: text('download_url'),
    format: text('format'),
    mediaType: text('media_type'),
    byteSize: bigint('byte_size', { mode: 'number' }),
    rights: jsonb('rights').$type<LocalizedJson>(),
    license: text('license'),
  },
  (t) => [unique('distribution_position_unique').on(t.datasetId, t.kind, t.position)],
);
