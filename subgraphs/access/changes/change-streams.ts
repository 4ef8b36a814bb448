import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';

/** The three change streams, one per subgraph outbox (`<schema>.change_event`). */
export const CHANGE_STREAMS = ['CATALOG', 'ACCESS', 'LINEAGE'] as const;
export type ChangeStream = (typeof CHANGE_STREAMS)[number];

/** Every change type, and the stream that carries it. */
export const CHANGE_TYPES = {
  DATASET_ADDED: 'CATALOG',
  DATASET_CHANGED: 'CATALOG',
  DATASET_WITHDRAWN: 'CATALOG',
  DATASET_MATCHED_SAVED_SEARCH: 'CATALOG',
  APPLICATION_STATUS_CHANGED: 'ACCESS',
  PERMIT_GRANTED: 'ACCESS',
  PERMIT_EXTENDED: 'ACCESS',
  PERMIT_EXPIRING: 'ACCESS',
  PERMIT_EXPIRED: 'ACCESS',
  PERMIT_REVOKED: 'ACCESS',
  RUN_FAILED: 'LINEAGE',
  SCHEMA_CHANGED: 'LINEAGE',
} as const satisfies Record<string, ChangeStream>;
export type ChangeType = keyof typeof CHANGE_TYPES;

/** One numbered row of a stream, as stored. */
export interface ChangeRow {
  stream: ChangeStream;
  seq: number;
  type: ChangeType;
  occurredAt: string;
  datasetIds: string[];
  organisationId: string | null;
  detail: Record<string, unknown>;
}

const TABLES: Record<ChangeStream, string> = { CATALOG: '"catalog"."change_event"', ACCESS: '"access"."change_event"', LINEAGE: '"lineage"."change_event"' };

/**
 * Up to `limit` numbered rows of `stream` after `afterSeq`, in sequence order, of `types`, and (with
 * `organisationId`) of that organisation only; in the catalogue stream, whose events are everyone's but
 * for those of an organisation's saved searches, of that organisation or of none. Rows not yet numbered are not read: they get numbers
 * above every row read here. (The access subgraph reads the catalog's and lineage's outboxes, which
 * are a published stream: see the decisions.)
 */
export async function readStream(
  db: Db,
  stream: ChangeStream,
  options: { afterSeq: number; limit: number; types: readonly ChangeType[]; organisationId?: string | undefined },
): Promise<ChangeRow[]> {
  const table = sql.raw(TABLES[stream]);
  const organisation =
    options.organisationId === undefined
      ? sql`true`
      : stream === 'CATALOG'
        ? sql`(organisation_id IS NULL OR organisation_id = ${options.organisationId})`
        : sql`organisation_id = ${options.organisationId}`;
  const rows = await queryRows<{ seq: string | number; type: ChangeType; occurred_at: string; dataset_ids: string[]; organisation_id: string | null; detail: unknown }>(
    db,
    sql`SELECT seq, type, to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, dataset_ids, organisation_id, detail
        FROM ${table}
        WHERE seq > ${options.afterSeq} AND type = ANY(${sql.param([...options.types])}::text[]) AND ${organisation}
        ORDER BY seq LIMIT ${options.limit}`,
  );
  return rows.map((r) => ({
    stream,
    seq: Number(r.seq),
    type: r.type,
    occurredAt: r.occurred_at,
    datasetIds: r.dataset_ids,
    organisationId: r.organisation_id,
    detail: (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>,
  }));
}

/** The highest sequence number of each stream now: a reader starting there receives what happens from now on. */
export async function streamHeads(db: Db): Promise<Record<ChangeStream, number>> {
  const heads = sql.join(
    CHANGE_STREAMS.map((stream) => sql`(SELECT coalesce(max(seq), 0) FROM ${sql.raw(TABLES[stream])})::int8 AS ${sql.raw(`"${stream}"`)}`),
    sql`, `,
  );
  const [row] = await queryRows<Record<ChangeStream, string | number>>(db, sql`SELECT ${heads}`);
  return { CATALOG: Number(row?.CATALOG ?? 0), ACCESS: Number(row?.ACCESS ?? 0), LINEAGE: Number(row?.LINEAGE ?? 0) };
}

/** The highest sequence number pruned from each stream (0: none), below which a reader cannot resume. */
export async function streamHorizons(db: Db): Promise<Record<ChangeStream, number>> {
  const [row] = await queryRows<Record<ChangeStream, string | number>>(
    db,
    sql`SELECT (SELECT pruned_through FROM catalog.change_horizon) AS "CATALOG", (SELECT pruned_through FROM access.change_horizon) AS "ACCESS",
               (SELECT pruned_through FROM lineage.change_horizon) AS "LINEAGE"`,
  );
  return { CATALOG: Number(row?.CATALOG ?? 0), ACCESS: Number(row?.ACCESS ?? 0), LINEAGE: Number(row?.LINEAGE ?? 0) };
}
