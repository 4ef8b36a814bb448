import { sql } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { queryRows } from '../../../../platform/db/rows.js';
import type { DatasetFilterInput } from '../../resolvers/dataset-search-arguments.js';

/** The owner of the internal roles' saved searches (an organisation id never has a colon). */
export const INTERNAL_OWNER = ':internal';

/** Saved searches an organisation (or the internal roles) may keep at most. */
export const MAX_SAVED_SEARCHES = 50;

/** Datasets a search may match when it is saved, at most: a broader one would watch most of the catalogue. */
export const MAX_WATCHED_MATCHES = 10_000;

/** How long a dataset that left a saved search stays in its scope for subscribers (days). */
export const LEFT_MATCHES_KEPT_DAYS = 30;

export interface SavedSearchRow {
  id: string;
  owner: string;
  createdBy: string;
  name: string;
  search: string | null;
  filter: DatasetFilterInput;
  createdAt: string;
}

const COLUMNS = sql`id::text AS id, owner, created_by AS "createdBy", name, search, filter,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

const rowOf = (row: SavedSearchRow): SavedSearchRow => ({ ...row, filter: (typeof row.filter === 'string' ? JSON.parse(row.filter) : row.filter) as DatasetFilterInput });

export async function countSavedSearches(db: Db, owner: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM catalog.saved_search WHERE owner = ${owner}`);
  return row?.n ?? 0;
}

/** Stores a saved search and the datasets it matches now (`matches`), as current members. */
export async function insertSavedSearch(db: Db, input: Omit<SavedSearchRow, 'id' | 'createdAt'>, matches: readonly string[]): Promise<SavedSearchRow> {
  const [row] = await queryRows<SavedSearchRow>(
    db,
    sql`INSERT INTO catalog.saved_search (owner, created_by, name, search, filter)
        VALUES (${input.owner}, ${input.createdBy}, ${input.name}, ${input.search}, ${JSON.stringify(input.filter)}::jsonb) RETURNING ${COLUMNS}`,
  );
  const saved = rowOf(row as SavedSearchRow);
  if (matches.length > 0) {
    await db.execute(sql`INSERT INTO catalog.saved_search_match (saved_search_id, dataset_id)
                         SELECT ${saved.id}::uuid, unnest(${sql.param([...matches])}::text[])`);
  }
  return saved;
}

export async function getSavedSearch(db: Db, id: string): Promise<SavedSearchRow | undefined> {
  const [row] = await queryRows<SavedSearchRow>(db, sql`SELECT ${COLUMNS} FROM catalog.saved_search WHERE id = ${id}::uuid`);
  return row ? rowOf(row) : undefined;
}

/** `owner`'s saved searches, oldest first, after the cursor. */
export async function listSavedSearches(db: Db, owner: string, limit: number, after?: { at: string; id: string }): Promise<SavedSearchRow[]> {
  const rows = await queryRows<SavedSearchRow>(
    db,
    sql`SELECT ${COLUMNS} FROM catalog.saved_search
        WHERE owner = ${owner} AND ${after ? sql`(created_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql`true`}
        ORDER BY created_at, id LIMIT ${limit}`,
  );
  return rows.map(rowOf);
}

/** Every saved search, for the matcher. */
export async function allSavedSearches(db: Db): Promise<SavedSearchRow[]> {
  return (await queryRows<SavedSearchRow>(db, sql`SELECT ${COLUMNS} FROM catalog.saved_search ORDER BY created_at, id`)).map(rowOf);
}

export async function deleteSavedSearch(db: Db, id: string): Promise<boolean> {
  return (await queryRows(db, sql`DELETE FROM catalog.saved_search WHERE id = ${id}::uuid RETURNING id`)).length > 0;
}

/** How many datasets the saved search matches now. */
export async function countCurrentMatches(db: Db, id: string): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM catalog.saved_search_match WHERE saved_search_id = ${id}::uuid AND left_at IS NULL`,
  );
  return row?.n ?? 0;
}

/** Of `datasetIds`, those the saved search matches now (current members). */
export async function currentMembers(db: Db, id: string, datasetIds: readonly string[]): Promise<Set<string>> {
  if (datasetIds.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT dataset_id AS id FROM catalog.saved_search_match
        WHERE saved_search_id = ${id}::uuid AND left_at IS NULL AND dataset_id = ANY(${sql.param([...datasetIds])}::text[])`,
  );
  return new Set(rows.map((r) => r.id));
}

/** Makes `joined` current members (again) and marks `left` as gone from the search. */
export async function updateMembers(db: Db, id: string, joined: readonly string[], left: readonly string[]): Promise<void> {
  if (joined.length > 0) {
    await db.execute(sql`
      INSERT INTO catalog.saved_search_match (saved_search_id, dataset_id) SELECT ${id}::uuid, unnest(${sql.param([...joined])}::text[])
      ON CONFLICT (saved_search_id, dataset_id) DO UPDATE SET matched_at = now(), left_at = NULL`);
  }
  if (left.length > 0) {
    await db.execute(sql`
      UPDATE catalog.saved_search_match SET left_at = now()
      WHERE saved_search_id = ${id}::uuid AND left_at IS NULL AND dataset_id = ANY(${sql.param([...left])}::text[])`);
  }
}

/** Forgets datasets that left a saved search more than `LEFT_MATCHES_KEPT_DAYS` ago. */
export async function pruneLeftMembers(db: Db): Promise<void> {
  await db.execute(sql`DELETE FROM catalog.saved_search_match WHERE left_at < now() - make_interval(days => ${LEFT_MATCHES_KEPT_DAYS})`);
}
