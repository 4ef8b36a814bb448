import { primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { accessSchema } from './access-schema.js';
import { organisation } from './organisation.js';

/** People of an organisation, known by their token subject. */
export const organisationMember = accessSchema.table(
  'organisation_member',
  {
    organisationId: text('organisation_id')
      .notNull()
      .references(() => organisation.id, { onDelete: 'cascade' }),
    subject: text('subject').notNull(),
    name: text('name').notNull(),
    email: text('email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.subject] })],
);
