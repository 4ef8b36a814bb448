import { inArray } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { dataset } from '../schema/dataset.js';

export type DatasetRow = typeof dataset.$inferSelect;

/** The datasets with these ids, in the order of `ids`, `null` for an unknown id. */
export async function getDatasetsByIds(db: Db, ids: readonly string[]): Promise<(DatasetRow | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(dataset).where(inArray(dataset.id, [...ids]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id) ?? null);
}

/** How many datasets each publisher publishes, in the order of `publisherIds` (0 when none). */
export async function countDatasetsByPublisher(db: Db, publisherIds: readonly string[]): Promise<number[]> {
  if (publisherIds.length === 0) return [];
  const rows = await db
    .select({ publisherId: dataset.publisherId, count: db.$count(dataset).mapWith(Number) })
    .from(dataset)
    .where(inArray(dataset.publisherId, [...publisherIds]))
    .groupBy(dataset.publisherId);
  const byId = new Map(rows.map((r) => [r.publisherId, r.count]));
  return publisherIds.map((id) => byId.get(id) ?? 0);
}
