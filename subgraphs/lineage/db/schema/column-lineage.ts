import { bigint, jsonb, primaryKey, text } from 'drizzle-orm/pg-core';
import { lineageSchema } from './lineage-schema.js';
import { node } from './node.js';

/** A transformation of the `columnLineage` facet. */
export interface TransformationJson {
  type: string;
  subtype?: string;
  description?: string;
  masking?: boolean;
}

/** Column-level lineage from the `columnLineage` facet: which input fields feed each output field, and how. */
export const columnLineage = lineageSchema.table(
  'column_lineage',
  {
    outputDatasetId: bigint('output_dataset_id', { mode: 'number' })
      .notNull()
      .references(() => node.id),
    outputField: text('output_field').notNull(),
    inputDatasetId: bigint('input_dataset_id', { mode: 'number' })
      .notNull()
      .references(() => node.id),
    inputField: text('input_field').notNull(),
    transformations: jsonb('transformations').$type<TransformationJson[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.outputDatasetId, t.outputField, t.inputDatasetId, t.inputField] })],
);
