import { testAudit } from './support/test-audit.js';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../gateway/start-gateway.js';
import type { Database } from '../platform/db/database.js';
import { queryRows } from '../platform/db/rows.js';
import { createLogger } from '../platform/logger.js';
import { startSubgraphs } from '../platform/server/start-services.js';
import { createAuditWriter } from '../subgraphs/access/audit-writer.js';
import { adminQuery } from './support/postgres-admin.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';
import { createTestIdentity, type TestIdentity } from './support/test-identity.js';
import { runningSubgraphUrls, testServices } from './support/test-services.js';

/**
 * A stand-in for a network path to a subgraph that a test can slow down, cut and restore: it forwards
 * to `target`, after `delayMs`, while it listens; `stop` closes its port, `start` reopens the same one.
 */
class FaultyPath {
  delayMs = 0;
  private server: http.Server | undefined;
  port = 0;
  constructor(private readonly target: URL) {}

  async start(): Promise<void> {
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        setTimeout(() => {
          const upstream = http.request(
            { hostname: this.target.hostname, port: this.target.port, path: req.url, method: req.method, headers: req.headers },
            (answer) => {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              answer.pipe(res);
            },
          );
          upstream.on('error', () => res.destroy());
          upstream.end(Buffer.concat(chunks));
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}/graphql`;
  }
}

describe('the gateway when a subgraph fails', () => {
  let database: Database;
  let identity: TestIdentity;
  let subgraphs: Awaited<ReturnType<typeof startSubgraphs>>;
  let path: FaultyPath;
  let gateway: RunningGateway;
  let steward: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    identity = await createTestIdentity();
    const logger = createLogger('silent');
    subgraphs = await startSubgraphs(database, testServices.map((service) => ({ service, port: 0 })), { host: '127.0.0.1', logger, gatewayPublicKey: identity.identity.gatewayKey.publicKey });
    for (const s of subgraphs) runningSubgraphUrls[s.name] = s.url;
    const urls = Object.fromEntries(subgraphs.map((s) => [s.name, s.url]));
    path = new FaultyPath(new URL(urls.lineage as string));
    await path.start();
    gateway = await startGateway({
      host: '127.0.0.1',
      port: 0,
      subgraphUrls: { ...urls, lineage: path.url },
      logger,
      identity: identity.identity,
      audit: createAuditWriter(database.db, testAudit.key),
      rules: { subgraphTimeoutMs: 500 },
    });
    steward = await identity.token('data-steward', undefined, 'fault-steward');
  });

  afterAll(async () => {
    await gateway?.stop();
    await path?.stop();
    await Promise.allSettled((subgraphs ?? []).map((s) => s.stop()));
    await database?.close();
  });

  // Catalogue data and a lineage lookup in one request.
  const query = '{ datasets(first: 2) { totalCount } job(namespace: "snds", name: "none") { name } }';
  const ask = async () => {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${steward}` },
      body: JSON.stringify({ query }),
    });
    const text = await response.text();
    return { status: response.status, text, body: JSON.parse(text) as { data?: { datasets: { totalCount: number } | null } | null; errors?: { path?: string[]; extensions?: { code?: string; subgraph?: string } }[] } };
  };
  const expectPartial = (a: Awaited<ReturnType<typeof ask>>) => {
    expect(a.status).toBe(200);
    expect(a.body.data?.datasets?.totalCount).toBeGreaterThan(0);
    expect(a.body.errors?.[0]?.extensions).toMatchObject({ code: 'SUBGRAPH_UNAVAILABLE', subgraph: 'lineage' });
    expect(a.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|abort|stack/i);
  };

  it('answers in full while every subgraph answers', async () => {
    const a = await ask();
    expect(a.body.errors).toBeUndefined();
    expect(a.body.data?.datasets?.totalCount).toBeGreaterThan(0);
  });

  it('keeps answering while a subgraph is stopped under load: full or partial answers, never a 500', async () => {
    let running = true;
    const answers: Awaited<ReturnType<typeof ask>>[] = [];
    const clients = Array.from({ length: 4 }, async () => {
      while (running) answers.push(await ask());
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await path.stop();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await path.start();
    await new Promise((resolve) => setTimeout(resolve, 150));
    running = false;
    await Promise.all(clients);
    expect(answers.length).toBeGreaterThan(4);
    for (const a of answers) {
      expect(a.status).toBe(200);
      expect(a.body.data?.datasets?.totalCount).toBeGreaterThan(0);
      if (a.body.errors) expectPartial(a);
    }
    expect(answers.some((a) => a.body.errors)).toBe(true);
    expect((await ask()).body.errors).toBeUndefined();
  });

  it('answers with what it has when a subgraph is stopped, and in full once it is back', async () => {
    await path.stop();
    expectPartial(await ask());
    expectPartial(await ask());
    await path.start();
    const back = await ask();
    expect(back.body.errors).toBeUndefined();
  });

  it('gives up on a slow subgraph after its timeout instead of hanging, and recovers when it is fast again', async () => {
    path.delayMs = 30_000;
    const started = Date.now();
    expectPartial(await ask());
    // A hang would last the 30 s delay; the timeout is 0.5 s.
    expect(Date.now() - started).toBeLessThan(10_000);
    path.delayMs = 0;
    const back = await ask();
    expect(back.body.errors).toBeUndefined();
  });
});

// Terminating a database's sessions needs a second connection: PostgreSQL only.
describe.runIf(process.env.DATABASE_URL)('the services when the database drops every connection', () => {
  let database: Database;
  let stack: TestStack;

  beforeAll(async () => {
    database = await createTestDatabase();
    stack = await startTestStack(database);
  });

  afterAll(async () => {
    await stack?.stop();
    await database?.close();
  });

  it('fail the requests caught in it cleanly, then recover without a restart', async () => {
    const [row] = await queryRows<{ name: string }>(database.db, sql`SELECT current_database() AS name`);
    const query = '{ datasets(first: 3) { totalCount edges { node { id } } } }';
    let stop = false;
    const outcomes: { status: number; text: string }[] = [];
    const load = (async () => {
      while (!stop) {
        const response = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
        outcomes.push({ status: response.status, text: await response.text() });
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await adminQuery(process.env.DATABASE_URL as string, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${row?.name}'`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    stop = true;
    await load;
    for (const o of outcomes) {
      expect([200]).toContain(o.status);
      expect(o.text).not.toMatch(/terminat|SELECT|127\.0\.0\.1|stack/i);
    }
    const after = await stack.queryGateway<{ datasets: { totalCount: number } }>(query);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.datasets.totalCount).toBeGreaterThan(0);
  });
});
