import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../gateway/start-gateway.js';
import type { Database } from '../platform/db/database.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

let database: Database;
let stack: TestStack;
let gateway: RunningGateway;
const lines: Record<string, unknown>[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  // A second gateway over the same subgraphs, logging into `lines`.
  gateway = await startGateway({ host: '127.0.0.1', port: 0, subgraphUrls: stack.subgraphUrls, logger: pino({ level: 'info' }, sink), identity: stack.identity.identity });
});

afterAll(async () => {
  await gateway?.stop();
  await stack?.stop();
  await database?.close();
});

describe('the request log', () => {
  it('writes one JSON line per request with request id, caller, operation, duration and outcome, and never the token', async () => {
    const token = await stack.identity.token('data-steward', undefined, 'log-steward');
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: 'query StewardSearch { datasets(first: 1) { totalCount } }', operationName: 'StewardSearch' }),
    });
    expect(response.status).toBe(200);
    await fetch(`${gateway.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ nope }' }) });
    const requests = lines.filter((l) => l.msg === 'graphql request');
    const ok = requests.find((l) => l.operation === 'StewardSearch');
    expect(ok).toMatchObject({ subject: 'log-steward', roles: ['data-steward'], status: 200, outcome: 'success' });
    expect(typeof ok?.requestId).toBe('string');
    expect(typeof ok?.durationMs).toBe('number');
    const failed = requests.find((l) => l.operation === null && l.outcome === 'error');
    expect(failed).toMatchObject({ subject: null, errorCodes: ['GRAPHQL_VALIDATION_FAILED'] });
    expect(JSON.stringify(lines)).not.toContain(token);
    expect(JSON.stringify(lines)).not.toContain(token.split('.')[2]);
  });
});
