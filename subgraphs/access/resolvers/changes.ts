import { z } from 'zod';
import { cursorSequence } from '../../../platform/graphql/cursor-position.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import { requireRole } from '../../../platform/graphql/require-role.js';
import { isInternal } from '../../../platform/identity/caller.js';
import { INTERNAL_ROLES } from '../../../platform/identity/roles.js';
import { FEED_START, organisationVisibility, readFeed, SEES_ALL, type ChangeVisibility, type FeedPosition } from '../changes/change-feed.js';
import { publicChange } from '../changes/public-change.js';
import { CHANGE_TYPES, type ChangeType } from '../changes/change-streams.js';
import type { AccessContext } from '../context.js';
import { audit } from './audit.js';

const position = z.tuple([cursorSequence, cursorSequence, cursorSequence]);

const encodePosition = (p: FeedPosition) => encodeCursor('changes', [p.CATALOG, p.ACCESS, p.LINEAGE]);

function decodePosition(after: string | null | undefined): FeedPosition {
  if (!after) return FEED_START;
  const [CATALOG, ACCESS, LINEAGE] = decodeCursor('changes', after, position);
  return { CATALOG, ACCESS, LINEAGE };
}

/** What the caller may see of the change streams (see `readFeed`); PUBLIC datasets asked of the catalog as the caller. */
function visibilityOf(ctx: AccessContext): ChangeVisibility {
  if (isInternal(ctx.caller)) return SEES_ALL;
  return organisationVisibility(ctx.db, ctx.caller.organisationId ?? '', ctx.today, (ids) => ctx.datasets.publicOnes(ids));
}

type Args = { after?: string | null; first?: number | null; types?: ChangeType[] | null };

export const changesQuery = {
  /** The change feed: researchers (their organisation's view) and internal roles. Recorded in the audit trail. */
  async changes(_: unknown, args: Args, ctx: AccessContext) {
    requireRole(ctx.caller, 'researcher', ...INTERNAL_ROLES);
    const first = pageSize(args.first);
    const types = args.types && args.types.length > 0 ? [...new Set(args.types)] : (Object.keys(CHANGE_TYPES) as ChangeType[]);
    const page = await readFeed(ctx.db, visibilityOf(ctx), { after: decodePosition(args.after), first, types });
    await audit(ctx, 'read:changes', 'SUCCESS', [...new Set(page.events.flatMap((e) => e.datasetIds))]);
    return {
      edges: page.events.map((event) => ({ cursor: encodePosition(event.position), node: publicChange(event) })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: encodePosition(page.position) },
    };
  },
};
