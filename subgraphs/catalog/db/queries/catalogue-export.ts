import { asc, gte } from 'drizzle-orm';
import type { Db } from '../../../../platform/db/database.js';
import { dataset } from '../schema/dataset.js';
import type { DatasetRow } from './datasets.js';

export interface CataloguePageParams {
  /** Datasets to skip (page size times the page index). */
  offset: number;
  /** Datasets to return at most. */
  limit: number;
  /** Only datasets whose catalogue record changed at or after this instant. */
  modifiedSince?: Date | undefined;
}

/**
 * A page of the catalogue for the RDF export, in id order (stable from page to page), with the number of
 * datasets matching the filter. Two statements whatever the page size.
 */
export async function listCataloguePage(db: Db, params: CataloguePageParams): Promise<{ total: number; rows: DatasetRow[] }> {
  const filter = params.modifiedSince === undefined ? undefined : gte(dataset.updatedAt, params.modifiedSince);
  const [total, rows] = await Promise.all([
    db.$count(dataset, filter),
    db.select().from(dataset).where(filter).orderBy(asc(dataset.id)).limit(params.limit).offset(params.offset),
  ]);
  return { total, rows };
}
