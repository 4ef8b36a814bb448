import { asc, gte, sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';
import { dataset } from '../schema/dataset.js';
import type { DatasetRow } from './datasets.js';

export interface CataloguePageParams {
  /** Items to skip (page size times the page index). */
  offset: number;
  /** Items to return at most. */
  limit: number;
  /** Only datasets whose catalogue record changed at or after this instant, and withdrawals since then. */
  modifiedSince?: Date | undefined;
}

/** A dataset withdrawn from the catalogue: what an incremental harvester needs to drop its copy. */
export interface Withdrawal {
  readonly id: string;
  /** The IRI its publisher gave it, if it came in a pushed record with one. */
  readonly sourceIri: string | null;
  readonly at: Date;
}

/**
 * A page of the catalogue for the RDF export. Without `modifiedSince`: the datasets in id order (stable
 * from page to page). With it: the datasets changed since, then the datasets withdrawn since (and not
 * added again), both in id order, as one list; `total` counts both. Three statements at most.
 */
export async function listCataloguePage(
  db: Db,
  params: CataloguePageParams,
): Promise<{ total: number; rows: DatasetRow[]; withdrawals: Withdrawal[] }> {
  const filter = params.modifiedSince === undefined ? undefined : gte(dataset.updatedAt, params.modifiedSince);
  const [datasets, withdrawn] = await Promise.all([
    db.$count(dataset, filter),
    params.modifiedSince === undefined ? Promise.resolve(0) : countWithdrawals(db, params.modifiedSince),
  ]);
  const rows =
    params.offset < datasets
      ? await db.select().from(dataset).where(filter).orderBy(asc(dataset.id)).limit(params.limit).offset(params.offset)
      : [];
  const room = params.limit - rows.length;
  const withdrawals =
    params.modifiedSince !== undefined && room > 0 && withdrawn > 0
      ? await listWithdrawals(db, params.modifiedSince, Math.max(0, params.offset - datasets), room)
      : [];
  return { total: datasets + withdrawn, rows, withdrawals };
}

/** Datasets whose latest history entry is a withdrawal at or after `since`, not in the catalogue now. */
const withdrawnSince = (since: Date) => sql`
  FROM (
    SELECT DISTINCT ON (v.dataset_id) v.dataset_id, v.version, v.action, v.at
    FROM catalog.dataset_version v
    ORDER BY v.dataset_id, v.version DESC
  ) latest
  WHERE latest.action = 'WITHDRAWN' AND latest.at >= ${since.toISOString()}
    AND NOT EXISTS (SELECT 1 FROM catalog.dataset d WHERE d.id = latest.dataset_id)`;

async function countWithdrawals(db: Db, since: Date): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(db, sql`SELECT count(*) AS n ${withdrawnSince(since)}`);
  return Number(row?.n ?? 0);
}

async function listWithdrawals(db: Db, since: Date, offset: number, limit: number): Promise<Withdrawal[]> {
  const rows = await queryRows<{ id: string; source_iri: string | null; at: string | Date }>(
    db,
    sql`SELECT latest.dataset_id AS id, latest.at,
          (SELECT p.record->>'iri' FROM catalog.dataset_version p
            WHERE p.dataset_id = latest.dataset_id AND p.version = latest.version - 1) AS source_iri
        ${withdrawnSince(since)}
        ORDER BY latest.dataset_id LIMIT ${limit} OFFSET ${offset}`,
  );
  return rows.map((r) => ({ id: r.id, sourceIri: r.source_iri, at: new Date(r.at) }));
}
