import { boolean, jsonb, text } from 'drizzle-orm/pg-core';
import type { LocalizedJson } from './dataset.js';
import { catalogSchema } from './catalog-schema.js';
import { timestamps } from './timestamps.js';

/** Organisations that publish, hold or grant access to datasets (`foaf:Agent` with a publisher type). */
export const dataHolder = catalogSchema.table('data_holder', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  acronym: text('acronym'),
  publisherType: text('publisher_type').notNull(),
  country: text('country').notNull(),
  homepage: text('homepage'),
  email: text('email'),
  isAccessBody: boolean('is_access_body').notNull().default(false),
  /** The organisation's IRI in the record it was imported from (unique: one holder per IRI). */
  sourceIri: text('source_iri').unique(),
  /** The language tag of `name`, when the record that gave it tagged it (such as `en`). */
  nameLanguage: text('name_language'),
  contactPage: text('contact_page'),
  telephone: text('telephone'),
  note: jsonb('note').$type<LocalizedJson>(),
  trustedDataHolder: boolean('trusted_data_holder'),
  /** The harvest source that described the organisation; only that source's harvests change it. Null: the catalogue's own. */
  harvestSourceId: text('harvest_source_id'),
  ...timestamps,
});
