import { bigserial, index, jsonb, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { accessSchema } from './access-schema.js';

/**
 * The audit trail: append-only (UPDATE, DELETE and TRUNCATE are refused by triggers) and chained: each
 * entry's `hash` authenticates its content, its sequence number and the previous entry's hash, by an
 * HMAC under the audit key (`mac_version` 2), or for entries written before keys by the unkeyed digest
 * `access.audit_digest` (version 1).
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
    /** 1: `hash` is the unkeyed digest of `access.audit_digest` (entries before keys); 2: an HMAC (audit/entry-mac.ts). */
    macVersion: smallint('mac_version').notNull().default(1),
    hash: text('hash').notNull().unique(),
  },
  (t) => [index('audit_event_subject_idx').on(t.subject, t.seq), index('audit_event_datasets_idx').using('gin', t.datasetIds)],
);
