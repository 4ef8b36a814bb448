import { text, timestamp } from 'drizzle-orm/pg-core';
import { accessSchema } from './access-schema.js';

/** Partner organisations (research institutes, hospitals, public bodies) that apply for data access. */
export const organisation = accessSchema.table('organisation', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  country: text('country').notNull(),
  type: text('type', { enum: ['UNIVERSITY', 'RESEARCH_INSTITUTE', 'HOSPITAL', 'PUBLIC_BODY', 'COMPANY', 'NGO'] }).notNull(),
  ror: text('ror'),
  siren: text('siren'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
