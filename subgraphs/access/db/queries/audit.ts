import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';

/** One entry to append to the audit trail. */
export interface AuditEntryInput {
  requestId: string;
  subject: string | null;
  organisationId: string | null;
  roles: readonly string[];
  /** `gateway` or the subgraph writing it. */
  source: string;
  action: string;
  operationName?: string | null;
  documentHash?: string | null;
  datasetIds?: readonly string[];
  outcome: 'SUCCESS' | 'DENIED' | 'FAILED';
  detail?: Record<string, unknown> | null;
}

export interface AuditEntryRow {
  seq: number;
  at: string;
  request_id: string;
  subject: string | null;
  organisation_id: string | null;
  roles: string[];
  source: string;
  action: string;
  operation_name: string | null;
  document_hash: string | null;
  dataset_ids: string[];
  outcome: 'SUCCESS' | 'DENIED' | 'FAILED';
  hash: string;
  previous_hash: string;
}

/** `previous_hash` of the first entry. */
export const GENESIS_HASH = 'GENESIS';

/**
 * Appends entries to the hash chain, in order. Appends are serialised by a transaction-scoped advisory
 * lock, so each entry links to the one before it; the digest is computed by the database
 * (`access.audit_digest`) from the stored values. Throws when an entry cannot be written: callers let
 * that fail the operation. Runs in its own transaction, or as a savepoint of the caller's (then it
 * commits or rolls back with it). Returns one `undefined` per entry (the shape group commit expects).
 */
export async function appendAuditEntries(db: Db, entries: readonly AuditEntryInput[]): Promise<undefined[]> {
  if (entries.length === 0) return [];
  await db.transaction((tx) => writeAuditEntries(tx, entries));
  return entries.map(() => undefined);
}

/** `appendAuditEntries` for a caller that is already in the transaction the entries belong to. */
export async function writeAuditEntries(tx: Db, entries: readonly AuditEntryInput[]): Promise<undefined[]> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('access.audit_event'))`);
  for (const entry of entries) {
    await tx.execute(sql`
      WITH previous AS (
        SELECT coalesce((SELECT hash FROM access.audit_event ORDER BY seq DESC LIMIT 1), ${GENESIS_HASH}) AS hash
      ), now AS (SELECT date_trunc('microseconds', clock_timestamp()) AS at)
      INSERT INTO access.audit_event
        (at, request_id, subject, organisation_id, roles, source, action, operation_name, document_hash, dataset_ids, outcome, detail, previous_hash, hash)
      SELECT now.at, ${entry.requestId}, ${entry.subject}, ${entry.organisationId}, ${sql.param([...entry.roles])}::text[], ${entry.source},
             ${entry.action}, ${entry.operationName ?? null}, ${entry.documentHash ?? null}, ${sql.param([...(entry.datasetIds ?? [])])}::text[],
             ${entry.outcome}, ${entry.detail ? JSON.stringify(entry.detail) : null}::jsonb, previous.hash,
             access.audit_digest(previous.hash, now.at, ${entry.requestId}, ${entry.subject}, ${entry.organisationId},
               ${sql.param([...entry.roles])}::text[], ${entry.source}, ${entry.action}, ${entry.operationName ?? null},
               ${entry.documentHash ?? null}, ${sql.param([...(entry.datasetIds ?? [])])}::text[], ${entry.outcome},
               ${entry.detail ? JSON.stringify(entry.detail) : null}::jsonb)
      FROM previous, now
    `);
  }
  return entries.map(() => undefined);
}

/** Appends one entry to the hash chain (see `appendAuditEntries`). */
export async function appendAuditEntry(db: Db, entry: AuditEntryInput): Promise<void> {
  await appendAuditEntries(db, [entry]);
}

export interface AuditFilterParams {
  subject?: string | undefined;
  organisationId?: string | undefined;
  action?: string | undefined;
  datasetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

/** The SQL conditions of an audit filter. */
function auditConditions(filter: AuditFilterParams): SQL[] {
  const conditions = [sql`true`];
  if (filter.subject !== undefined) conditions.push(sql`subject = ${filter.subject}`);
  if (filter.organisationId !== undefined) conditions.push(sql`organisation_id = ${filter.organisationId}`);
  if (filter.action !== undefined) conditions.push(sql`action = ${filter.action}`);
  if (filter.datasetId !== undefined) conditions.push(sql`dataset_ids @> ${sql.param([filter.datasetId])}::text[]`);
  if (filter.from !== undefined) conditions.push(sql`at >= ${filter.from}::timestamptz`);
  if (filter.to !== undefined) conditions.push(sql`at < ${filter.to}::timestamptz`);
  return conditions;
}

/** How many entries match the filter. */
export async function countAuditEntries(db: Db, filter: AuditFilterParams): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM access.audit_event WHERE ${sql.join(auditConditions(filter), sql` AND `)}`);
  return row?.n ?? 0;
}

/** Audit entries matching the filter, newest first, starting below `beforeSeq`. */
export async function listAuditEntries(db: Db, filter: AuditFilterParams, limit: number, beforeSeq?: number): Promise<AuditEntryRow[]> {
  const conditions = auditConditions(filter);
  if (beforeSeq !== undefined) conditions.push(sql`seq < ${beforeSeq}`);
  return queryRows<AuditEntryRow>(
    db,
    sql`SELECT seq::int AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at, request_id, subject, organisation_id, roles,
               source, action, operation_name, document_hash, dataset_ids, outcome, hash, previous_hash
        FROM access.audit_event WHERE ${sql.join(conditions, sql` AND `)} ORDER BY seq DESC LIMIT ${limit}`,
  );
}

/**
 * Recomputes every entry's digest and link in one pass and returns the first entry that does not match
 * (altered content, or a link to anything but the entry before it), or null when the chain holds.
 */
export async function verifyAuditChain(db: Db): Promise<{ entriesChecked: number; firstBrokenSeq: number | null }> {
  const [row] = await queryRows<{ checked: number; first_broken: number | null }>(
    db,
    sql`SELECT count(*)::int AS checked,
               min(seq) FILTER (WHERE broken)::int AS first_broken
        FROM (
          SELECT seq,
                 hash <> access.audit_digest(previous_hash, at, request_id, subject, organisation_id, roles, source, action,
                                             operation_name, document_hash, dataset_ids, outcome, detail)
                 OR previous_hash <> coalesce(lag(hash) OVER (ORDER BY seq), ${GENESIS_HASH}) AS broken
          FROM access.audit_event
        ) chain`,
  );
  return { entriesChecked: row?.checked ?? 0, firstBrokenSeq: row?.first_broken ?? null };
}
