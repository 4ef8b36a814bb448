import type { DatasetAccessBody } from '../../dataset-directory.js';
import { date, index, integer, jsonb, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accessSchema } from './access-schema.js';
import { organisation } from './organisation.js';

/** A person named in an application or permit. */
export interface PersonJson {
  name: string;
  email?: string;
}

/** EHDS data access applications and where they are in their lifecycle. */
export const accessApplication = accessSchema.table(
  'access_application',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status', { enum: ['SUBMITTED', 'UNDER_REVIEW', 'GRANTED', 'REFUSED', 'WITHDRAWN'] }).notNull(),
    applicantOrganisationId: text('applicant_organisation_id')
      .notNull()
      .references(() => organisation.id),
    submittedBy: text('submitted_by').notNull(),
    principalInvestigator: jsonb('principal_investigator').$type<PersonJson>().notNull(),
    authorisedPersons: jsonb('authorised_persons').$type<PersonJson[]>().notNull(),
    purpose: text('purpose').notNull(),
    purposeDescription: text('purpose_description').notNull(),
    datasetIds: text('dataset_ids').array().notNull(),
    /** The access body deciding on each dataset, as recorded at submission (EHDS multi-country applications). */
    datasetAccessBodies: jsonb('dataset_access_bodies').$type<DatasetAccessBody[]>().notNull().default([]),
    dataForm: text('data_form', { enum: ['ANONYMISED', 'PSEUDONYMISED'] }).notNull(),
    pseudonymisationJustification: text('pseudonymisation_justification'),
    secureProcessingEnvironment: text('secure_processing_environment').notNull(),
    requestedDurationMonths: integer('requested_duration_months').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
    decisionDueAt: date('decision_due_at').notNull(),
    reviewStartedAt: timestamp('review_started_at', { withTimezone: true }),
    reviewerSubject: text('reviewer_subject'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decisionReason: text('decision_reason'),
  },
  (t) => [
    index('access_application_organisation_idx').on(t.applicantOrganisationId, t.submittedAt),
    index('access_application_datasets_idx').using('gin', t.datasetIds),
  ],
);
