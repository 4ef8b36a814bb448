import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';
import { sqlStateOf } from '../../../../platform/graphql/format-error.js';
import type { AuditKey } from '../../audit/audit-key.js';
import { checkpointText, entryMac, entryText, type AuthenticatedEntry, type Checkpoint } from '../../audit/entry-mac.js';

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

/** The chain's last entry, by the primary key's index (read at every locked append). */
export const AUDIT_HEAD_QUERY = sql`SELECT seq::int AS seq, hash FROM access.audit_event ORDER BY access.audit_event.seq DESC LIMIT 1`;

/**
 * The last entry's sequence number and hash, or undefined for an empty trail. (Every ORDER BY here names
 * the table's column: the bare name would sort by the `seq::int` output instead, which no index serves.)
 */
export async function auditHead(db: Db): Promise<{ seq: number; hash: string } | undefined> {
  const [head] = await queryRows<{ seq: number; hash: string }>(db, AUDIT_HEAD_QUERY);
  return head;
}

/**
 * Appends entries to the chain, in order, each authenticated by `key` (`entryMac`: HMAC over the canonical
 * text of its fields, its sequence number and the previous entry's hash). Appends are serialised by a
 * transaction-scoped advisory lock, so each entry links to the one before it. Throws when an entry cannot
 * be written: callers let that fail the operation. Runs in its own transaction, or as a savepoint of the
 * caller's (then it commits or rolls back with it). Returns one `undefined` per entry (the shape group
 * commit expects).
 */
export async function appendAuditEntries(db: Db, key: AuditKey, entries: readonly AuditEntryInput[]): Promise<undefined[]> {
  if (entries.length === 0) return [];
  await db.transaction((tx) => writeAuditEntries(tx, key, entries));
  return entries.map(() => undefined);
}

/** `appendAuditEntries` for a caller that is already in the transaction the entries belong to. */
export async function writeAuditEntries(tx: Db, key: AuditKey, entries: readonly AuditEntryInput[]): Promise<undefined[]> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const head = await auditHead(tx);
  const { rows } = chainRows(key, head ?? { seq: 0, hash: GENESIS_HASH }, entries);
  // One statement for the whole group: a group commit of 200 entries is 4 statements, not 203.
  if (rows.length > 0) await tx.execute(sql`INSERT INTO access.audit_event (${AUDIT_COLUMNS}) VALUES ${sql.join(rows, sql`, `)}`);
  return entries.map(() => undefined);
}

/** The advisory lock key that serialises appends to the chain. */
const AUDIT_CHAIN_LOCK = sql`hashtext('access.audit_event')`;

const AUDIT_COLUMNS = sql.raw(
  'seq, at, request_id, subject, organisation_id, roles, source, action, operation_name, document_hash, dataset_ids, outcome, detail, previous_hash, hash, mac_version',
);

/**
 * The rows that append `entries` after `previous`, each authenticated by `key`, with every value cast to
 * its column's type (so they serve as VALUES of an INSERT and of a sub-select alike), and the new head.
 */
function chainRows(key: AuditKey, previous: { seq: number; hash: string }, entries: readonly AuditEntryInput[]): { rows: SQL[]; head: { seq: number; hash: string } } {
  const rows: SQL[] = [];
  let head = previous;
  for (const input of entries) {
    // Through JSON once, so that the MAC covers the detail exactly as it is read back from jsonb.
    const detail = input.detail ? (JSON.parse(JSON.stringify(input.detail)) as unknown) : null;
    const entry: AuthenticatedEntry = {
      seq: head.seq + 1,
      at: new Date().toISOString(),
      requestId: input.requestId,
      subject: input.subject,
      organisationId: input.organisationId,
      roles: [...input.roles],
      source: input.source,
      action: input.action,
      operationName: input.operationName ?? null,
      documentHash: input.documentHash ?? null,
      datasetIds: [...(input.datasetIds ?? [])],
      outcome: input.outcome,
      detail,
      previousHash: head.hash,
    };
    const hash = entryMac(key, entry);
    rows.push(sql`(${entry.seq}::bigint, ${entry.at}::timestamptz, ${entry.requestId}::text, ${entry.subject}::text, ${entry.organisationId}::text, ${sql.param(entry.roles)}::text[],
              ${entry.source}::text, ${entry.action}::text, ${entry.operationName}::text, ${entry.documentHash}::text, ${sql.param(entry.datasetIds)}::text[], ${entry.outcome}::text,
              ${detail === null ? null : JSON.stringify(detail)}::jsonb, ${entry.previousHash}::text, ${hash}::text, 2::smallint)`);
    head = { seq: entry.seq, hash };
  }
  return { rows, head };
}

/** How long a writer that lost a race for the chain's head uses locked appends before trying its own head again. */
const CONTENDED_MS = 1000;

/**
 * Appends to the chain in one statement per group, with no transaction around it: the writer keeps the
 * head it last wrote or read, and numbers the entries after it. The statement takes the chain's lock
 * before inserting (so it never interleaves with a locked append in progress), and the primary key on
 * `seq` refuses it whole when another writer has appended since. The group is then appended by one
 * locked transaction (lock, read the head, insert), which cannot lose, and so are the writer's groups
 * of the next second: while another writer (another gateway) appends too, racing for the head would
 * only waste statements. For a single writer this is one round trip per group instead of five.
 * Use one group at a time.
 */
export class AuditChainAppender {
  private head: { seq: number; hash: string } | undefined;
  private contendedUntil = 0;

  constructor(
    private readonly db: Db,
    private readonly key: AuditKey,
    private readonly now: () => number = Date.now,
  ) {}

  /** Appends `entries`, in order; resolves once they are committed (one `undefined` per entry). */
  async append(entries: readonly AuditEntryInput[]): Promise<undefined[]> {
    if (entries.length === 0) return [];
    if (this.now() < this.contendedUntil) return this.appendLocked(entries);
    this.head ??= (await auditHead(this.db)) ?? { seq: 0, hash: GENESIS_HASH };
    const { rows, head } = chainRows(this.key, this.head, entries);
    const previous = this.head;
    try {
      // The head this writer knows must still be in the table: after a failover that lost the tail of
      // the trail, numbering after it would leave a gap that no unique key refuses.
      const inserted = await queryRows<{ seq: string | number }>(
        this.db,
        sql`
        INSERT INTO access.audit_event (${AUDIT_COLUMNS})
        SELECT v.* FROM (SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})) AS chain_lock, (VALUES ${sql.join(rows, sql`, `)}) AS v
        WHERE ${previous.seq} = 0 OR EXISTS (SELECT 1 FROM access.audit_event AS h WHERE h.seq = ${previous.seq} AND h.hash = ${previous.hash})
        RETURNING seq`,
      );
      if (inserted.length === 0) return this.appendLocked(entries);
      this.head = head;
      return entries.map(() => undefined);
    } catch (error) {
      this.head = undefined;
      if (sqlStateOf(error) !== '23505') throw error; // not a unique violation: not a lost race
      this.contendedUntil = this.now() + CONTENDED_MS;
      return this.appendLocked(entries);
    }
  }

  private async appendLocked(entries: readonly AuditEntryInput[]): Promise<undefined[]> {
    this.head = undefined;
    return appendAuditEntries(this.db, this.key, entries);
  }
}

/** Appends one entry to the chain (see `appendAuditEntries`). */
export async function appendAuditEntry(db: Db, key: AuditKey, entry: AuditEntryInput): Promise<void> {
  await appendAuditEntries(db, key, [entry]);
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
        FROM access.audit_event WHERE ${sql.join(conditions, sql` AND `)} ORDER BY access.audit_event.seq DESC LIMIT ${limit}`,
  );
}

/** What verification found. */
export interface AuditChainReport {
  entriesChecked: number;
  /** The first entry that does not verify (altered, forged, unlinked), or the first missing one. */
  firstBrokenSeq: number | null;
  /** Entries written before keys (unkeyed digests); they may only precede every keyed entry. */
  unkeyedEntries: number;
  /** Checkpoints whose MAC verified and that were compared with the table. */
  checkpointsChecked: number;
  /** Checkpoint lines whose MAC did not verify under the key (ignored, and reported). */
  checkpointsRefused: number;
  /** True when a verified checkpoint names an entry the table no longer holds (the tail was cut). */
  truncated: boolean;
}

const VERIFY_PAGE = 2000;

/**
 * Verifies the whole chain against `key`, page by page in sequence order: each keyed entry's MAC, each
 * unkeyed entry's digest (recomputed by the database) and that no unkeyed entry follows a keyed one, each
 * link to the entry before, and contiguous sequence numbers. Then each checkpoint (`checkpoints`, read
 * from outside the table) whose MAC verifies must name an entry the table still holds, with that hash:
 * a checkpoint beyond the head means the tail was deleted.
 */
export async function verifyAuditChain(db: Db, key: AuditKey, checkpoints: readonly Checkpoint[] = []): Promise<AuditChainReport> {
  const report: AuditChainReport = { entriesChecked: 0, firstBrokenSeq: null, unkeyedEntries: 0, checkpointsChecked: 0, checkpointsRefused: 0, truncated: false };
  const valid = checkpoints.filter((c) => key.verifies(checkpointText(c), c.mac));
  report.checkpointsRefused = checkpoints.length - valid.length;
  const wanted = new Map<number, string[]>();
  for (const c of valid) wanted.set(c.seq, [...(wanted.get(c.seq) ?? []), c.hash]);
  const broken = (seq: number) => {
    if (report.firstBrokenSeq === null || seq < report.firstBrokenSeq) report.firstBrokenSeq = seq;
  };
  let previous: { seq: number; hash: string } | null = null;
  let keyedSeen = false;
  for (;;) {
    const rows: VerifiedRow[] = await queryRows<VerifiedRow>(
      db,
      sql`SELECT seq::int AS seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, request_id, subject, organisation_id, roles,
                 source, action, operation_name, document_hash, dataset_ids, outcome, detail, previous_hash, hash, mac_version,
                 CASE WHEN mac_version = 1 THEN hash = access.audit_digest(previous_hash, at, request_id, subject, organisation_id, roles, source, action,
                                                                       operation_name, document_hash, dataset_ids, outcome, detail) END AS digest_ok
          FROM access.audit_event WHERE seq > ${previous?.seq ?? -1} ORDER BY access.audit_event.seq LIMIT ${VERIFY_PAGE}`,
    );
    for (const row of rows) {
      report.entriesChecked += 1;
      const expectedPrevious = previous?.hash ?? GENESIS_HASH;
      let ok = row.previous_hash === expectedPrevious;
      if (row.mac_version === 1) {
        report.unkeyedEntries += 1;
        ok &&= row.digest_ok === true && !keyedSeen;
      } else {
        keyedSeen = true;
        ok &&= previous === null || row.seq === previous.seq + 1;
        ok &&= key.verifies(entryText(authenticatedOf(row)), row.hash);
      }
      if (!ok) broken(row.seq);
      for (const hash of wanted.get(row.seq) ?? []) {
        report.checkpointsChecked += 1;
        if (hash !== row.hash) broken(row.seq);
      }
      wanted.delete(row.seq);
      previous = { seq: row.seq, hash: row.hash };
    }
    if (rows.length < VERIFY_PAGE) break;
  }
  // Checkpoints naming entries the table does not hold: cut from the tail (or from the middle, which
  // the links show as well).
  for (const [seq, hashes] of wanted) {
    report.checkpointsChecked += hashes.length;
    if (previous === null || seq > previous.seq) report.truncated = true;
    broken(previous === null ? 1 : Math.min(seq, previous.seq + 1));
  }
  return report;
}

interface VerifiedRow {
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
  outcome: string;
  detail: unknown;
  previous_hash: string;
  hash: string;
  mac_version: number;
  digest_ok: boolean | null;
}

function authenticatedOf(row: VerifiedRow): AuthenticatedEntry {
  return {
    seq: row.seq,
    at: row.at,
    requestId: row.request_id,
    subject: row.subject,
    organisationId: row.organisation_id,
    roles: row.roles,
    source: row.source,
    action: row.action,
    operationName: row.operation_name,
    documentHash: row.document_hash,
    datasetIds: row.dataset_ids,
    outcome: row.outcome,
    detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as unknown) : row.detail,
    previousHash: row.previous_hash,
  };
}
