import { bigserial, index, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { accessSchema } from './access-schema.js';

/**
 * The audit trail: append-only (UPDATE, DELETE and TRUNCATE are refused by triggers) and hash-chained:
 * each entry's `hash` covers its content and the previous entry's hash (`access.audit_digest`).
 */
export const auditEvent = accessSchema.table(
  'audit_event',
  {
    seq: bigserial('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    requestId: text('request_id').notNull(),
    subject: text('subject'),
    organisationId: text('organisation_id'),
    roles: text('roles').array().notNull(),
    source: text('source').notNull(),
    action: text('action').notNull(),
    operationName: text('operation_name'),
    documentHash: text('document_hash'),
    datasetIds: text('dataset_ids').array().notNull(),
    outcome: text('outcome', { enum: ['SUCCESS', 'DENIED', 'FAILED'] }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
    previousHash: text('previous_hash').notNull(),
    hash: text('hash').notNull().unique(),
  },
  (t) => [index('audit_event_subject_idx').on(t.subject, t.seq), index('audit_event_datasets_idx').using('gin', t.datasetIds)],
);
