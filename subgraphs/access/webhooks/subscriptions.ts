import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { FeedPosition } from '../changes/change-feed.js';
import type { ChangeType } from '../changes/change-streams.js';
import { INTERNAL_OWNER } from '../../catalog/db/queries/saved-searches.js';

/** An OpenLineage dataset (or job) named as the root of a "downstream of" scope. */
export interface LineageSource {
  namespace: string;
  name: string;
}

export interface SubscriptionRow {
  id: string;
  organisationId: string | null;
  createdBy: string;
  ownerRoles: string[];
  url: string;
  types: ChangeType[];
  datasetIds: string[];
  downstreamOf: LineageSource[];
  savedSearchIds: string[];
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: string | null;
  status: 'ACTIVE' | 'PAUSED';
  position: FeedPosition;
  nextSequence: number;
  createdAt: string;
}

export interface DeliveryRow {
  subscriptionId: string;
  sequence: number;
  webhookId: string;
  eventId: string;
  eventType: ChangeType;
  payload: string;
  status: 'PENDING' | 'DELIVERED' | 'DEAD';
  attempts: number;
  nextAttemptAt: string;
  firstAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  deliveredAt: string | null;
  createdAt: string;
}

/** Subscriptions an organisation (or the internal roles, `null`) may hold at most. */
export const MAX_SUBSCRIPTIONS = 20;

/** A new signing secret, as Standard Webhooks writes them (`whsec_` and 32 random bytes in base64). */
export function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const SUBSCRIPTION_COLUMNS = sql`id::text AS id, organisation_id AS "organisationId", created_by AS "createdBy", owner_roles AS "ownerRoles", url, types,
  dataset_ids AS "datasetIds", downstream_of AS "downstreamOf", saved_search_ids::text[] AS "savedSearchIds", secret, previous_secret AS "previousSecret",
  ${iso('previous_secret_until')} AS "previousSecretUntil", status, position, next_sequence::int AS "nextSequence", ${iso('created_at')} AS "createdAt"`;

const DELIVERY_COLUMNS = sql`subscription_id::text AS "subscriptionId", sequence::int AS sequence, webhook_id AS "webhookId", event_id AS "eventId",
  event_type AS "eventType", payload, status, attempts, ${iso('next_attempt_at')} AS "nextAttemptAt", ${iso('first_attempt_at')} AS "firstAttemptAt",
  ${iso('last_attempt_at')} AS "lastAttemptAt", last_status AS "lastStatus", last_error AS "lastError", ${iso('delivered_at')} AS "deliveredAt", ${iso('created_at')} AS "createdAt"`;

function json<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

function subscriptionOf(row: SubscriptionRow): SubscriptionRow {
  return { ...row, downstreamOf: json(row.downstreamOf), position: json(row.position) };
}

/** How many subscriptions `organisationId` (null: internal roles) holds. */
export async function countSubscriptions(db: Db, organisationId: string | null): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM access.webhook_subscription WHERE organisation_id IS NOT DISTINCT FROM ${organisationId}`,
  );
  return row?.n ?? 0;
}

export async function insertSubscription(
  db: Db,
  input: Omit<SubscriptionRow, 'id' | 'previousSecret' | 'previousSecretUntil' | 'status' | 'nextSequence' | 'createdAt'>,
): Promise<SubscriptionRow> {
  const [row] = await queryRows<SubscriptionRow>(
    db,
    sql`INSERT INTO access.webhook_subscription (organisation_id, created_by, owner_roles, url, types, dataset_ids, downstream_of, saved_search_ids, secret, position)
        VALUES (${input.organisationId}, ${input.createdBy}, ${sql.param(input.ownerRoles)}::text[], ${input.url}, ${sql.param(input.types)}::text[],
                ${sql.param(input.datasetIds)}::text[], ${JSON.stringify(input.downstreamOf)}::jsonb, ${sql.param(input.savedSearchIds)}::uuid[], ${input.secret}, ${JSON.stringify(input.position)}::jsonb)
        RETURNING ${SUBSCRIPTION_COLUMNS}`,
  );
  return subscriptionOf(row as SubscriptionRow);
}

/**
 * Of `ids`, the saved searches of the catalogue that `organisationId` (null: the internal roles) keeps.
 * (Read from the catalog's table, as the outboxes are: see the decisions.)
 */
export async function ownSavedSearches(db: Db, organisationId: string | null, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await queryRows<{ id: string }>(
    db,
    sql`SELECT id::text AS id FROM catalog.saved_search WHERE owner = ${savedSearchOwner(organisationId)} AND id::text = ANY(${sql.param([...ids])}::text[])`,
  );
  return new Set(rows.map((r) => r.id));
}

/** How the catalogue names the owner of a saved search: the organisation, or the internal roles' owner. */
export function savedSearchOwner(organisationId: string | null): string {
  return organisationId ?? INTERNAL_OWNER;
}

/** One subscription, or undefined. */
export async function getSubscription(db: Db, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await queryRows<SubscriptionRow>(db, sql`SELECT ${SUBSCRIPTION_COLUMNS} FROM access.webhook_subscription WHERE id = ${id}::uuid`);
  return row ? subscriptionOf(row) : undefined;
}

/** The subscription, locked for the rest of the transaction, when it is active and no other dispatcher holds it. */
export async function lockActiveSubscription(tx: Db, id: string): Promise<SubscriptionRow | undefined> {
  const [row] = await queryRows<SubscriptionRow>(
    tx,
    sql`SELECT ${SUBSCRIPTION_COLUMNS} FROM access.webhook_subscription WHERE id = ${id}::uuid AND status = 'ACTIVE' FOR UPDATE SKIP LOCKED`,
  );
  return row ? subscriptionOf(row) : undefined;
}

/** Subscriptions of `organisationId` (null: the internal roles'), oldest first, after the cursor. */
export async function listSubscriptions(db: Db, organisationId: string | null, limit: number, after?: { at: string; id: string }): Promise<SubscriptionRow[]> {
  const rows = await queryRows<SubscriptionRow>(
    db,
    sql`SELECT ${SUBSCRIPTION_COLUMNS} FROM access.webhook_subscription
        WHERE organisation_id IS NOT DISTINCT FROM ${organisationId}
          AND ${after ? sql`(created_at, id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql`true`}
        ORDER BY created_at, id LIMIT ${limit}`,
  );
  return rows.map(subscriptionOf);
}

/** Applies `change` to subscription `id`; the row after it, or undefined when there is none. */
export async function updateSubscription(
  db: Db,
  id: string,
  change: { status?: 'ACTIVE' | 'PAUSED'; secret?: string; keepPreviousForHours?: number },
): Promise<SubscriptionRow | undefined> {
  const sets = [sql`status = coalesce(${change.status ?? null}, status)`];
  if (change.secret) {
    sets.push(sql`previous_secret = secret`, sql`previous_secret_until = now() + make_interval(hours => ${change.keepPreviousForHours ?? 24})`, sql`secret = ${change.secret}`);
  }
  const [row] = await queryRows<SubscriptionRow>(
    db,
    sql`UPDATE access.webhook_subscription SET ${sql.join(sets, sql`, `)} WHERE id = ${id}::uuid RETURNING ${SUBSCRIPTION_COLUMNS}`,
  );
  return row ? subscriptionOf(row) : undefined;
}

export async function deleteSubscription(db: Db, id: string): Promise<boolean> {
  const rows = await queryRows(db, sql`DELETE FROM access.webhook_subscription WHERE id = ${id}::uuid RETURNING id`);
  return rows.length > 0;
}

/** The subscription's deliveries, newest first, below `beforeSequence`, of `status` when given. */
export async function listDeliveries(db: Db, subscriptionId: string, limit: number, beforeSequence?: number, status?: string): Promise<DeliveryRow[]> {
  return queryRows<DeliveryRow>(
    db,
    sql`SELECT ${DELIVERY_COLUMNS} FROM access.webhook_delivery
        WHERE subscription_id = ${subscriptionId}::uuid
          AND ${beforeSequence === undefined ? sql`true` : sql`sequence < ${beforeSequence}`}
          AND ${status === undefined ? sql`true` : sql`status = ${status}`}
        ORDER BY sequence DESC LIMIT ${limit}`,
  );
}

/** Sends again, in order, every delivery from `fromSequence` on (delivered or dead included); how many. */
export async function replayDeliveries(db: Db, subscriptionId: string, fromSequence: number): Promise<number> {
  const rows = await queryRows(
    db,
    sql`UPDATE access.webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now(), first_attempt_at = NULL, last_error = NULL
        WHERE subscription_id = ${subscriptionId}::uuid AND sequence >= ${fromSequence} RETURNING sequence`,
  );
  return rows.length;
}
