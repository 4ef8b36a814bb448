import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { queryRows } from '../../../platform/db/rows.js';
import { cursorInstant, cursorPositiveInteger, cursorUuid } from '../../../platform/graphql/cursor-position.js';
import { decodeCursor, encodeCursor, pageSize } from '../../../platform/graphql/pagination.js';
import { requireRole } from '../../../platform/graphql/require-role.js';
import { isInternal } from '../../../platform/identity/caller.js';
import { INTERNAL_ROLES } from '../../../platform/identity/roles.js';
import { CHANGE_TYPES, streamHeads, type ChangeType } from '../changes/change-streams.js';
import type { AccessContext } from '../context.js';
import {
  countSubscriptions,
  deleteSubscription,
  getSubscription,
  insertSubscription,
  listDeliveries,
  listSubscriptions,
  MAX_SUBSCRIPTIONS,
  newSecret,
  ownSavedSearches,
  replayDeliveries,
  updateSubscription,
  type DeliveryRow,
  type SubscriptionRow,
} from '../webhooks/subscriptions.js';
import { audit } from './audit.js';

const failure = (code: string, message: string) => ({ subscription: null, secret: null, replayed: null, error: { code, message } });

/** Whose subscriptions the caller manages: its organisation's, or (internal roles) the internal ones (`null`). */
function ownerOf(ctx: AccessContext): string | null {
  requireRole(ctx.caller, 'researcher', ...INTERNAL_ROLES);
  return isInternal(ctx.caller) ? null : (ctx.caller.organisationId ?? '');
}

/** The subscription when the caller manages it (another organisation's is as if it did not exist). */
async function mine(ctx: AccessContext, id: string): Promise<SubscriptionRow | undefined> {
  if (!z.uuid().safeParse(id).success) return undefined;
  const found = await getSubscription(ctx.db, id);
  return found && found.organisationId === ownerOf(ctx) ? found : undefined;
}

const input = z.object({
  url: z.string().min(1).max(2048),
  types: z.array(z.enum(Object.keys(CHANGE_TYPES) as [ChangeType, ...ChangeType[]])).min(1, 'name at least one change type'),
  datasetIds: z.array(z.string().min(1).max(200)).max(100).optional().nullable(),
  downstreamOf: z
    .array(z.object({ namespace: z.string().min(1).max(500), name: z.string().min(1).max(500) }))
    .max(20)
    .optional()
    .nullable(),
  savedSearchIds: z.array(z.string().min(1).max(100)).max(10).optional().nullable(),
});

type Id = { id: string };

export const webhookMutations = {
  async createWebhookSubscription(_: unknown, args: { input: unknown }, ctx: AccessContext) {
    const owner = ownerOf(ctx);
    const parsed = input.safeParse(args.input);
    if (!parsed.success) return failure('INVALID_INPUT', parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; '));
    const refusal = ctx.webhooks.policy.refusal(parsed.data.url);
    if (refusal) return failure('INVALID_INPUT', `url: the URL ${refusal}.`);
    const savedSearchIds = [...new Set((parsed.data.savedSearchIds ?? []).map((id) => id.toLowerCase()))];
    const own = await ownSavedSearches(ctx.db, owner, savedSearchIds);
    const unknown = savedSearchIds.find((id) => !own.has(id));
    if (unknown !== undefined) return failure('INVALID_INPUT', `savedSearchIds: the organisation keeps no saved search ${unknown.slice(0, 100)}.`);
    if ((await countSubscriptions(ctx.db, owner)) >= MAX_SUBSCRIPTIONS) return failure('LIMIT_REACHED', `At most ${MAX_SUBSCRIPTIONS} subscriptions per organisation; delete one first.`);
    const secret = newSecret();
    // From now on: a new subscription receives what happens after it was made.
    const position = await streamHeads(ctx.db);
    const subscription = await ctx.db.transaction(async (tx) => {
      const created = await insertSubscription(tx, {
        organisationId: owner,
        createdBy: ctx.caller.subject ?? '',
        ownerRoles: [...ctx.caller.roles],
        url: parsed.data.url,
        types: [...new Set(parsed.data.types)],
        datasetIds: [...new Set(parsed.data.datasetIds ?? [])],
        downstreamOf: parsed.data.downstreamOf ?? [],
        savedSearchIds,
        secret,
        position,
      });
      await audit(ctx, 'createWebhookSubscription', 'SUCCESS', created.datasetIds, { subscriptionId: created.id, url: created.url }, tx);
      return created;
    });
    return { subscription, secret, replayed: null, error: null };
  },
  pauseWebhookSubscription: (_: unknown, args: Id, ctx: AccessContext) => change(ctx, args.id, 'pauseWebhookSubscription', { status: 'PAUSED' }),
  resumeWebhookSubscription: (_: unknown, args: Id, ctx: AccessContext) => change(ctx, args.id, 'resumeWebhookSubscription', { status: 'ACTIVE' }),
  rotateWebhookSecret: (_: unknown, args: Id, ctx: AccessContext) => change(ctx, args.id, 'rotateWebhookSecret', { secret: newSecret() }),
  async deleteWebhookSubscription(_: unknown, args: Id, ctx: AccessContext) {
    const found = await mine(ctx, args.id);
    if (!found) return failure('NOT_FOUND', `No subscription ${args.id}.`);
    await ctx.db.transaction(async (tx) => {
      await deleteSubscription(tx, found.id);
      await audit(ctx, 'deleteWebhookSubscription', 'SUCCESS', found.datasetIds, { subscriptionId: found.id }, tx);
    });
    return { subscription: found, secret: null, replayed: null, error: null };
  },
  async replayWebhookDeliveries(_: unknown, args: Id & { fromSequence: number }, ctx: AccessContext) {
    const found = await mine(ctx, args.id);
    if (!found) return failure('NOT_FOUND', `No subscription ${args.id}.`);
    if (!Number.isInteger(args.fromSequence) || args.fromSequence < 1) return failure('INVALID_INPUT', 'fromSequence: must be 1 or more.');
    const replayed = await ctx.db.transaction(async (tx) => {
      const n = await replayDeliveries(tx, found.id, args.fromSequence);
      await audit(ctx, 'replayWebhookDeliveries', 'SUCCESS', [], { subscriptionId: found.id, fromSequence: args.fromSequence, replayed: n }, tx);
      return n;
    });
    return { subscription: found, secret: null, replayed, error: null };
  },
};

async function change(ctx: AccessContext, id: string, action: string, what: Parameters<typeof updateSubscription>[2]) {
  const found = await mine(ctx, id);
  if (!found) return failure('NOT_FOUND', `No subscription ${id}.`);
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateSubscription(tx, found.id, what);
    await audit(ctx, action, 'SUCCESS', found.datasetIds, { subscriptionId: found.id }, tx);
    return row;
  });
  return { subscription: updated, secret: what.secret ?? null, replayed: null, error: null };
}

const subscriptionPosition = z.tuple([cursorInstant, cursorUuid]);
const deliveryPosition = z.tuple([cursorPositiveInteger]);

export const webhookQueries = {
  async webhookSubscriptions(_: unknown, args: { first?: number | null; after?: string | null }, ctx: AccessContext) {
    const owner = ownerOf(ctx);
    const first = pageSize(args.first);
    const after = args.after ? decodeCursor('webhookSubscriptions', args.after, subscriptionPosition) : undefined;
    const rows = await listSubscriptions(ctx.db, owner, first + 1, after ? { at: after[0], id: after[1] } : undefined);
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor('webhookSubscriptions', [node.createdAt, node.id]), node }));
    return { totalCount: await countSubscriptions(ctx.db, owner), edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },
  webhookSubscription: async (_: unknown, args: Id, ctx: AccessContext) => (await mine(ctx, args.id)) ?? null,
};

export const WebhookSubscription = {
  async deliveries(parent: SubscriptionRow, args: { first?: number | null; after?: string | null; status?: DeliveryRow['status'] | null }, ctx: AccessContext) {
    const first = pageSize(args.first);
    const before = args.after ? decodeCursor('webhookDeliveries', args.after, deliveryPosition)[0] : undefined;
    const status = args.status ?? undefined;
    const rows = await listDeliveries(ctx.db, parent.id, first + 1, before, status);
    const [count] = await queryRows<{ n: number }>(
      ctx.db,
      sql`SELECT count(*)::int AS n FROM access.webhook_delivery WHERE subscription_id = ${parent.id}::uuid AND ${status ? sql`status = ${status}` : sql`true`}`,
    );
    const edges = rows.slice(0, first).map((node) => ({ cursor: encodeCursor('webhookDeliveries', [node.sequence]), node }));
    return { totalCount: count?.n ?? 0, edges, pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null } };
  },
};

export const WebhookDelivery = {
  nextAttemptAt: (d: DeliveryRow) => (d.status === 'PENDING' ? d.nextAttemptAt : null),
};
