import { pick } from '../../../platform/graphql/language.js';
import type { CatalogContext } from '../context.js';
import type { DistributionRow } from '../db/queries/distributions.js';
import { fileTypes } from '../vocabulary/file-types.js';
import { termOf } from './term.js';

/** Resolvers of `Distribution` (distributions and samples alike); the parent is a `catalog.distribution` row. */
export const Distribution = {
  title: (row: DistributionRow, _a: unknown, ctx: CatalogContext) => pick(row.title, ctx.language) ?? row.accessUrl,
  description: (row: DistributionRow, _a: unknown, ctx: CatalogContext) => pick(row.description, ctx.language),
  rights: (row: DistributionRow, _a: unknown, ctx: CatalogContext) => pick(row.rights, ctx.language),
  format: (row: DistributionRow, _a: unknown, ctx: CatalogContext) => (row.format ? termOf(fileTypes, row.format, ctx.language) : null),
};
