import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../gateway/start-gateway.js';
import type { Database } from '../platform/db/database.js';
import { createLogger } from '../platform/logger.js';
import { startTestRedis } from './support/redis-server.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

let database: Database;
let stack: TestStack;

beforeAll(async () => {
  database = await createTestDatabase();
  // A small budget: 200 resolved fields a minute for partners, 100,000 for internal roles.
  stack = await startTestStack(database, undefined, { rules: { rateLimits: { partnerFieldsPerMinute: 200, internalFieldsPerMinute: 100_000 } } });
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

// datasets, totalCount, edges, and 20 × (node, id, title): 63 resolved fields per answer.
const query = '{ datasets(first: 20) { totalCount edges { node { id title } } } }';

async function send(headers: Record<string, string> = {}) {
  const response = await fetch(`${stack.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] } };
}

describe('the per-caller rate limit', () => {
  it('counts resolved fields, refuses with 429 RATE_LIMITED and Retry-After once the budget is spent', async () => {
    const token = await stack.identity.token('researcher', 'inserm', 'busy-researcher');
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await send({ authorization: `Bearer ${token}` }));
    // Three answers spend 189 of the 200; the fourth is still let through (the budget is not yet spent)
    // and overdraws it; the fifth is refused.
    expect(answers.slice(0, 4).map((a) => a.status)).toEqual([200, 200, 200, 200]);
    const refused = answers[4];
    expect(refused?.status).toBe(429);
    expect(refused?.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(Number(refused?.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused?.retryAfter)).toBeLessThanOrEqual(60);
    expect(refused?.body.data ?? null).toBeNull();
  });

  it('keeps one caller’s spending from limiting another, and gives internal roles their own budget', async () => {
    const other = await stack.identity.token('researcher', 'thl', 'other-researcher');
    expect((await send({ authorization: `Bearer ${other}` })).status).toBe(200);
    const steward = await stack.identity.token('data-steward', undefined, 'steward');
    for (let i = 0; i < 5; i++) expect((await send({ authorization: `Bearer ${steward}` })).status).toBe(200);
  });
});

describe('several gateways with one Redis', () => {
  it('enforce one budget per caller between them, not one each', async () => {
    const redis = await startTestRedis();
    const rules = { rateLimits: { partnerFieldsPerMinute: 200, internalFieldsPerMinute: 100_000 }, redisUrl: redis.url };
    const start = () => startGateway({ host: '127.0.0.1', port: 0, subgraphUrls: stack.subgraphUrls, logger: createLogger('silent'), identity: stack.identity.identity, rules });
    const gateways = [await start(), await start()];
    try {
      const token = await stack.identity.token('researcher', 'inserm', 'replicated-researcher');
      const statuses: number[] = [];
      // Alternating between the two: four answers spend the one budget (see above), whichever gateway gave them.
      for (let i = 0; i < 6; i++) {
        const gateway = gateways[i % 2] as (typeof gateways)[number];
        const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
        statuses.push(response.status);
        await response.text();
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
    } finally {
      for (const gateway of gateways) await gateway.stop();
      await redis.stop();
    }
  });

  it('fall back to their own budgets while Redis cannot be reached, and keep answering', async () => {
    const rules = { rateLimits: { partnerFieldsPerMinute: 200, internalFieldsPerMinute: 100_000 }, redisUrl: 'redis://127.0.0.1:1' };
    const gateway = await startGateway({ host: '127.0.0.1', port: 0, subgraphUrls: stack.subgraphUrls, logger: createLogger('silent'), identity: stack.identity.identity, rules });
    try {
      const token = await stack.identity.token('researcher', 'inserm', 'researcher-without-redis');
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) {
        const response = await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query }) });
        statuses.push(response.status);
        await response.text();
      }
      expect(statuses).toEqual([200, 200, 200, 200, 429]);
    } finally {
      await gateway.stop();
    }
  });
});

describe('anonymous callers behind a proxy', () => {
  async function spendAnonymously(url: string, forwardedFor: string) {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor }, body: JSON.stringify({ query }) });
      statuses.push(response.status);
      await response.text();
    }
    return statuses;
  }

  it('are told apart by X-Forwarded-For only when the proxy is trusted (TRUST_PROXY)', async () => {
    const gateway = await startGateway({
      host: '127.0.0.1',
      port: 0,
      subgraphUrls: stack.subgraphUrls,
      logger: createLogger('silent'),
      identity: stack.identity.identity,
      rules: { trustProxy: 'loopback', rateLimits: { partnerFieldsPerMinute: 100, internalFieldsPerMinute: 100_000 } },
    });
    try {
      // 63 fields per answer: two answers spend a budget of 100, the third is refused.
      expect(await spendAnonymously(gateway.url, '203.0.113.1')).toEqual([200, 200, 429]);
      expect(await spendAnonymously(gateway.url, '203.0.113.2')).toEqual([200, 200, 429]);
    } finally {
      await gateway.stop();
    }
    // Without a trusted proxy the header is ignored: every anonymous caller here is the same socket peer,
    // whose 200-field budget the first test's other callers did not touch, so it runs out by the fourth.
    const untrusted = [...(await spendAnonymously(stack.url, '203.0.113.3')), ...(await spendAnonymously(stack.url, '203.0.113.4'))];
    expect(untrusted.slice(0, 4)).toEqual([200, 200, 200, 200]);
    expect(untrusted.slice(4)).toEqual([429, 429]);
  });
});
