import type { CatalogContext } from '../context.js';
import type { DataHolderRow } from '../db/queries/data-holders.js';
import { countries } from '../vocabulary/countries.js';
import { publisherTypes } from '../vocabulary/publisher-types.js';
import { termOf } from './term.js';

/** Resolvers of `DataHolder`; the parent is a `catalog.data_holder` row. */
export const DataHolder = {
  __resolveReference: (ref: { id: string }, ctx: CatalogContext) => ctx.loaders.dataHolder.load(ref.id),
  publisherType: (row: DataHolderRow, _a: unknown, ctx: CatalogContext) => termOf(publisherTypes, row.publisherType, ctx.language),
  country: (row: DataHolderRow, _a: unknown, ctx: CatalogContext) => termOf(countries, row.country, ctx.language),
  datasetCount: (row: DataHolderRow, _a: unknown, ctx: CatalogContext) => ctx.loaders.datasetCountByPublisher.load(row.id),
};
