import type { GraphQLResolveInfo } from 'graphql';
import { z } from 'zod';
import { cursorText } from '../../../platform/graphql/cursor-position.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import { selectsField } from '../../../platform/graphql/selects-field.js';
import type { CatalogContext } from '../context.js';
import { countDataHolders, listDataHolders } from '../db/queries/data-holders.js';
import { searchDatasets } from '../db/queries/search-datasets.js';
import { accessRights } from '../vocabulary/access-rights.js';
import { codingSystems, officialCodingSystemCode } from '../vocabulary/coding-systems.js';
import { countries } from '../vocabulary/countries.js';
import { dataThemes } from '../vocabulary/data-themes.js';
import { healthCategories } from '../vocabulary/health-categories.js';
import { healthThemes } from '../vocabulary/health-themes.js';
import { publisherTypes } from '../vocabulary/publisher-types.js';
import { codesOf } from '../vocabulary/term.js';
import { datasetCursor, parseDatasetsArgs, type DatasetsArgs } from './dataset-search-arguments.js';
import { labelFacets } from './facet-label.js';
import { historyConnection } from './history.js';
import { termsOf } from './term.js';

/** Resolvers of the catalog's root query fields. */
export const Query = {
  dataset: (_: unknown, args: { id: string }, ctx: CatalogContext) => ctx.loaders.dataset.load(args.id),

  datasets: async (_: unknown, args: DatasetsArgs, ctx: CatalogContext, info: GraphQLResolveInfo) => {
    const request = parseDatasetsArgs(args, ctx.language);
    const params = {
      search: request.search,
      filter: request.filter,
      order: request.order,
      language: ctx.language,
      first: request.first,
      after: request.after,
      withTotal: selectsField(info, 'totalCount'),
      withFacets: selectsField(info, 'facets'),
    };
    // The same search gives every caller the same page: kept until the catalogue changes.
    const result = ctx.records
      ? await ctx.records.remember('search', JSON.stringify(params), () => searchDatasets(ctx.reads(), params))
      : await searchDatasets(ctx.reads(), params);
    const nodes = await ctx.loaders.dataset.loadMany(result.hits.map((h) => h.id));
    const edges = result.hits.map((hit, i) => ({
      cursor: datasetCursor(request.cursorKind, hit.position),
      // A dataset deleted between the search and the load is dropped rather than returned as null.
      node: nodes[i],
      score: hit.score,
    }));
    const liveEdges = edges.filter((e) => e.node !== null && !(e.node instanceof Error));
    return {
      totalCount: result.total,
      edges: liveEdges,
      pageInfo: { hasNextPage: result.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      facets: result.facets ? await labelFacets(result.facets, ctx) : [],
    };
  },

  dataHolder: (_: unknown, args: { id: string }, ctx: CatalogContext) => ctx.loaders.dataHolder.load(args.id),

  dataHolders: async (_: unknown, args: { first?: number | null; after?: string | null }, ctx: CatalogContext, info: GraphQLResolveInfo) => {
    const first = pageSize(args.first);
    const afterId = args.after
      ? decodeCursor('dataHolders', args.after, z.tuple([cursorText]))[0]
      : undefined;
    const [rows, total] = await Promise.all([
      listDataHolders(ctx.reads(), { limit: first + 1, afterId }),
      selectsField(info, 'totalCount') ? countDataHolders(ctx.reads()) : Promise.resolve(null),
    ]);
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor('dataHolders', [node.id]), node }));
    for (const row of rows) ctx.loaders.dataHolder.prime(row.id, row);
    return { totalCount: total, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },

  datasetHistory: (_: unknown, args: { id: string; first?: number | null; after?: string | null }, ctx: CatalogContext, info: GraphQLResolveInfo) =>
    historyConnection(args.id, args, ctx, info),

  vocabularies: (_: unknown, _args: unknown, ctx: CatalogContext) => {
    const all = <C extends string>(v: Parameters<typeof codesOf<C>>[0]) => termsOf(v, codesOf(v), ctx.language);
    return {
      healthCategories: all(healthCategories),
      healthThemes: all(healthThemes),
      dataThemes: all(dataThemes),
      accessRights: all(accessRights),
      countries: all(countries),
      codingSystems: all(codingSystems).map((t) => ({ ...t, officialCode: officialCodingSystemCode(t.code) })),
      publisherTypes: all(publisherTypes),
    };
  },
};
