import type { DatasetAccessBody } from '../../dataset-directory.js';
import { date, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accessApplication, type PersonJson } from './access-application.js';
import { accessSchema } from './access-schema.js';
import { organisation } from './organisation.js';

/**
 * Data permits, one per granted application. `EXPIRED` is not stored: a permit is expired when
 * `valid_until` has passed (see `permitStatus`).
 */
export const permit = accessSchema.table(
  'permit',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .unique()
      .references(() => accessApplication.id),
    holderOrganisationId: text('holder_organisation_id')
      .notNull()
      .references(() => organisation.id),
    datasetIds: text('dataset_ids').array().notNull(),
    /** The access body deciding on each dataset, as recorded at submission (EHDS multi-country applications). */
    datasetAccessBodies: jsonb('dataset_access_bodies').$type<DatasetAccessBody[]>().notNull().default([]),
    purpose: text('purpose').notNull(),
    purposeDescription: text('purpose_description').notNull(),
    authorisedPersons: jsonb('authorised_persons').$type<PersonJson[]>().notNull(),
    conditions: text('conditions').array().notNull(),
    validFrom: date('valid_from').notNull(),
    validUntil: date('valid_until').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revocationReason: text('revocation_reason'),
    extensionCount: integer('extension_count').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('permit_holder_idx').on(t.holderOrganisationId), index('permit_datasets_idx').using('gin', t.datasetIds)],
);
