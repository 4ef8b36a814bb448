/**
 * The webhook drill (`npm run drill:webhooks [-- --json]`). It starts the whole service in this process
 * (on the embedded database, or on PostgreSQL with DRILL_DATABASE_URL, a database of its own it creates),
 * a receiver of its own on loopback, and two subscriptions to it: a partner organisation's and an
 * internal one. It then makes a known set of changes (a curation, a permit granted and revoked, an
 * upstream run that fails and a source whose schema changes), takes the receiver down for a while
 * (it answers 503, then refuses connections) and brings it back, and checks that every event each
 * subscriber may see arrived exactly once after deduplication by `webhook-id`, in the subscription's
 * order, with a valid Standard Webhooks signature. The last line (with --json):
 * {"emitted": n, "delivered": n, "duplicatesAfterDedup": 0, "lost": n, "outOfOrder": n, "badSignatures": n}
 */
import '../../platform/no-telemetry.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { z } from 'zod';
import type { Database } from '../../platform/db/database.js';
import { ensureDatabase } from '../../platform/db/ensure-database.js';
import { openDatabase } from '../../platform/db/open-database.js';
import { createLogger } from '../../platform/logger.js';
import { prepareDatabase } from '../../platform/server/start-services.js';
import { startTestStack, type TestStack } from '../../test/support/start-stack.js';
import { testServices } from '../../test/support/test-services.js';

const env = z
  .object({
    DRILL_DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//).optional(),
    DRILL_RECEIVER_DOWN_SECONDS: z.coerce.number().min(0).max(120).default(4),
  })
  .parse(process.env);
const json = process.argv.includes('--json');
const say = (line: string) => {
  if (!json) console.log(line);
  else console.error(line);
};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Arrival {
  subscription: string;
  webhookId: string;
  eventId: string;
  sequence: number;
  signatureValid: boolean;
}

/** The drill's receiver: records every request; answers 503 while `failing`; can stop listening altogether. */
class Receiver {
  readonly arrivals: Arrival[] = [];
  /** Requests answered 503 during the outage. */
  refused = 0;
  failing = false;
  private server: http.Server | undefined;
  private port = 0;
  constructor(private readonly secrets: Map<string, string>) {}

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        if (this.failing) {
          this.refused++;
          return void res.writeHead(503).end();
        }
        const subscription = new URL(req.url ?? '/', 'http://receiver').searchParams.get('s') ?? '';
        let signatureValid = false;
        let parsed: { data?: { id?: string }; subscription?: { sequence?: number } } = {};
        try {
          parsed = new Webhook(this.secrets.get(subscription) ?? 'whsec_AAAA').verify(body, req.headers as Record<string, string>) as typeof parsed;
          signatureValid = true;
        } catch {
          parsed = JSON.parse(body) as typeof parsed;
        }
        this.arrivals.push({ subscription, webhookId: String(req.headers['webhook-id']), eventId: parsed.data?.id ?? '', sequence: parsed.subscription?.sequence ?? 0, signatureValid });
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(this.port, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  }
}

let database: Database | undefined;
let stack: TestStack | undefined;
const secrets = new Map<string, string>();
const receiver = new Receiver(secrets);
try {
  if (env.DRILL_DATABASE_URL) await ensureDatabase(env.DRILL_DATABASE_URL);
  database = await openDatabase({ url: env.DRILL_DATABASE_URL });
  await prepareDatabase(database, testServices, { seed: true, logger: createLogger('silent') });
  stack = await startTestStack(database);
  const running = stack;
  const token = (roles: Parameters<TestStack['identity']['token']>[0], organisation?: string, subject?: string) => running.identity.token(roles, organisation, subject);
  const tokens = {
    steward: await token('data-steward', undefined, 'drill-steward'),
    reviewer: await token('hdab-reviewer', undefined, 'drill-reviewer'),
    pipeline: await token('pipeline', undefined, 'drill-pipeline'),
    partner: await token('researcher', 'inserm', 'drill-alice'),
    admin: await token('admin', undefined, 'drill-admin'),
  };
  const as = (t: string) => ({ authorization: `Bearer ${t}` });
  const ask = async <T>(query: string, variables: Record<string, unknown>, who: string): Promise<T> => {
    const { body } = await running.queryGateway<T>(query, variables, as(who));
    if (body.errors?.length) throw new Error(`${query.slice(0, 60)}: ${JSON.stringify(body.errors)}`);
    return body.data as T;
  };

  // The feed each subscriber reads is the independent count of what was emitted for it.
  const feedOf = async (who: string, from: string | null) => {
    const ids: string[] = [];
    let after: string | null = from;
    for (;;) {
      const data: { changes: { edges: { node: { id: string; type: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } } = await ask(
        `query ($after: String) { changes(after: $after, first: 100, types: [DATASET_CHANGED, APPLICATION_STATUS_CHANGED, PERMIT_GRANTED, PERMIT_REVOKED, RUN_FAILED, SCHEMA_CHANGED]) { edges { node { id type } } pageInfo { hasNextPage endCursor } } }`,
        { after },
        who,
      );
      ids.push(...data.changes.edges.map((e) => e.node.id));
      after = data.changes.pageInfo.endCursor;
      if (!data.changes.pageInfo.hasNextPage) return { ids, end: after };
    }
  };
  // Where each subscriber's feed stands before it subscribes: what follows is owed to its subscription.
  const startOf = { partner: (await feedOf(tokens.partner, null)).end, internal: (await feedOf(tokens.admin, null)).end };
  const url = await receiver.start();
  const subscribe = async (who: string, name: string) => {
    const data = await ask<{ createWebhookSubscription: { subscription: { id: string }; secret: string; error: unknown } }>(
      `mutation ($url: String!) { createWebhookSubscription(input: { url: $url, types: [DATASET_CHANGED, APPLICATION_STATUS_CHANGED, PERMIT_GRANTED, PERMIT_REVOKED, RUN_FAILED, SCHEMA_CHANGED] }) { subscription { id } secret error { code message } } }`,
      { url: `${url}?s=${name}` },
      who,
    );
    if (data.createWebhookSubscription.error) throw new Error(JSON.stringify(data.createWebhookSubscription.error));
    secrets.set(name, data.createWebhookSubscription.secret);
    return data.createWebhookSubscription.subscription.id;
  };
  const subscriptions = { partner: await subscribe(tokens.partner, 'partner'), internal: await subscribe(tokens.admin, 'internal') };
  say(`Receiver at ${url}; subscriptions: ${JSON.stringify(subscriptions)}`);

  // The changes: half before the outage, half during it.
  const curate = (title: string) =>
    ask(
      `mutation ($title: String!) { updateDataset(id: "pmsi-mco", input: { identifier: "pmsi-mco", title: { en: $title }, description: { en: "Hospital stays." }, themes: [HEAL],
        healthCategories: [HRAD], accessRights: RESTRICTED, publisher: "atih", contactPoint: { name: "ATIH" }, spatial: [FRA] }) { error { code } } }`,
      { title },
      tokens.steward,
    );
  const lineage = async (runId: string, eventType: string, at: string, fields: { name: string; type: string }[]) => {
    const response = await fetch(`${running.url}/api/v1/lineage/batch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(tokens.pipeline) },
      body: JSON.stringify([
        {
          eventType,
          eventTime: at,
          run: { runId },
          job: { namespace: 'drill-etl', name: 'build_cohort' },
          inputs: [{ namespace: 'drill-warehouse', name: 'raw_stays', facets: { schema: { _producer: 'urn:drill', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields } } }],
          outputs: [{ namespace: 'drill-warehouse', name: 'cohort', facets: { symlinks: { _producer: 'urn:drill', _schemaURL: 'https://openlineage.io/spec/facets/1-0-1/SymlinksDatasetFacet.json', identifiers: [{ namespace: 'urn:health-metadata-gateway:catalog', name: 'cartographie-pathologies', type: 'CATALOG_DATASET' }] } } }],
          producer: 'urn:drill',
          schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
        },
      ]),
    });
    if (response.status >= 300) throw new Error(`lineage: ${response.status} ${await response.text()}`);
  };
  const permit = async () => {
    const submitted = await ask<{ submitAccessApplication: { application: { id: string } } }>(
      `mutation { submitAccessApplication(input: { principalInvestigator: { name: "Alice" }, authorisedPersons: [{ name: "Alice" }], purpose: SCIENTIFIC_RESEARCH,
        purposeDescription: "A cohort study, for the webhook drill.", datasetIds: ["pmsi-mco"], dataForm: ANONYMISED, secureProcessingEnvironment: "HDH", requestedDurationMonths: 12 }) { application { id } } }`,
      {},
      tokens.partner,
    );
    const id = submitted.submitAccessApplication.application.id;
    await ask(`mutation ($id: ID!) { startReview(id: $id) { error { code } } }`, { id }, tokens.reviewer);
    const decided = await ask<{ decideAccessApplication: { application: { permit: { id: string } } } }>(
      `mutation ($id: ID!) { decideAccessApplication(input: { id: $id, decision: GRANT, reason: "Approved." }) { application { permit { id } } } }`,
      { id },
      tokens.reviewer,
    );
    await ask(`mutation ($id: ID!) { revokePermit(id: $id, reason: "Drill.") { error { code } } }`, { id: decided.decideAccessApplication.application.permit.id }, tokens.reviewer);
  };
  const runId = '0d511100-0000-4000-8000-000000000001';
  await curate('PMSI, curated for the drill');
  await lineage(runId, 'START', '2026-12-01T08:00:00Z', [{ name: 'stay_id', type: 'string' }, { name: 'los', type: 'int' }]);
  await permit();
  say(`Receiver down for ${env.DRILL_RECEIVER_DOWN_SECONDS} s (503, then no listener)...`);
  receiver.failing = true;
  await lineage('0d511100-0000-4000-8000-000000000002', 'COMPLETE', '2026-12-02T08:00:00Z', [{ name: 'stay_id', type: 'string' }, { name: 'los', type: 'bigint' }, { name: 'ward', type: 'string' }]);
  await lineage(runId, 'FAIL', '2026-12-01T09:00:00Z', [{ name: 'stay_id', type: 'string' }, { name: 'los', type: 'bigint' }, { name: 'ward', type: 'string' }]);
  await sleep((env.DRILL_RECEIVER_DOWN_SECONDS * 1000) / 2);
  await receiver.stop();
  await curate('PMSI, curated again during the outage');
  await permit();
  await sleep((env.DRILL_RECEIVER_DOWN_SECONDS * 1000) / 2);
  receiver.failing = false;
  await receiver.start();
  say('Receiver back.');

  const deadline = Date.now() + 60_000;
  const allDelivered = async () => {
    for (const [name, id] of Object.entries(subscriptions)) {
      const who = name === 'partner' ? tokens.partner : tokens.admin;
      const data = await ask<{ webhookSubscription: { pending: { totalCount: number } } }>(
        `query ($id: ID!) { webhookSubscription(id: $id) { pending: deliveries(first: 1, status: PENDING) { totalCount } } }`,
        { id },
        who,
      );
      if (data.webhookSubscription.pending.totalCount > 0) return false;
    }
    return true;
  };
  while (!(await allDelivered()) && Date.now() < deadline) await sleep(200);

  let emitted = 0;
  let delivered = 0;
  let duplicates = 0;
  let lost = 0;
  let outOfOrder = 0;
  let badSignatures = 0;
  for (const name of ['partner', 'internal'] as const) {
    const owed = (await feedOf(name === 'partner' ? tokens.partner : tokens.admin, startOf[name])).ids;
    const arrivals = receiver.arrivals.filter((a) => a.subscription === name);
    badSignatures += arrivals.filter((a) => !a.signatureValid).length;
    // Deduplicated by webhook-id, as a receiver does; the first arrival of each message counts.
    const firstArrivals = new Map<string, Arrival>();
    for (const a of arrivals) if (!firstArrivals.has(a.webhookId)) firstArrivals.set(a.webhookId, a);
    const events = [...firstArrivals.values()];
    const eventIds = events.map((a) => a.eventId);
    duplicates += eventIds.length - new Set(eventIds).size;
    let last = 0;
    for (const a of events) {
      if (a.sequence <= last) outOfOrder++;
      last = a.sequence;
    }
    emitted += owed.length;
    delivered += owed.filter((id) => eventIds.includes(id)).length;
    lost += owed.filter((id) => !eventIds.includes(id)).length;
    say(`${name}: ${owed.length} events owed, ${new Set(eventIds).size} received (${arrivals.length} requests, ${arrivals.length - events.length} repeated).`);
  }
  say(`Requests refused with 503 during the outage: ${receiver.refused}.`);
  const result = { emitted, delivered, duplicatesAfterDedup: duplicates, lost, outOfOrder, badSignatures };
  say(`Result: ${JSON.stringify(result)}`);
  if (json) console.log(JSON.stringify(result));
  process.exitCode = lost === 0 && duplicates === 0 && outOfOrder === 0 && badSignatures === 0 && emitted > 0 ? 0 : 1;
} finally {
  await receiver.stop().catch(() => undefined);
  await stack?.stop();
  await database?.close();
}
