import { bigint, date, index, integer, text } from 'drizzle-orm/pg-core';
import { catalogSchema, tsvector } from './catalog-schema.js';
import { dataset } from './dataset.js';

/**
 * The search index of the catalogue: one narrow row per dataset, derived from `catalog.dataset` by
 * `refreshSearchEntries` in the same transaction as every write. It holds only what ranking, filtering,
 * facet counting and ordering read, so a search touching 60,000 datasets reads a few MB:
 * - `document` (every text, both stemmers, weights A/B/C) is stored out of line and only read through
 *   its GIN index;
 * - `head` (titles and keywords) stays in the row and is what relevance is computed from;
 * - coded fields are bit masks in vocabulary order (see `model/code-mask.ts`), so facets are counted by
 *   grouping a few integer columns.
 */
export const datasetSearch = catalogSchema.table(
  'dataset_search',
  {
    seq: integer('seq')
      .primaryKey()
      .references(() => dataset.seq, { onDelete: 'cascade' }),
    id: text('id').notNull(),
    document: tsvector('document').notNull(),
    head: tsvector('head').notNull(),
    publisherId: text('publisher_id').notNull(),
    accessRights: text('access_rights').notNull(),
    healthCategoryMask: bigint('health_category_mask', { mode: 'number' }).notNull(),
    healthThemeMask: bigint('health_theme_mask', { mode: 'number' }).notNull(),
    dataThemeMask: bigint('data_theme_mask', { mode: 'number' }).notNull(),
    countryMask: bigint('country_mask', { mode: 'number' }).notNull(),
    codingSystemMask: bigint('coding_system_mask', { mode: 'number' }).notNull(),
    temporalStart: date('temporal_start'),
    temporalEnd: date('temporal_end'),
    /** Lower-cased, unaccented titles: the keys of TITLE ordering in each language. */
    titleKeyFr: text('title_key_fr').notNull(),
    titleKeyEn: text('title_key_en').notNull(),
    /** Modification date, else issue date, else 0001-01-01: the key of RECENTLY_MODIFIED ordering. */
    modifiedKey: date('modified_key').notNull(),
    /** The harvest source of the dataset, `local` for the catalogue's own: the SOURCE facet. */
    sourceId: text('source_id').notNull().default('local'),
  },
  (t) => [
    index('dataset_search_document_idx').using('gin', t.document),
    index('dataset_search_title_fr_idx').on(t.titleKeyFr, t.seq),
    index('dataset_search_title_en_idx').on(t.titleKeyEn, t.seq),
    index('dataset_search_modified_idx').on(t.modifiedKey, t.seq),
  ],
);
