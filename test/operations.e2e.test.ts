import { connect } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../gateway/start-gateway.js';
import type { Database } from '../platform/db/database.js';
import { createLogger } from '../platform/logger.js';
import { observeDatabasePool } from '../platform/observability/metrics.js';
import { startSubgraphs } from '../platform/server/start-services.js';
import { catalogService } from '../subgraphs/catalog/service.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

const logger = createLogger('silent');
let database: Database;
let stack: TestStack;
let unobservePool: () => void;

beforeAll(async () => {
  database = await createTestDatabase();
  unobservePool = observeDatabasePool(database);
  stack = await startTestStack(database);
});

afterAll(async () => {
  unobservePool?.();
  await stack?.stop();
  await database?.close();
});

const baseUrl = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql$/, '');

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The value of one sample in Prometheus text, e.g. `graphql_requests_total{service="gateway",...}`. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf('}'));
    if (wanted.every((w) => labelText.split(',').includes(w))) return Number(line.slice(line.indexOf('}') + 1));
  }
  return undefined;
}

describe('health and readiness', () => {
  it('every service answers /health and /ready with 200 while its dependencies answer', async () => {
    for (const url of [stack.url, ...Object.values(stack.subgraphUrls).map(baseUrl)]) {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const ready = await getJson(`${url}/ready`);
      expect(ready.status).toBe(200);
      expect(ready.body.status).toBe('ready');
    }
    expect((await getJson(`${stack.url}/ready`)).body.checks).toEqual({ catalog: 'up', access: 'up', lineage: 'up' });
    expect((await getJson(`${baseUrl(stack.subgraphUrls.catalog ?? '')}/ready`)).body.checks).toEqual({ database: 'up' });
  });

  it('the gateway answers 503 naming the subgraph that does not answer, without its address in production', async () => {
    const unreachable = await startSubgraphs(database, [{ service: catalogService, port: 0 }], {
      host: '127.0.0.1',
      logger,
      gatewayPublicKey: stack.identity.identity.gatewayKey.publicKey,
    });
    const deadUrl = unreachable[0]?.url ?? '';
    await Promise.all(unreachable.map((s) => s.stop()));
    for (const production of [false, true]) {
      const gateway = await startGateway({
        host: '127.0.0.1',
        port: 0,
        subgraphUrls: { ...stack.subgraphUrls, access: deadUrl },
        logger,
        identity: stack.identity.identity,
        production,
      });
      try {
        const { status, body } = await getJson(`${gateway.url}/ready`);
        expect(status).toBe(503);
        expect(body.status).toBe('unavailable');
        expect(body.checks).toEqual({ catalog: 'up', access: 'down', lineage: 'up' });
        const port = new URL(deadUrl).port;
        if (production) expect(JSON.stringify(body)).not.toContain(port);
        else expect(JSON.stringify(body.details)).toContain(port);
      } finally {
        await gateway.stop();
      }
    }
  });

  it('a subgraph answers 503 when its database does not', async () => {
    const broken = await createTestDatabase();
    await broken.close();
    const [catalog] = await startSubgraphs(broken, [{ service: catalogService, port: 0 }], {
      host: '127.0.0.1',
      logger,
      gatewayPublicKey: stack.identity.identity.gatewayKey.publicKey,
      production: true,
    });
    try {
      const { status, body } = await getJson(`${baseUrl(catalog?.url ?? '')}/ready`);
      expect(status).toBe(503);
      expect(body).toEqual({ status: 'unavailable', checks: { database: 'down' } });
      // Alive all the same: a restart would not bring the database back.
      expect((await fetch(`${baseUrl(catalog?.url ?? '')}/health`)).status).toBe(200);
    } finally {
      await catalog?.stop();
    }
  });
});

describe('metrics', () => {
  it('count GraphQL requests by service, operation and outcome, and time subgraph work', async () => {
    const { status } = await stack.queryGateway('query OpsMetricsProbe { datasets(first: 1) { totalCount } }');
    expect(status).toBe(200);
    await stack.queryGateway('query OpsMetricsBroken {');
    const response = await fetch(`${stack.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(sample(text, 'graphql_requests_total', { service: 'gateway', operation: 'OpsMetricsProbe', outcome: 'success' })).toBe(1);
    expect(sample(text, 'graphql_requests_total', { service: 'gateway', operation: 'anonymous', outcome: 'refused' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'graphql_request_duration_seconds_count', { service: 'gateway', operation: 'OpsMetricsProbe', outcome: 'success' })).toBe(1);
    // The gateway names the subgraph's operation after the client's.
    expect(text).toMatch(/graphql_requests_total\{service="catalog",operation="OpsMetricsProbe__catalog__\d+",outcome="success"\} 1/);
    expect(text).toContain('process_resident_memory_bytes');
    // Each subgraph's port serves the same process registry.
    expect(await (await fetch(`${baseUrl(stack.subgraphUrls.catalog ?? '')}/metrics`)).text()).toContain('OpsMetricsProbe');
  });

  it('report the database pool (PostgreSQL only: PGlite has none)', async () => {
    const text = await (await fetch(`${stack.url}/metrics`)).text();
    const total = sample(text, 'db_pool_connections', { state: 'total' });
    expect(sample(text, 'db_pool_connections', { state: 'waiting' })).toBe(0);
    if (database.engine === 'postgres') expect(total).toBeGreaterThan(0);
    else expect(total).toBe(0);
  });
});

/** Resolves with the connection error code, or 'connected'. */
function tryConnect(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

describe('graceful shutdown', () => {
  it('finishes a request in flight, refuses new connections, then stops', async () => {
    const own = await createTestDatabase();
    const ownStack = await startTestStack(own);
    try {
      // Hold the datasets table so that a search waits in the catalog subgraph until we let go.
      let release!: () => void;
      let locked!: () => void;
      const released = new Promise<void>((resolve) => (release = resolve));
      const isLocked = new Promise<void>((resolve) => (locked = resolve));
      const holder = own.db.transaction(async (tx) => {
        await tx.execute(sql`LOCK TABLE catalog.dataset IN ACCESS EXCLUSIVE MODE`);
        locked();
        await released;
      });
      await isLocked;
      const before = own.statementCount();
      const inFlight = ownStack.queryGateway<{ datasets: { totalCount: number } }>('query OpsSlow { datasets(first: 1) { totalCount } }');
      // The subgraph has sent its query (now waiting on the lock): the request is in flight end to end.
      const deadline = Date.now() + 10_000;
      while (own.statementCount() === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(own.statementCount()).toBeGreaterThan(before);

      let stopped = false;
      const stopping = ownStack.stop().then(() => (stopped = true));
      expect(await tryConnect(ownStack.url)).toBe('ECONNREFUSED');
      await new Promise((r) => setTimeout(r, 200));
      expect(stopped).toBe(false);

      release();
      await holder;
      const { status, body } = await inFlight;
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect(body.data?.datasets.totalCount).toBeGreaterThan(0);
      await stopping;
      expect(stopped).toBe(true);
    } finally {
      await ownStack.stop().catch(() => undefined);
      await own.close();
    }
  });
});
