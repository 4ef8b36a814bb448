import { canonicalJson } from '../../../platform/canonical-json.js';
import type { AuditKey } from './audit-key.js';

/** The version of an entry's authentication: 1 = unkeyed SHA-256 digest (entries before keys), 2 = HMAC. */
export type MacVersion = 1 | 2;

/** An entry's fields as they are authenticated, stored and read back. */
export interface AuthenticatedEntry {
  seq: number;
  /** `Date.toISOString()` form: milliseconds, `Z`. */
  at: string;
  requestId: string;
  subject: string | null;
  organisationId: string | null;
  roles: readonly string[];
  source: string;
  action: string;
  operationName: string | null;
  documentHash: string | null;
  datasetIds: readonly string[];
  outcome: string;
  detail: unknown;
  previousHash: string;
}

/**
 * The canonical text an entry's MAC covers: canonical JSON (keys sorted, arrays as arrays, null as null),
 * so that no two different entries share a text (a list `["a","b"]` and the value `"a,b"`, NULL and "",
 * are all told apart), with the sequence number and the previous entry's hash inside.
 */
export function entryText(entry: AuthenticatedEntry): string {
  return canonicalJson({
    v: 2,
    seq: entry.seq,
    at: entry.at,
    requestId: entry.requestId,
    subject: entry.subject,
    organisationId: entry.organisationId,
    roles: [...entry.roles],
    source: entry.source,
    action: entry.action,
    operationName: entry.operationName,
    documentHash: entry.documentHash,
    datasetIds: [...entry.datasetIds],
    outcome: entry.outcome,
    detail: entry.detail ?? null,
    previousHash: entry.previousHash,
  });
}

/** The entry's `hash` column: its HMAC under the audit key. */
export function entryMac(key: AuditKey, entry: AuthenticatedEntry): string {
  return key.mac(entryText(entry));
}

/** A signed statement of the trail's head, written outside the table to detect truncation. */
export interface Checkpoint {
  seq: number;
  hash: string;
  at: string;
  mac: string;
}

/** The text a checkpoint's MAC covers. */
export function checkpointText(checkpoint: Omit<Checkpoint, 'mac'>): string {
  return canonicalJson({ checkpoint: 1, seq: checkpoint.seq, hash: checkpoint.hash, at: checkpoint.at });
}
