import { sql } from 'drizzle-orm';
import type { Database, Db } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';
import { INTERNAL_ROLES, type Role } from '../../../platform/identity/roles.js';
import type { Logger } from '../../../platform/logger.js';
import { CoalescedRun } from '../../../platform/coalesced-run.js';
import { organisationVisibility, readFeed, SEES_ALL, type ChangeVisibility, type VisibleChange } from '../changes/change-feed.js';
import { publicChange } from '../changes/public-change.js';
import { sendWebhook, type WebhookOutcome } from './send-webhook.js';
import { lockActiveSubscription, savedSearchOwner, type LineageSource, type SubscriptionRow } from './subscriptions.js';
import type { WebhookTargetPolicy } from './webhook-target.js';

export interface WebhookDispatcherOptions {
  policy: WebhookTargetPolicy;
  logger: Logger;
  /** First retry after this, doubling each time up to 4 h (default 5 s). */
  retryBaseMs?: number;
  /** A delivery is retried for this long after its first attempt, then DEAD (default 24 h). */
  retryForMs?: number;
  /** How often to look for work besides notifications (default 1 s). */
  pollMs?: number;
  /** Deliveries sent at once, at most (default 4). */
  concurrency?: number;
  /** Delivered and dead deliveries are forgotten this many days after their last attempt (default 90). */
  retentionDays?: number;
}

/** How long a dispatcher holds a delivery it is sending: longer than any attempt may take. */
const LEASE_SECONDS = 30;
const LONGEST_WAIT_MS = 4 * 60 * 60 * 1000;
/** Events turned into deliveries per subscription and pass, at most. */
const ENQUEUE_PER_PASS = 500;
const PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * Delivers change events to webhook subscriptions, at least once and in each subscription's order,
 * from any number of replicas at once:
 * - enqueue: each active subscription (its row locked, `SKIP LOCKED`) reads the change feed from its
 *   position with its owner's visibility and scope, and turns each matching event into a delivery
 *   numbered in the subscription, in the same transaction as the new position: no event is skipped or
 *   enqueued twice, whatever crashes;
 * - send: only the oldest pending delivery of each subscription is sent (the next waits for it),
 *   claimed for 30 s by an atomic update, so two dispatchers never send the same attempt; a 2xx
 *   delivers it, anything else is retried after 5 s, 10 s, 20 s... (up to 4 h apart) until 24 h after
 *   the first attempt, then the delivery is DEAD and the next one goes.
 */
export class WebhookDispatcher {
  private readonly retryBaseMs: number;
  private readonly retryForMs: number;
  private timer: NodeJS.Timeout | undefined;
  private readonly run: CoalescedRun;
  private readonly stops: (() => Promise<void>)[] = [];
  private lastPrune = 0;

  constructor(
    private readonly database: Database,
    private readonly options: WebhookDispatcherOptions,
  ) {
    this.retryBaseMs = options.retryBaseMs ?? 5000;
    this.retryForMs = options.retryForMs ?? 24 * 60 * 60 * 1000;
    this.run = new CoalescedRun(
      () => this.pass(),
      (error) => options.logger.warn({ err: error }, 'webhook dispatch failed; it will be tried again'),
    );
  }

  /** Starts: hears `change_feed` (events numbered), and looks for due retries every second. */
  async start(): Promise<void> {
    this.stops.push(await this.database.listen('change_feed', (live) => live && this.run.wake()));
    this.timer = setInterval(() => this.run.wake(), this.options.pollMs ?? 1000);
    this.timer.unref();
    this.run.wake();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    for (const stop of this.stops.splice(0)) await stop();
    await this.run.stop();
  }

  /** One whole pass: enqueue for every subscription, then send what is due until nothing is. Tests call it. */
  async pass(): Promise<void> {
    const db = this.database.background;
    if (Date.now() - this.lastPrune > PRUNE_EVERY_MS) {
      this.lastPrune = Date.now();
      await this.pruneDeliveries();
    }
    const active = await queryRows<{ id: string }>(db, sql`SELECT id::text AS id FROM access.webhook_subscription WHERE status = 'ACTIVE' ORDER BY created_at`);
    for (const { id } of active) await this.enqueue(id);
    for (;;) {
      const due = await this.dueHeads();
      if (due.length === 0) return;
      const concurrency = this.options.concurrency ?? 4;
      let sent = 0;
      for (let i = 0; i < due.length; i += concurrency) {
        const outcomes = await Promise.all(due.slice(i, i + concurrency).map((d) => this.attempt(d.subscriptionId, d.sequence)));
        sent += outcomes.filter(Boolean).length;
      }
      if (sent === 0 || this.run.isStopped) return;
    }
  }

  /** Forgets deliveries that ended (delivered or dead) more than the retention ago; how many. */
  async pruneDeliveries(): Promise<number> {
    const rows = await queryRows(
      this.database.background,
      sql`DELETE FROM access.webhook_delivery
          WHERE status IN ('DELIVERED', 'DEAD') AND coalesce(last_attempt_at, created_at) < now() - make_interval(days => ${this.options.retentionDays ?? 90})
          RETURNING sequence`,
    );
    return rows.length;
  }

  /** Turns the subscription's new events into deliveries (see the class). */
  private async enqueue(subscriptionId: string): Promise<void> {
    await this.database.background.transaction(async (tx) => {
      const subscription = await lockActiveSubscription(tx, subscriptionId);
      if (!subscription) return;
      const visibility = ownerVisibility(tx, subscription);
      let position = subscription.position;
      let sequence = Number(subscription.nextSequence);
      const visible: VisibleChange[] = [];
      for (let read = 0; read < ENQUEUE_PER_PASS; ) {
        const page = await readFeed(tx, visibility, { after: position, first: 100, types: subscription.types, pruned: 'skip' });
        if (page.skippedPruned.length > 0) {
          this.options.logger.warn({ subscriptionId, streams: page.skippedPruned }, 'a subscription was behind the change events kept; the pruned ones are not sent');
        }
        read += page.events.length + 1;
        visible.push(...page.events);
        position = page.position;
        if (!page.hasNextPage) break;
      }
      const inScope = visible.length > 0 ? await scopeOf(tx, subscription, visible) : () => false;
      const matched = visible.filter(inScope);
      if (matched.length === 0 && JSON.stringify(position) === JSON.stringify(subscription.position)) return;
      const rows = matched.map((event) => {
        const change = publicChange(event);
        const body = JSON.stringify({ type: change.type, timestamp: change.occurredAt, data: change, subscription: { id: subscriptionId, sequence } });
        return { sequence: sequence++, webhookId: `msg_${event.stream.toLowerCase()}_${event.seq}`, eventId: change.id, eventType: change.type, payload: body };
      });
      if (rows.length > 0) {
        await tx.execute(sql`
          INSERT INTO access.webhook_delivery (subscription_id, sequence, webhook_id, event_id, event_type, payload)
          SELECT ${subscriptionId}::uuid, * FROM unnest(${sql.param(rows.map((r) => r.sequence))}::bigint[], ${sql.param(rows.map((r) => r.webhookId))}::text[],
                                                       ${sql.param(rows.map((r) => r.eventId))}::text[], ${sql.param(rows.map((r) => r.eventType))}::text[],
                                                       ${sql.param(rows.map((r) => r.payload))}::text[])
          ON CONFLICT (subscription_id, event_id) DO NOTHING`);
      }
      await tx.execute(sql`UPDATE access.webhook_subscription SET position = ${JSON.stringify(position)}::jsonb, next_sequence = ${sequence} WHERE id = ${subscriptionId}::uuid`);
    });
  }

  /** The oldest pending delivery of each active subscription, when it is due and not claimed. */
  private dueHeads(): Promise<{ subscriptionId: string; sequence: number }[]> {
    return queryRows<{ subscriptionId: string; sequence: number }>(
      this.database.background,
      sql`SELECT d.subscription_id::text AS "subscriptionId", d.sequence::int AS sequence
          FROM access.webhook_delivery d JOIN access.webhook_subscription s ON s.id = d.subscription_id AND s.status = 'ACTIVE'
          WHERE d.status = 'PENDING' AND d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until < now())
            AND d.sequence = (SELECT min(p.sequence) FROM access.webhook_delivery p WHERE p.subscription_id = d.subscription_id AND p.status = 'PENDING')
          LIMIT 50`,
    );
  }

  /** Claims, sends and records one attempt; false when another dispatcher had claimed it. */
  private async attempt(subscriptionId: string, sequence: number): Promise<boolean> {
    const db = this.database.background;
    const [claimed] = await queryRows<{ url: string; secret: string; previous: string | null; webhookId: string; payload: string; attempts: number; firstAttemptAt: string | null }>(
      db,
      sql`UPDATE access.webhook_delivery AS d SET lease_until = now() + make_interval(secs => ${LEASE_SECONDS}), first_attempt_at = coalesce(d.first_attempt_at, now())
          FROM access.webhook_subscription s
          WHERE d.subscription_id = ${subscriptionId}::uuid AND d.sequence = ${sequence} AND s.id = d.subscription_id AND s.status = 'ACTIVE'
            AND d.status = 'PENDING' AND (d.lease_until IS NULL OR d.lease_until < now())
          RETURNING s.url, s.secret, CASE WHEN s.previous_secret_until > now() THEN s.previous_secret END AS previous, d.webhook_id AS "webhookId", d.payload,
                    d.attempts, to_char(d.first_attempt_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "firstAttemptAt"`,
    );
    if (!claimed) return false;
    const outcome: WebhookOutcome = await sendWebhook(claimed.url, { id: claimed.webhookId, body: claimed.payload, secrets: [claimed.secret, ...(claimed.previous ? [claimed.previous] : [])] }, this.options.policy).catch(
      (error: unknown) => ({ ok: false as const, status: null, error: error instanceof Error ? error.message : String(error) }),
    );
    const attempts = Number(claimed.attempts) + 1;
    if (outcome.ok) {
      await db.execute(sql`
        UPDATE access.webhook_delivery SET status = 'DELIVERED', attempts = ${attempts}, last_attempt_at = now(), last_status = ${outcome.status},
               last_error = NULL, delivered_at = now(), lease_until = NULL
        WHERE subscription_id = ${subscriptionId}::uuid AND sequence = ${sequence}`);
      return true;
    }
    const firstAt = claimed.firstAttemptAt ? Date.parse(claimed.firstAttemptAt) : Date.now();
    const wait = Math.min(this.retryBaseMs * 2 ** (attempts - 1), LONGEST_WAIT_MS) * (0.9 + Math.random() * 0.2);
    const dead = Date.now() + wait - firstAt > this.retryForMs;
    await db.execute(sql`
      UPDATE access.webhook_delivery SET status = ${dead ? 'DEAD' : 'PENDING'}, attempts = ${attempts}, last_attempt_at = now(), last_status = ${outcome.status},
             last_error = ${outcome.error.slice(0, 500)}, next_attempt_at = now() + make_interval(secs => ${wait / 1000}), lease_until = NULL
      WHERE subscription_id = ${subscriptionId}::uuid AND sequence = ${sequence}`);
    if (dead) this.options.logger.warn({ subscriptionId, sequence, attempts, error: outcome.error }, 'webhook delivery dead after its last retry');
    return true;
  }
}

/**
 * Which of `events` the subscription is about. A saved search's DATASET_MATCHED_SAVED_SEARCH events go
 * to subscriptions of the search's owner only (of those searches, when it names some). With a scope,
 * an event must touch a catalogue dataset in it: those the subscription names, those downstream of the
 * lineage sources it names (read from the lineage graph now), and those that match its saved searches
 * or left them lately (the catalogue keeps leavers 30 days), so that the change that took a dataset
 * out of a search still reaches it.
 */
async function scopeOf(db: Db, subscription: SubscriptionRow, events: readonly VisibleChange[]): Promise<(event: VisibleChange) => boolean> {
  const owner = savedSearchOwner(subscription.organisationId);
  const searches = new Set(subscription.savedSearchIds ?? []);
  const ownMatch = (e: VisibleChange) =>
    e.type !== 'DATASET_MATCHED_SAVED_SEARCH' || (e.organisationId === owner && (searches.size === 0 || searches.has(String(e.detail.savedSearchId))));
  const sources: LineageSource[] = subscription.downstreamOf ?? [];
  if (subscription.datasetIds.length === 0 && sources.length === 0 && searches.size === 0) return ownMatch;
  const scope = new Set(subscription.datasetIds);
  if (sources.length > 0) {
    const rows = await queryRows<{ id: string }>(
      db,
      sql`SELECT DISTINCT unnest(lineage.catalogue_ids_downstream(n.id)) AS id
          FROM lineage.node n, unnest(${sql.param(sources.map((s) => s.namespace))}::text[], ${sql.param(sources.map((s) => s.name))}::text[]) AS s(namespace, name)
          WHERE n.namespace = s.namespace AND n.name = s.name`,
    );
    for (const r of rows) scope.add(r.id);
  }
  if (searches.size > 0) {
    const touched = [...new Set(events.flatMap((e) => e.datasetIds))];
    const rows = await queryRows<{ id: string }>(
      db,
      sql`SELECT DISTINCT dataset_id AS id FROM catalog.saved_search_match
          WHERE saved_search_id = ANY(${sql.param([...searches])}::uuid[]) AND dataset_id = ANY(${sql.param(touched)}::text[])`,
    );
    for (const r of rows) scope.add(r.id);
  }
  return (e) => ownMatch(e) && e.datasetIds.some((id) => scope.has(id));
}

/**
 * What the subscription's owner may see, without a request to ask as: internal roles everything; an
 * organisation what `organisationVisibility` lets it see, the catalogue's PUBLIC datasets read
 * directly, as no caller's token is at hand.
 */
function ownerVisibility(db: Db, subscription: SubscriptionRow): ChangeVisibility {
  if (subscription.ownerRoles.some((r) => INTERNAL_ROLES.includes(r as Role))) return SEES_ALL;
  return organisationVisibility(db, subscription.organisationId ?? '', new Date().toISOString().slice(0, 10), async (ids) => {
    const open = await queryRows<{ id: string }>(db, sql`SELECT id FROM catalog.dataset WHERE access_rights = 'PUBLIC' AND id = ANY(${sql.param([...ids])}::text[])`);
    return new Set(open.map((r) => r.id));
  });
}
