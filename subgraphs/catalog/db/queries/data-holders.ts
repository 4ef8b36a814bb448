import { asc, gt, inArray } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { dataHolder } from '../schema/data-holder.js';
import { inKeyOrder } from '../../../../platform/db/in-key-order.js';

export type DataHolderRow = typeof dataHolder.$inferSelect;

/** The data holders with these ids, in the order of `ids`, `null` for an unknown id. */
export async function getDataHoldersByIds(db: Db, ids: readonly string[]): Promise<(DataHolderRow | null)[]> {
  if (ids.length === 0) return [];
  const rows = await db.select().from(dataHolder).where(inArray(dataHolder.id, [...ids]));
  return inKeyOrder(ids, rows, (r) => r.id);
}

export interface ListDataHoldersParams {
  /** Rows to return (the caller asks for one more to learn whether a next page exists). */
  limit: number;
  /** Return holders whose id sorts after this one. */
  afterId?: string | undefined;
}

/** A page of data holders ordered by id. */
export async function listDataHolders(db: Db, params: ListDataHoldersParams): Promise<DataHolderRow[]> {
  return db
    .select()
    .from(dataHolder)
    .where(params.afterId === undefined ? undefined : gt(dataHolder.id, params.afterId))
    .orderBy(asc(dataHolder.id))
    .limit(params.limit);
}

/** How many data holders there are. */
export async function countDataHolders(db: Db): Promise<number> {
  return db.$count(dataHolder);
}
