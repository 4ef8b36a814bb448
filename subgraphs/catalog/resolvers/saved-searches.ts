import type { GraphQLResolveInfo } from 'graphql';
import { sql } from 'drizzle-orm';
import { GraphQLError } from 'graphql';
import { z } from 'zod';
import { cursorInstant, cursorUuid } from '../../../platform/graphql/cursor-position.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import { requireRole } from '../../../platform/graphql/require-role.js';
import { isInternal } from '../../../platform/identity/caller.js';
import { INTERNAL_ROLES } from '../../../platform/identity/roles.js';
import type { CatalogContext } from '../context.js';
import {
  countCurrentMatches,
  countSavedSearches,
  deleteSavedSearch,
  getSavedSearch,
  insertSavedSearch,
  INTERNAL_OWNER,
  listSavedSearches,
  MAX_SAVED_SEARCHES,
  MAX_WATCHED_MATCHES,
  type SavedSearchRow,
} from '../db/queries/saved-searches.js';
import { matchingDatasetIds } from '../db/queries/search-datasets.js';
import { parseSearchCriteria, type DatasetFilterInput } from './dataset-search-arguments.js';
import { Query } from './query.js';

type ErrorCode = 'INVALID_INPUT' | 'LIMIT_REACHED' | 'SEARCH_TOO_BROAD' | 'NOT_FOUND';
const failure = (code: ErrorCode, message: string, field: string | null = null) => ({ savedSearch: null, error: { code, message, field } });

/** Whose saved searches the caller manages: its organisation's, or (internal roles) the internal ones. */
function ownerOf(ctx: CatalogContext): string {
  requireRole(ctx.caller, 'researcher', ...INTERNAL_ROLES);
  return isInternal(ctx.caller) ? INTERNAL_OWNER : (ctx.caller.organisationId ?? '');
}

/** The saved search when the caller manages it. Always read from the primary: it was perhaps just saved. */
async function mine(ctx: CatalogContext, id: string): Promise<SavedSearchRow | undefined> {
  if (!cursorUuid.safeParse(id).success) return undefined;
  const found = await getSavedSearch(ctx.db, id);
  return found && found.owner === ownerOf(ctx) ? found : undefined;
}

const nameOf = z.string().trim().min(1, 'must not be blank').max(200, 'may be at most 200 characters');

export const savedSearchMutations = {
  async saveSearch(_: unknown, args: { input: { name: string; search?: string | null; filter?: DatasetFilterInput | null } }, ctx: CatalogContext) {
    const owner = ownerOf(ctx);
    const name = nameOf.safeParse(args.input.name);
    if (!name.success) return failure('INVALID_INPUT', `name: ${name.error.issues[0]?.message ?? 'invalid'}.`, 'name');
    let criteria: ReturnType<typeof parseSearchCriteria>;
    try {
      criteria = parseSearchCriteria(args.input.search, args.input.filter);
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      const argument = error.extensions.argument;
      return failure('INVALID_INPUT', error.message, typeof argument === 'string' ? argument : null);
    }
    return ctx.db.transaction(async (tx) => {
      // Counted under a lock of the owner's searches, so that two saves at once cannot pass the limit.
      await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('catalog.saved_search:' || ${owner}))`);
      if ((await countSavedSearches(tx, owner)) >= MAX_SAVED_SEARCHES) {
        return failure('LIMIT_REACHED', `At most ${MAX_SAVED_SEARCHES} saved searches per organisation; delete one first.`);
      }
      const matches = await matchingDatasetIds(tx, criteria, { limit: MAX_WATCHED_MATCHES + 1 });
      if (matches.length > MAX_WATCHED_MATCHES) {
        return failure('SEARCH_TOO_BROAD', `The search matches more than ${MAX_WATCHED_MATCHES} datasets; narrow it (words or filter) to save it.`);
      }
      const filter = args.input.filter ?? {};
      const savedSearch = await insertSavedSearch(tx, { owner, createdBy: ctx.caller.subject ?? '', name: name.data, search: criteria.search ?? null, filter }, matches);
      return { savedSearch, error: null };
    });
  },

  async deleteSavedSearch(_: unknown, args: { id: string }, ctx: CatalogContext) {
    const found = await mine(ctx, args.id);
    if (!found) return failure('NOT_FOUND', `No saved search ${args.id.slice(0, 100)}.`);
    await ctx.db.transaction((tx) => deleteSavedSearch(tx, found.id));
    return { savedSearch: found, error: null };
  },
};

const position = z.tuple([cursorInstant, cursorUuid]);

export const savedSearchQueries = {
  async savedSearches(_: unknown, args: { first?: number | null; after?: string | null }, ctx: CatalogContext) {
    const owner = ownerOf(ctx);
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor('savedSearches', args.after, position) : undefined;
    const rows = await listSavedSearches(ctx.db, owner, first + 1, after ? { at: after[0], id: after[1] } : undefined);
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor('savedSearches', [node.createdAt, node.id]), node }));
    return { totalCount: await countSavedSearches(ctx.db, owner), edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },
  savedSearch: async (_: unknown, args: { id: string }, ctx: CatalogContext) => (await mine(ctx, args.id)) ?? null,
};

export const SavedSearch = {
  matchCount: (parent: SavedSearchRow, _: unknown, ctx: CatalogContext) => countCurrentMatches(ctx.db, parent.id),
  datasets: (parent: SavedSearchRow, args: { orderBy?: string | null; first?: number | null; after?: string | null }, ctx: CatalogContext, info: GraphQLResolveInfo) =>
    Query.datasets(undefined, { ...args, search: parent.search, filter: parent.filter } as Parameters<typeof Query.datasets>[1], ctx, info),
};
