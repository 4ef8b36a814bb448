import { and, count, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { datasetVersion, type DatasetVersionAction } from '../schema/dataset-version.js';
import type { DatasetRecord } from '../../model/dataset-record.js';

export type DatasetVersionRow = typeof datasetVersion.$inferSelect;

/** Who made a curation change, as the verified token says. */
export interface CurationActor {
  subject: string;
  organisation: string | null;
}

export interface NewDatasetVersion {
  datasetId: string;
  action: DatasetVersionAction;
  actor: CurationActor;
  changedFields: string[];
  record: DatasetRecord | null;
  reason?: string | null;
}

/**
 * Appends the next version (the highest so far plus one, 1 for the first) to a dataset's history. Run it
 * in the transaction that made the change, after locking the dataset row (or inserting it), so writers of
 * one dataset take turns; should two writers still race, the unique `(dataset_id, version)` constraint
 * fails the second transaction rather than letting both claim one number.
 */
export async function appendDatasetVersion(db: Db, entry: NewDatasetVersion): Promise<DatasetVersionRow> {
  const [row] = await db
    .insert(datasetVersion)
    .values({
      datasetId: entry.datasetId,
      version: sql`(SELECT coalesce(max(v.version), 0) + 1 FROM catalog.dataset_version v WHERE v.dataset_id = ${entry.datasetId})`,
      action: entry.action,
      actorSubject: entry.actor.subject,
      actorOrganisation: entry.actor.organisation,
      changedFields: entry.changedFields,
      record: entry.record,
      reason: entry.reason ?? null,
    })
    .returning();
  if (!row) throw new Error('INSERT ... RETURNING gave no row');
  return row;
}

export interface DatasetHistoryParams {
  datasetId: string;
  /** Entries to return at most. */
  limit: number;
  /** Only versions below this one (the cursor of the previous page). */
  beforeVersion?: number | undefined;
}

/** A page of a dataset's history, newest first; empty for a dataset that was never curated. */
export async function listDatasetHistory(db: Db, params: DatasetHistoryParams): Promise<DatasetVersionRow[]> {
  return db
    .select()
    .from(datasetVersion)
    .where(
      and(
        eq(datasetVersion.datasetId, params.datasetId),
        params.beforeVersion === undefined ? undefined : lt(datasetVersion.version, params.beforeVersion),
      ),
    )
    .orderBy(desc(datasetVersion.version))
    .limit(params.limit);
}

/** How many history entries a dataset has. */
export async function countDatasetHistory(db: Db, datasetId: string): Promise<number> {
  const [n = 0] = await countDatasetHistories(db, [datasetId]);
  return n;
}

/**
 * The newest `limit` entries of each dataset's history, for many datasets in one statement (a page of
 * datasets asking for their history), in the order of `datasetIds`.
 */
export async function latestDatasetHistories(db: Db, datasetIds: readonly string[], limit: number): Promise<DatasetVersionRow[][]> {
  if (datasetIds.length === 0) return [];
  const ranked = db
    .select({
      datasetId: datasetVersion.datasetId,
      version: datasetVersion.version,
      rank: sql<number>`row_number() OVER (PARTITION BY ${datasetVersion.datasetId} ORDER BY ${datasetVersion.version} DESC)`.as('rank'),
    })
    .from(datasetVersion)
    .where(inArray(datasetVersion.datasetId, [...datasetIds]))
    .as('ranked');
  const rows = await db
    .select({ row: datasetVersion })
    .from(datasetVersion)
    .innerJoin(ranked, and(eq(ranked.datasetId, datasetVersion.datasetId), eq(ranked.version, datasetVersion.version)))
    .where(sql`${ranked.rank} <= ${limit}`)
    .orderBy(desc(datasetVersion.version));
  return datasetIds.map((id) => rows.filter((r) => r.row.datasetId === id).map((r) => r.row));
}

/** How many history entries each dataset has, in the order of `datasetIds`. */
export async function countDatasetHistories(db: Db, datasetIds: readonly string[]): Promise<number[]> {
  if (datasetIds.length === 0) return [];
  const rows = await db
    .select({ datasetId: datasetVersion.datasetId, n: count() })
    .from(datasetVersion)
    .where(inArray(datasetVersion.datasetId, [...datasetIds]))
    .groupBy(datasetVersion.datasetId);
  const byId = new Map(rows.map((r) => [r.datasetId, Number(r.n)]));
  return datasetIds.map((id) => byId.get(id) ?? 0);
}
