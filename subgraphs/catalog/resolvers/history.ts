import { z } from 'zod';
import { cursorPositiveInteger } from '../../../platform/graphql/cursor-position.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import type { GraphQLResolveInfo } from 'graphql';
import { selectsField } from '../../../platform/graphql/selects-field.js';
import type { CatalogContext } from '../context.js';
import { listDatasetHistory, type DatasetVersionRow } from '../db/queries/dataset-history.js';
import { HISTORY_READER_ROLES } from '../model/curation-roles.js';
import { requireRole } from '../../../platform/graphql/require-role.js';

interface HistoryArgs {
  first?: number | null;
  after?: string | null;
}

/**
 * A page of a dataset's curation history, newest first, for callers with a history-reading role. Cursors
 * belong to one dataset's history and are refused by another's.
 */
export async function historyConnection(datasetId: string, args: HistoryArgs, ctx: CatalogContext, info: GraphQLResolveInfo) {
  requireRole(ctx.caller, ...HISTORY_READER_ROLES);
  const kind = `datasetHistory:${datasetId}`;
  const first = pageSize(args.first);
  const beforeVersion = args.after
    ? decodeCursor(kind, args.after, z.tuple([cursorPositiveInteger]))[0]
    : undefined;
  // First pages go through loaders, so a page of datasets reads its histories in one statement.
  const [rows, total] = await Promise.all([
    beforeVersion === undefined
      ? ctx.loaders.historyFirstPage.load(`${first + 1}:${datasetId}`)
      : listDatasetHistory(ctx.reads(), { datasetId, limit: first + 1, beforeVersion }),
    selectsField(info, 'totalCount') ? ctx.loaders.historyCount.load(datasetId) : Promise.resolve(null),
  ]);
  const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor(kind, [node.version]), node }));
  return { totalCount: total, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Resolvers of `DatasetHistoryEntry`; the parent is a `catalog.dataset_version` row. */
export const DatasetHistoryEntry = {
  actor: (row: DatasetVersionRow) => ({ subject: row.actorSubject, organisation: row.actorOrganisation }),
  at: (row: DatasetVersionRow) => row.at.toISOString(),
  title: (row: DatasetVersionRow) => (row.record ? { fr: row.record.title.fr ?? null, en: row.record.title.en ?? null } : null),
};
