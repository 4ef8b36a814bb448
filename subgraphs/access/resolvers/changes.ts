import { z } from 'zod';
import { cursorSequence } from '../../../platform/graphql/cursor-position.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import { requireRole } from '../../../platform/graphql/require-role.js';
import { isInternal } from '../../../platform/identity/caller.js';
import { INTERNAL_ROLES } from '../../../platform/identity/roles.js';
import { FEED_START, grantedDatasets, readFeed, type ChangeVisibility, type FeedPosition, type VisibleChange } from '../changes/change-feed.js';
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

/** What the caller may see of the change streams (see `readFeed`). */
function visibilityOf(ctx: AccessContext): ChangeVisibility {
  if (isInternal(ctx.caller)) return { seesAll: true, organisationId: undefined, visibleDatasets: async (ids) => new Set(ids) };
  const organisationId = ctx.caller.organisationId ?? '';
  return {
    seesAll: false,
    organisationId,
    async visibleDatasets(ids) {
      const [open, granted] = await Promise.all([ctx.datasets.publicOnes(ids), grantedDatasets(ctx.db, organisationId, ids, ctx.today)]);
      return new Set([...open, ...granted]);
    },
  };
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
      edges: page.events.map((node) => ({ cursor: encodePosition(node.position), node })),
      pageInfo: { hasNextPage: page.hasNextPage, endCursor: encodePosition(page.position) },
    };
  },
};

const text = (value: unknown) => (typeof value === 'string' ? value : null);

/** A change event's fields, from its stored detail (absent where the type does not have them). */
export const ChangeEvent = {
  id: (e: VisibleChange) => `${e.stream.toLowerCase()}:${e.seq}`,
  sequence: (e: VisibleChange) => e.seq,
  fields: (e: VisibleChange) => (e.type === 'DATASET_CHANGED' ? apiFields((e.detail.fields as string[] | undefined) ?? []) : null),
  applicationId: (e: VisibleChange) => text(e.detail.applicationId),
  permitId: (e: VisibleChange) => text(e.detail.permitId),
  status: (e: VisibleChange) => text(e.detail.status),
  previousStatus: (e: VisibleChange) => text(e.detail.previousStatus),
  validUntil: (e: VisibleChange) => text(e.detail.validUntil),
  daysLeft: (e: VisibleChange) => (typeof e.detail.daysLeft === 'number' ? e.detail.daysLeft : null),
  runId: (e: VisibleChange) => text(e.detail.runId),
  job: (e: VisibleChange) => (text(e.detail.jobNamespace) && text(e.detail.jobName) ? { namespace: e.detail.jobNamespace, name: e.detail.jobName } : null),
  source: (e: VisibleChange) =>
    text(e.detail.datasetNamespace) && text(e.detail.datasetName) ? { namespace: e.detail.datasetNamespace, name: e.detail.datasetName } : null,
  schemaChange: (e: VisibleChange) =>
    e.type === 'SCHEMA_CHANGED' ? { added: e.detail.added ?? [], removed: e.detail.removed ?? [], retyped: e.detail.retyped ?? [] } : null,
};

/** The catalogue's columns, as the `Dataset` fields partners know (one field for both languages of a text). */
const FIELD_OF_COLUMN: Readonly<Record<string, string>> = {
  title_fr: 'title',
  title_en: 'title',
  description_fr: 'description',
  description_en: 'description',
  keywords_fr: 'keywords',
  keywords_en: 'keywords',
  publisher_id: 'publisher',
  custodian_id: 'custodian',
  access_body_id: 'accessBody',
  temporal_start: 'temporalCoverage',
  temporal_end: 'temporalCoverage',
  source_iri: 'sourceIri',
  spatial: 'spatialCoverage',
  contact_point: 'contactPoint',
};

/** Changed columns as API field names, each once, sorted. */
function apiFields(columns: readonly string[]): string[] {
  const camel = (c: string) => c.replace(/_([a-z])/g, (_, l: string) => l.toUpperCase());
  return [...new Set(columns.map((c) => FIELD_OF_COLUMN[c] ?? camel(c)))].sort();
}
