import { sql } from 'drizzle-orm';
import { bigint, date, index, integer, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { catalogSchema } from './catalog-schema.js';
import { dataHolder } from './data-holder.js';
import { timestamps } from './timestamps.js';

/** Text in French and English, stored as JSON `{ "fr": ..., "en": ... }`. */
export interface LocalizedJson {
  fr?: string;
  en?: string;
}

/** A contact point as stored. */
export interface ContactPointJson {
  name?: string;
  email?: string;
  url?: string;
}

/** A purpose or legal basis described in words, with the legislation it rests on. */
export interface DescribedTermJson {
  description: LocalizedJson;
  source?: string;
}

/**
 * The facts of a dataset that no search or GraphQL field reads, kept so that the HealthDCAT-AP export
 * states them again: every key is absent when unknown.
 */
export interface DatasetDetailsJson {
  otherIdentifiers?: { notation: string; schemaAgency?: string }[];
  codeValues?: string[];
  datasetType?: string;
  provenance?: LocalizedJson;
  otherPurposes?: DescribedTermJson[];
  otherLegalBases?: DescribedTermJson[];
  retentionStart?: string;
  retentionEnd?: string;
}

/**
 * One HealthDCAT-AP dataset. Coded properties are stored as arrays of vocabulary codes (the GraphQL enum
 * values). What search reads lives in `catalog.dataset_search`, derived from this row on every write.
 */
export const dataset = catalogSchema.table(
  'dataset',
  {
    id: text('id').primaryKey(),
    /** Insertion order; the stable tie-breaker of every ordering and of cursors. */
    seq: integer('seq').generatedAlwaysAsIdentity().notNull().unique(),
    identifier: text('identifier').notNull(),
    titleFr: text('title_fr'),
    titleEn: text('title_en'),
    descriptionFr: text('description_fr'),
    descriptionEn: text('description_en'),
    keywordsFr: text('keywords_fr').array().notNull().default(sql`'{}'`),
    keywordsEn: text('keywords_en').array().notNull().default(sql`'{}'`),
    themes: text('themes').array().notNull(),
    healthCategories: text('health_categories').array().notNull(),
    healthThemes: text('health_themes').array().notNull().default(sql`'{}'`),
    accessRights: text('access_rights').notNull(),
    applicableLegislation: text('applicable_legislation').array().notNull().default(sql`'{}'`),
    publisherId: text('publisher_id')
      .notNull()
      .references(() => dataHolder.id),
    custodianId: text('custodian_id').references(() => dataHolder.id),
    accessBodyId: text('access_body_id').references(() => dataHolder.id),
    contactPoint: jsonb('contact_point').$type<ContactPointJson>().notNull(),
    temporalStart: date('temporal_start'),
    temporalEnd: date('temporal_end'),
    spatial: text('spatial').array().notNull(),
    spatialDetail: jsonb('spatial_detail').$type<LocalizedJson>(),
    codingSystems: text('coding_systems').array().notNull().default(sql`'{}'`),
    numberOfRecords: bigint('number_of_records', { mode: 'number' }),
    numberOfUniqueIndividuals: bigint('number_of_unique_individuals', { mode: 'number' }),
    minTypicalAge: integer('min_typical_age'),
    maxTypicalAge: integer('max_typical_age'),
    populationCoverage: jsonb('population_coverage').$type<LocalizedJson>(),
    personalData: text('personal_data').array().notNull().default(sql`'{}'`),
    legalBasis: text('legal_basis').array().notNull().default(sql`'{}'`),
    purposes: text('purposes').array().notNull().default(sql`'{}'`),
    retentionPeriod: jsonb('retention_period').$type<LocalizedJson>(),
    frequency: text('frequency'),
    issued: date('issued'),
    modified: date('modified'),
    version: text('version'),
    landingPage: text('landing_page'),
    /** The publisher's own IRI of the dataset, when pushed with one (unique: one dataset per IRI). */
    sourceIri: text('source_iri').unique(),
    /** The harvest source the dataset comes from; null for the catalogue's own datasets (which alone may be curated). */
    harvestSourceId: text('harvest_source_id'),
    /** When a harvest of its source last found the record. */
    harvestedAt: timestamp('harvested_at', { withTimezone: true }),
    details: jsonb('details').$type<DatasetDetailsJson>().notNull().default({}),
    ...timestamps,
  },
  (t) => [index('dataset_publisher_idx').on(t.publisherId)],
);
