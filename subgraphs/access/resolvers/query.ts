import type { GraphQLResolveInfo } from 'graphql';
import { badInput } from '../../../platform/graphql/errors.js';
import { selectsField } from '../../../platform/graphql/selects-field.js';
import { z } from 'zod';
import { cursorInstant, cursorPositiveInteger, cursorText, cursorUuid } from '../../../platform/graphql/cursor-position.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import type { AccessContext } from '../context.js';
import { countApplications, listApplications, type ApplicationStatus } from '../db/queries/applications.js';
import { countAuditEntries, listAuditEntries, verifyAuditChain, type AuditFilterParams } from '../db/queries/audit.js';
import { countOrganisations, listOrganisations } from '../db/queries/organisations.js';
import { countPermits, listPermits } from '../db/queries/permits.js';
import { requireRole } from '../../../platform/graphql/require-role.js';
import { canSeeOrganisation, visibleOrganisation, OVERSEEING_ROLES } from '../model/policy.js';
import { audit } from './audit.js';
import { readCheckpoints } from '../audit/checkpoints.js';

type Page = { first?: number | null; after?: string | null };

/** Applications, permits and the register are paged by (creation instant, UUID). */
const timePosition = z.tuple([cursorInstant, cursorUuid]);

/** Reads a (time, id) keyset cursor of list `kind`. */
export function timeCursor(kind: string, after: string | null | undefined) {
  if (!after) return undefined;
  const [at, id] = decodeCursor(kind, after, timePosition);
  return { at, id };
}

/** Builds a connection from rows read with one extra row. */
export function connection<Row>(rows: Row[], first: number, cursorOf: (row: Row) => string, totalCount?: number) {
  const edges = rows.slice(0, first).map((node) => ({ cursor: cursorOf(node), node }));
  return { totalCount, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
}

/** Applications the caller may see, optionally naming one dataset; recorded in the audit trail. */
export async function applicationsConnection(ctx: AccessContext, args: Page & { statuses?: ApplicationStatus[] }, datasetId?: string) {
  const organisationId = visibleOrganisation(ctx.caller);
  const first = pageSize(args.first);
  const after = timeCursor('applications', args.after);
  const filter = { organisationId, datasetId, statuses: args.statuses };
  const [rows, total] = await Promise.all([
    listApplications(ctx.db, { ...filter, limit: first + 1, after: after ? { submittedAt: after.at, id: after.id } : undefined }),
    countApplications(ctx.db, filter),
  ]);
  for (const row of rows) ctx.loaders.application.prime(row.id, row);
  await audit(ctx, 'read:accessApplications', 'SUCCESS', datasetId ? [datasetId] : [...new Set(rows.flatMap((r) => r.datasetIds))]);
  return connection(rows, first, (r) => encodeCursor('applications', [r.submittedAt.toISOString(), r.id]), total);
}

/** Permits the caller may see, optionally covering one dataset; recorded in the audit trail. */
export async function permitsConnection(ctx: AccessContext, args: Page, datasetId?: string) {
  const holderOrganisationId = visibleOrganisation(ctx.caller);
  const first = pageSize(args.first);
  const after = timeCursor('permits', args.after);
  const filter = { holderOrganisationId, datasetId };
  const [rows, total] = await Promise.all([
    listPermits(ctx.db, { ...filter, limit: first + 1, after: after ? { createdAt: after.at, id: after.id } : undefined }),
    countPermits(ctx.db, filter),
  ]);
  for (const row of rows) ctx.loaders.permit.prime(row.id, row);
  await audit(ctx, 'read:permits', 'SUCCESS', datasetId ? [datasetId] : [...new Set(rows.flatMap((r) => r.datasetIds))]);
  return connection(rows, first, (r) => encodeCursor('permits', [r.createdAt.toISOString(), r.id]), total);
}

/** Resolvers of the access subgraph's root query fields. */
export const Query = {
  async organisations(_: unknown, args: Page, ctx: AccessContext, info: GraphQLResolveInfo) {
    requireRole(ctx.caller, 'researcher', 'data-steward', 'pipeline', ...OVERSEEING_ROLES);
    const first = pageSize(args.first);
    const afterId = args.after ? decodeCursor('organisations', args.after, z.tuple([cursorText]))[0] : undefined;
    const [rows, total] = await Promise.all([
      listOrganisations(ctx.db, first + 1, afterId),
      selectsField(info, 'totalCount') ? countOrganisations(ctx.db) : undefined,
    ]);
    return connection(rows, first, (r) => encodeCursor('organisations', [r.id]), total);
  },

  async organisation(_: unknown, args: { id: string }, ctx: AccessContext) {
    requireRole(ctx.caller, 'researcher', 'data-steward', 'pipeline', ...OVERSEEING_ROLES);
    return ctx.loaders.organisation.load(args.id);
  },

  async accessApplication(_: unknown, args: { id: string }, ctx: AccessContext) {
    requireRole(ctx.caller, 'researcher', ...OVERSEEING_ROLES);
    const row = await ctx.loaders.application.load(args.id);
    const visible = row && canSeeOrganisation(ctx.caller, row.applicantOrganisationId) ? row : null;
    await audit(ctx, 'read:accessApplication', visible ? 'SUCCESS' : 'DENIED', visible?.datasetIds ?? [], { applicationId: args.id });
    return visible;
  },

  accessApplications: (_: unknown, args: Page & { filter?: { status?: ApplicationStatus[] | null } | null }, ctx: AccessContext) =>
    applicationsConnection(ctx, { ...args, statuses: args.filter?.status ?? undefined }),

  async permit(_: unknown, args: { id: string }, ctx: AccessContext) {
    requireRole(ctx.caller, 'researcher', ...OVERSEEING_ROLES);
    const row = await ctx.loaders.permit.load(args.id);
    const visible = row && canSeeOrganisation(ctx.caller, row.holderOrganisationId) ? row : null;
    await audit(ctx, 'read:permit', visible ? 'SUCCESS' : 'DENIED', visible?.datasetIds ?? [], { permitId: args.id });
    return visible;
  },

  permits: (_: unknown, args: Page, ctx: AccessContext) => permitsConnection(ctx, args),

  async permitRegister(_: unknown, args: Page, ctx: AccessContext, info: GraphQLResolveInfo) {
    const first = pageSize(args.first);
    const after = timeCursor('register', args.after);
    const [rows, total] = await Promise.all([
      listPermits(ctx.db, { limit: first + 1, after: after ? { createdAt: after.at, id: after.id } : undefined }),
      selectsField(info, 'totalCount') ? countPermits(ctx.db, {}) : undefined,
    ]);
    return connection(rows, first, (r) => encodeCursor('register', [r.createdAt.toISOString(), r.id]), total);
  },

  async auditTrail(_: unknown, args: Page & { filter?: Record<string, string | null> | null }, ctx: AccessContext, info: GraphQLResolveInfo) {
    requireRole(ctx.caller, 'auditor', 'admin');
    const first = pageSize(args.first);
    const beforeSeq = args.after
      ? decodeCursor('audit', args.after, z.tuple([cursorPositiveInteger]))[0]
      : undefined;
    const f = args.filter ?? {};
    for (const key of ['from', 'to'] as const) {
      const value = f[key];
      if (value && Number.isNaN(Date.parse(value))) throw badInput(`"filter.${key}" must be an ISO date-time.`, `filter.${key}`);
    }
    const filter: AuditFilterParams = {
      subject: f.subject ?? undefined,
      organisationId: f.organisationId ?? undefined,
      action: f.action ?? undefined,
      datasetId: f.datasetId ?? undefined,
      from: f.from ?? undefined,
      to: f.to ?? undefined,
    };
    const [rows, total] = await Promise.all([
      listAuditEntries(ctx.db, filter, first + 1, beforeSeq),
      selectsField(info, 'totalCount') ? countAuditEntries(ctx.db, filter) : undefined,
    ]);
    await audit(ctx, 'read:auditTrail', 'SUCCESS');
    return connection(rows, first, (r) => encodeCursor('audit', [r.seq]), total);
  },

  async verifyAuditChain(_: unknown, _args: unknown, ctx: AccessContext) {
    requireRole(ctx.caller, 'auditor', 'admin');
    const result = await verifyAuditChain(ctx.db, ctx.audit.key, await readCheckpoints(ctx.audit.checkpointFile));
    const ok = result.firstBrokenSeq === null && !result.truncated;
    await audit(ctx, 'verifyAuditChain', 'SUCCESS', [], { ok, checkpointsChecked: result.checkpointsChecked });
    return { ok, ...result };
  },
};
