import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/database.js';
import { queryRows } from '../platform/db/rows.js';
import { createLogger } from '../platform/logger.js';
import { WebhookDispatcher } from '../subgraphs/access/webhooks/webhook-dispatcher.js';
import { WebhookTargetPolicy } from '../subgraphs/access/webhooks/webhook-target.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

/** A webhook receiver of the test's own, on loopback (the test stack allows 127.0.0.1 as a target). */
interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
}
class Receiver {
  readonly received: Received[] = [];
  /** Answered while down, instead of 200. */
  down = false;
  private readonly server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      if (this.down) {
        res.writeHead(503).end();
        return;
      }
      this.received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  async start(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }
  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
  /** What arrived, once per `webhook-id`, in arrival order. */
  unique(): Received[] {
    const seen = new Set<string>();
    return this.received.filter((r) => !seen.has(String(r.headers['webhook-id'])) && seen.add(String(r.headers['webhook-id'])));
  }
}

let database: Database;
let stack: TestStack;
const receiver = new Receiver();
let target: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  target = await receiver.start();
  tokens.steward = await stack.identity.token('data-steward', undefined, 'hook-steward');
  tokens.reviewer = await stack.identity.token('hdab-reviewer', undefined, 'hook-reviewer');
  tokens.inserm = await stack.identity.token('researcher', 'inserm', 'hook-alice');
  tokens.aphp = await stack.identity.token('researcher', 'aphp', 'hook-bob');
});

afterAll(async () => {
  await stack?.stop();
  await receiver.stop();
  await database?.close();
});

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

const RESULT = 'subscription { id status } secret replayed error { code message }';
type Result = { subscription: { id: string; status: string } | null; secret: string | null; replayed: number | null; error: { code: string; message: string } | null };

async function mutate(who: string, field: string, args: string, variables: Record<string, unknown> = {}): Promise<Result> {
  const { body } = await stack.queryGateway<Record<string, Result>>(`mutation ${args ? `(${args})` : ''} { ${field} { ${RESULT} } }`, variables, as(who));
  expect(body.errors).toBeUndefined();
  return body.data?.[field.split('(')[0] as string] as Result;
}

const subscribe = (who: string, url: string, types: string[], extra = '') =>
  mutate(who, `createWebhookSubscription(input: { url: $url, types: $types${extra} })`, '$url: String!, $types: [ChangeType!]!', { url, types });

async function grantAndRevoke(researcher: string): Promise<string> {
  const submitted = await stack.queryGateway<{ submitAccessApplication: { application: { id: string } } }>(
    `mutation { submitAccessApplication(input: { principalInvestigator: { name: "Alice" }, authorisedPersons: [{ name: "Alice" }], purpose: SCIENTIFIC_RESEARCH,
      purposeDescription: "Outcomes of hospital stays, for the webhooks.", datasetIds: ["pmsi-mco"], dataForm: ANONYMISED,
      secureProcessingEnvironment: "HDH", requestedDurationMonths: 12 }) { application { id } } }`,
    {},
    as(researcher),
  );
  const id = submitted.body.data?.submitAccessApplication.application.id as string;
  await stack.queryGateway(`mutation ($id: ID!) { startReview(id: $id) { error { code } } }`, { id }, as('reviewer'));
  const decided = await stack.queryGateway<{ decideAccessApplication: { application: { permit: { id: string } } } }>(
    `mutation ($id: ID!) { decideAccessApplication(input: { id: $id, decision: GRANT, reason: "Approved." }) { application { permit { id } } } }`,
    { id },
    as('reviewer'),
  );
  const permitId = decided.body.data?.decideAccessApplication.application.permit.id as string;
  await stack.queryGateway(`mutation ($id: ID!) { revokePermit(id: $id, reason: "Ended early.") { error { code } } }`, { id: permitId }, as('reviewer'));
  return permitId;
}

const ACCESS_TYPES = ['APPLICATION_STATUS_CHANGED', 'PERMIT_GRANTED', 'PERMIT_REVOKED'];

describe('webhooks', () => {
  it('refuses targets on private, loopback or link-local networks and plain HTTP, unless allowed', async () => {
    for (const url of ['http://10.0.0.8/hook', 'https://169.254.169.254/latest/meta-data', 'https://[::1]/hook', 'http://example.org/hook', 'https://user:pw@example.org/hook', 'not a url']) {
      const refused = await subscribe('inserm', url, ACCESS_TYPES);
      expect(refused.error?.code, url).toBe('INVALID_INPUT');
      expect(refused.subscription).toBeNull();
    }
    const policy = new WebhookTargetPolicy([]);
    expect(policy.allowsAddress('127.0.0.1')).toBe(false);
    expect(policy.allowsAddress('::ffff:192.168.1.4')).toBe(false);
    expect(policy.allowsAddress('100.64.0.1')).toBe(false);
    expect(policy.allowsAddress('93.184.216.34')).toBe(true);
    expect(new WebhookTargetPolicy(['10.1.0.0/16']).allowsAddress('10.1.2.3')).toBe(true);
    const none = await stack.queryGateway(`mutation { createWebhookSubscription(input: { url: "https://example.org", types: [PERMIT_GRANTED] }) { error { code } } }`);
    expect(none.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it("delivers its organisation's events once each after deduplication, in order, signed, through an outage of the receiver", async () => {
    const created = await subscribe('inserm', target, [...ACCESS_TYPES, 'DATASET_CHANGED']);
    expect(created.error).toBeNull();
    const secret = created.secret as string;
    expect(secret).toMatch(/^whsec_/);
    receiver.down = true;
    const permitId = await grantAndRevoke('inserm');
    await grantAndRevoke('aphp'); // another organisation's: never sent here
    await stack.queryGateway(
      `mutation { updateDataset(id: "pmsi-mco", input: { identifier: "pmsi-mco", title: { en: "PMSI, for the webhooks" }, description: { en: "Hospital stays." }, themes: [HEAL],
        healthCategories: [HRAD], accessRights: RESTRICTED, publisher: "atih", contactPoint: { name: "ATIH" }, spatial: [FRA] }) { error { code } } }`,
      {},
      as('steward'),
    );
    // The receiver refuses for a while: the first delivery is retried, the others wait behind it.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(receiver.received).toHaveLength(0);
    receiver.down = false;
    await expect.poll(() => receiver.unique().length, { timeout: 15_000, interval: 50 }).toBe(6);

    const webhook = new Webhook(secret);
    const payloads = receiver.unique().map((r) => {
      const verified = webhook.verify(r.body, r.headers as Record<string, string>) as { type: string; data: { permitId: string | null; status: string | null }; subscription: { sequence: number } };
      return verified;
    });
    expect(payloads.map((p) => p.subscription.sequence)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(payloads.map((p) => p.type)).toEqual([
      'APPLICATION_STATUS_CHANGED',
      'APPLICATION_STATUS_CHANGED',
      'APPLICATION_STATUS_CHANGED',
      'PERMIT_GRANTED',
      'PERMIT_REVOKED',
      'DATASET_CHANGED',
    ]);
    expect(payloads.filter((p) => p.data.permitId).every((p) => p.data.permitId === permitId)).toBe(true);
    // A forged body does not verify.
    const [first] = receiver.unique();
    expect(() => webhook.verify(`${first?.body} `, first?.headers as Record<string, string>)).toThrow();

    // The delivery log: the first one took several attempts.
    const log = await stack.queryGateway<{ webhookSubscription: { deliveries: { totalCount: number; edges: { node: { sequence: number; status: string; attempts: number; lastStatus: number } }[] } } }>(
      `query ($id: ID!) { webhookSubscription(id: $id) { deliveries(first: 10) { totalCount edges { node { sequence status attempts lastStatus } } } } }`,
      { id: created.subscription?.id },
      as('inserm'),
    );
    const deliveries = log.body.data?.webhookSubscription.deliveries;
    expect(deliveries?.totalCount).toBe(6);
    expect(deliveries?.edges.every((e) => e.node.status === 'DELIVERED' && e.node.lastStatus === 204)).toBe(true);
    expect(deliveries?.edges.find((e) => e.node.sequence === 1)?.node.attempts).toBeGreaterThan(1);
    // Another organisation does not see it, nor can it touch it.
    const other = await stack.queryGateway<{ webhookSubscription: unknown }>(`query ($id: ID!) { webhookSubscription(id: $id) { id } }`, { id: created.subscription?.id }, as('aphp'));
    expect(other.body.data?.webhookSubscription).toBeNull();
    expect((await mutate('aphp', 'pauseWebhookSubscription(id: $id)', '$id: ID!', { id: created.subscription?.id })).error?.code).toBe('NOT_FOUND');

    // Replayed from 5: the same messages (same webhook-id) again, in order.
    const before = receiver.received.length;
    const replay = await mutate('inserm', 'replayWebhookDeliveries(id: $id, fromSequence: 5)', '$id: ID!', { id: created.subscription?.id });
    expect(replay.replayed).toBe(2);
    await expect.poll(() => receiver.received.length - before, { timeout: 10_000, interval: 50 }).toBe(2);
    expect(receiver.received.slice(before).map((r) => r.headers['webhook-id'])).toEqual(receiver.unique().slice(4).map((r) => r.headers['webhook-id']));
    expect(receiver.unique()).toHaveLength(6);

    // Rotated: signed by the new secret and, for a while, by the old one too.
    const rotated = await mutate('inserm', 'rotateWebhookSecret(id: $id)', '$id: ID!', { id: created.subscription?.id });
    expect(rotated.secret).toMatch(/^whsec_/);
    const paused = await mutate('inserm', 'pauseWebhookSubscription(id: $id)', '$id: ID!', { id: created.subscription?.id });
    expect(paused.subscription?.status).toBe('PAUSED');
    const whilePaused = receiver.received.length;
    await grantAndRevoke('inserm');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(receiver.received.length).toBe(whilePaused);
    await mutate('inserm', 'resumeWebhookSubscription(id: $id)', '$id: ID!', { id: created.subscription?.id });
    await expect.poll(() => receiver.unique().length, { timeout: 10_000, interval: 50 }).toBe(11);
    const latest = receiver.unique().at(-1) as Received;
    expect(String(latest.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() => new Webhook(rotated.secret as string).verify(latest.body, latest.headers as Record<string, string>)).not.toThrow();
    expect(() => new Webhook(secret).verify(latest.body, latest.headers as Record<string, string>)).not.toThrow();
    expect((await mutate('inserm', 'deleteWebhookSubscription(id: $id)', '$id: ID!', { id: created.subscription?.id })).error).toBeNull();
  });

  it("sends a researcher's 'downstream of' subscription only what it may see, naming no job or source", async () => {
    const hooks = new Receiver();
    const url = await hooks.start();
    try {
      const created = await subscribe('aphp', url, ['SCHEMA_CHANGED', 'RUN_FAILED', 'DATASET_CHANGED', 'PERMIT_GRANTED'], ', downstreamOf: [{ namespace: "hook-warehouse", name: "raw_visits" }]');
      expect(created.error).toBeNull();
      const post = async (runId: string, eventType: string, at: string, fields: { name: string; type: string }[]) => {
        const response = await fetch(`${stack.url}/api/v1/lineage/batch`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${await stack.identity.token('pipeline', undefined, 'hook-pipeline')}` },
          body: JSON.stringify([
            {
              eventType,
              eventTime: at,
              run: { runId },
              job: { namespace: 'hook-etl', name: 'secret_job' },
              inputs: [{ namespace: 'hook-warehouse', name: 'raw_visits', facets: { schema: { _producer: 'urn:test', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields } } }],
              outputs: ['pmsi-mco', 'cartographie-pathologies'].map((id) => ({
                namespace: 'hook-warehouse',
                name: `out_${id}`,
                facets: { symlinks: { _producer: 'urn:test', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/SymlinksDatasetFacet.json', identifiers: [{ namespace: 'urn:health-metadata-gateway:catalog', name: id, type: 'CATALOG_DATASET' }] } },
              })),
              producer: 'urn:test',
              schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
            },
          ]),
        });
        expect(response.status).toBeLessThan(300);
      };
      await post('0b0b0000-0000-4000-8000-000000000001', 'START', '2026-12-01T08:00:00Z', [{ name: 'visit_id', type: 'string' }]);
      // The subscription's scope is read from the graph as events are queued: the graph exists now.
      await post('0b0b0000-0000-4000-8000-000000000001', 'FAIL', '2026-12-01T09:00:00Z', [{ name: 'visit_id', type: 'string' }, { name: 'ward', type: 'string' }]);
      await grantAndRevoke('inserm'); // another organisation's permit on a dataset in scope
      await stack.queryGateway(
        `mutation { updateDataset(id: "cartographie-pathologies-missing", input: { identifier: "x", title: { en: "x" }, description: { en: "x" }, themes: [HEAL], healthCategories: [HRAD], accessRights: PUBLIC, publisher: "atih", contactPoint: { name: "ATIH" }, spatial: [FRA] }) { error { code } } }`,
        {},
        as('steward'),
      );
      await expect.poll(() => hooks.unique().map((r) => (JSON.parse(r.body) as { type: string }).type).sort(), { timeout: 10_000, interval: 50 }).toEqual(['RUN_FAILED', 'SCHEMA_CHANGED']);
      for (const r of hooks.unique()) {
        const { data } = JSON.parse(r.body) as { data: { datasetIds: string[]; job: unknown; source: unknown; runId: unknown } };
        expect(data.datasetIds).toEqual(['cartographie-pathologies']);
        expect([data.job, data.source, data.runId]).toEqual([null, null, null]);
        expect(r.body).not.toContain('secret_job');
        expect(r.body).not.toContain('raw_visits');
      }
      // Nothing of inserm's permit, nor of pmsi-mco's lineage, ever arrives.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(hooks.received.some((r) => r.body.includes('PERMIT_GRANTED') || r.body.includes('pmsi-mco'))).toBe(false);
      await mutate('aphp', 'deleteWebhookSubscription(id: $id)', '$id: ID!', { id: created.subscription?.id });
    } finally {
      await hooks.stop();
    }
  });

  it('never sends one attempt twice when several dispatchers work at once', async () => {
    const quiet = new Receiver();
    const url = await quiet.start();
    try {
      const created = await subscribe('aphp', url, ACCESS_TYPES);
      await grantAndRevoke('aphp');
      await grantAndRevoke('aphp');
      const policy = new WebhookTargetPolicy(['127.0.0.1']);
      const logger = createLogger('silent');
      const dispatchers = [1, 2, 3].map(() => new WebhookDispatcher(database, { policy, logger, retryBaseMs: 100 }));
      await Promise.all(dispatchers.map((d) => d.pass()));
      await expect.poll(() => quiet.unique().length, { timeout: 10_000, interval: 50 }).toBe(10);
      // The stack's own dispatcher works too: still one request per message.
      expect(quiet.received.length).toBe(quiet.unique().length);
      await mutate('aphp', 'deleteWebhookSubscription(id: $id)', '$id: ID!', { id: created.subscription?.id });
    } finally {
      await quiet.stop();
    }
  });

  it('forgets finished deliveries once past the retention, never pending ones', async () => {
    const kept = new Receiver();
    const url = await kept.start();
    const created = await subscribe('aphp', url, ACCESS_TYPES);
    await grantAndRevoke('aphp');
    await expect.poll(() => kept.unique().length, { timeout: 10_000, interval: 50 }).toBe(5);
    kept.down = true;
    await grantAndRevoke('aphp'); // refused by the receiver: pending, and kept
    await expect
      .poll(async () => (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM access.webhook_delivery WHERE status = 'PENDING'`))[0]?.n, { timeout: 10_000, interval: 50 })
      .toBeGreaterThan(0);
    await mutate('aphp', 'pauseWebhookSubscription(id: $id)', '$id: ID!', { id: created.subscription?.id });
    const [before] = await queryRows<{ finished: number; pending: number }>(
      database.db,
      sql`SELECT count(*) FILTER (WHERE status <> 'PENDING')::int AS finished, count(*) FILTER (WHERE status = 'PENDING')::int AS pending FROM access.webhook_delivery`,
    );
    expect(before?.finished).toBeGreaterThan(0);
    await database.db.execute(sql`UPDATE access.webhook_delivery SET last_attempt_at = now() - interval '31 days', created_at = now() - interval '31 days'`);
    const dispatcher = new WebhookDispatcher(database, { policy: new WebhookTargetPolicy([]), logger: createLogger('silent'), retentionDays: 30 });
    expect(await dispatcher.pruneDeliveries()).toBe(before?.finished);
    const [after] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM access.webhook_delivery`);
    expect(after?.n).toBe(before?.pending);
    expect(before?.pending).toBeGreaterThan(0);
    await kept.stop();
  });
});
