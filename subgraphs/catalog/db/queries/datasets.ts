import { count, inArray } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { dataset } from '../schema/dataset.js';
import { inKeyOrder } from '../../../../platform/db/in-key-order.js';

export type DatasetRow = typeof dataset.$inferSelect;

/** The datasets with these ids, in the order of `ids`, `null` for an unknown id. */
export async function getDatasetsByIds(db: Db, ids: readonly string[]): Promise<(DatasetRow | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(dataset).where(inArray(dataset.id, [...ids]));
  return inKeyOrder(ids, rows, (r) => r.id);
}

/**
 * How many datasets each publisher publishes, in the order of `publisherIds` (0 when none): the number
 * that `datasets(filter: { publishers: [id] })` gives as its `totalCount`.
 */
export async function countDatasetsByPublisher(db: Db, publisherIds: readonly string[]): Promise<number[]> {
  if (publisherIds.length === 0) return [];
  const rows = await db
    .select({ publisherId: dataset.publisherId, count: count().mapWith(Number) })
    .from(dataset)
    .where(inArray(dataset.publisherId, [...publisherIds]))
    .groupBy(dataset.publisherId);
  return inKeyOrder(publisherIds, rows, (r) => r.publisherId, { count: 0 }).map((r) => r.count);
}
