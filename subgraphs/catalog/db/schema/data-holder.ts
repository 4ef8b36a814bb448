import { boolean, text } from 'drizzle-orm/pg-core';
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
  ...timestamps,
});
