import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

/**
 * The REST routes are as guarded as GraphQL: the caller is checked before any body is read, bodies over
 * the limit are refused on their declared length, and `/catalogue` and `/api/v1` spend the same per-caller
 * budget as GraphQL.
 */
let database: Database;
let stack: TestStack;

beforeAll(async () => {
  database = await createTestDatabase();
  // 20,000 fields a minute for partners and anonymous callers: about 30 catalogue pages of 100.
  stack = await startTestStack(database, undefined, { rules: { rateLimits: { partnerFieldsPerMinute: 20_000, internalFieldsPerMinute: 10_000_000 } } });
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

/**
 * Starts a POST that declares `declared` bytes, sends only `sent` of them, and waits for the answer: an
 * answer that comes while most of the body is still unsent proves the gateway decided on the headers.
 */
function postPartially(path: string, declared: number, sent: number, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const url = new URL(path, stack.url);
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(declared), ...headers } },
      (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString()));
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode ?? 0, body });
        });
      },
    );
    request.on('error', reject);
    request.write(Buffer.alloc(sent, 0x20));
    // The rest of the body is never sent.
  });
}

describe('REST routes decide on the headers, before the body', () => {
  it('answers an anonymous 9.4 MB lineage POST with 401 before the body has been sent', async () => {
    const answer = await postPartially('/api/v1/lineage', 9_400_000, 64 * 1024);
    expect(answer.status).toBe(401);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('answers a bad token with 401 before the body, on the catalogue write route too', async () => {
    const answer = await postPartially('/catalogue/datasets', 4_000_000, 1024, { authorization: 'Bearer not-a-token' });
    expect(answer.status).toBe(401);
  });

  it('refuses a declared body over 10 MB with 413 before reading it', async () => {
    const pipeline = await stack.identity.token('pipeline', undefined, 'big-sender');
    const answer = await postPartially('/api/v1/lineage', 11 * 1024 * 1024, 1024, { authorization: `Bearer ${pipeline}` });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
  });

  it('still takes a signed-in pipeline event', async () => {
    const pipeline = await stack.identity.token('pipeline', undefined, 'small-sender');
    const event = {
      eventType: 'COMPLETE',
      eventTime: '2026-01-01T00:00:00Z',
      producer: 'https://example.org/producer',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: '0b6e4c1e-8b8a-4b8e-9b43-1c1f5f0a9e22' },
      job: { namespace: 'guard', name: 'small' },
      inputs: [],
      outputs: [],
    };
    const response = await fetch(`${stack.url}/api/v1/lineage`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${pipeline}` }, body: JSON.stringify(event) });
    expect(response.status).toBe(201);
  });
});

describe('REST routes spend the GraphQL budget', () => {
  it('refuses an anonymous catalogue flood with 429 RATE_LIMITED, then GraphQL from that address too, while another caller is served', async () => {
    const address = { 'x-forwarded-for': '203.0.113.7' };
    const researcher = await stack.identity.token('researcher', 'inserm', 'bystander');
    const statuses: number[] = [];
    let refusal: Response | undefined;
    for (let i = 0; i < 300 && !refusal; i++) {
      const response = await fetch(`${stack.url}/catalogue.ttl?page_size=100`, { headers: address });
      statuses.push(response.status);
      if (response.status === 429) refusal = response;
      else await response.arrayBuffer();
    }
    // The catalogue pages cost their bytes: the flood is stopped long before 300 pages.
    expect(refusal).toBeDefined();
    expect(statuses.filter((s) => s === 200).length).toBeGreaterThan(1);
    expect(statuses.length).toBeLessThan(300);
    expect(Number(refusal?.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await refusal?.json()).toMatchObject({ code: 'RATE_LIMITED' });
    // This stack does not trust X-Forwarded-For, so every anonymous request here is one address: the
    // loopback. Its GraphQL requests are now refused as well.
    const graphql = await stack.queryGateway('{ datasets(first: 1) { totalCount } }');
    expect(graphql.status).toBe(429);
    const other = await stack.queryGateway('{ datasets(first: 1) { totalCount } }', {}, { authorization: `Bearer ${researcher}` });
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });
});
