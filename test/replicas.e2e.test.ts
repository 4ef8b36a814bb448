import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';
import { createTestIdentity } from './support/test-identity.js';

/**
 * Two replicas of the whole service (gateway and every subgraph) over one database, as behind a load
 * balancer: what one replica acknowledges, the other answers.
 */
let database: Database;
let a: TestStack;
let b: TestStack;

beforeAll(async () => {
  database = await createTestDatabase();
  const identity = await createTestIdentity();
  a = await startTestStack(database, identity);
  b = await startTestStack(database, identity);
});

afterAll(async () => {
  await a?.stop();
  await b?.stop();
  await database?.close();
});

const walk = `query($id: ID!) { lineage(nodeId: $id, direction: UPSTREAM, depth: 5) { nodes { id } edges { from to } } }`;

describe('replicas over one database', () => {
  it('a walk on replica B sees an event ingested through replica A within a second', async () => {
    const token = await a.identity.token('pipeline', undefined, 'replica-etl');
    const runId = '5e1f0000-0000-4000-8000-000000000001';
    const response = await fetch(`${a.url}/api/v1/lineage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        eventType: 'COMPLETE',
        eventTime: '2026-12-01T10:00:00Z',
        run: { runId },
        job: { namespace: 'replicas', name: 'build_cohort' },
        inputs: [{ namespace: 'replicas', name: 'raw_claims' }],
        outputs: [{ namespace: 'replicas', name: 'cohort' }],
        producer: 'urn:test',
        schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      }),
    });
    expect(response.status).toBe(201);
    const acknowledged = performance.now();
    await expect
      .poll(
        async () => {
          const { body } = await b.queryGateway<{ lineage: { nodes: { id: string }[] } }>(walk, { id: 'dataset:replicas:cohort' }, { authorization: `Bearer ${token}` });
          return body.data?.lineage.nodes.map((n) => n.id).sort() ?? [];
        },
        { timeout: 1_000, interval: 20 },
      )
      .toEqual(['dataset:replicas:cohort', 'dataset:replicas:raw_claims', 'job:replicas:build_cohort']);
    expect(performance.now() - acknowledged).toBeLessThan(1_000);
  });

  it('keeps one audit chain when both gateways record requests at once', async () => {
    const token = await a.identity.token('researcher', 'inserm', 'replica-researcher');
    const query = '{ datasets(first: 2) { totalCount } }';
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).queryGateway(query, {}, { authorization: `Bearer ${token}` })));
    expect(answers.every((r) => r.status === 200 && !r.body.errors)).toBe(true);
    const auditor = await a.identity.token('auditor', undefined, 'replica-auditor');
    const { body } = await b.queryGateway<{ verifyAuditChain: { firstBrokenSeq: number | null } }>('{ verifyAuditChain { firstBrokenSeq } }', {}, { authorization: `Bearer ${auditor}` });
    expect(body.errors).toBeUndefined();
    expect(body.data?.verifyAuditChain.firstBrokenSeq).toBeNull();
  });
});
