import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { corpusEvents, officialUntrustedFacets, officialValidators } from './support/openlineage-corpus.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

let database: Database;
let stack: TestStack;
let pipeline: string;
const official = officialValidators();

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  pipeline = await stack.identity.token('pipeline', undefined, 'etl-bot');
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

interface Report {
  received: number;
  stored: number;
  duplicates: number;
  untrustedFacets: { event: number; path: string; problem: string }[];
}

async function post(pathname: string, body: unknown, token: string | null = pipeline) {
  const response = await fetch(`${stack.url}${pathname}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Report & { code?: string; message?: string } };
}

const graphQuery = `query($id: ID!, $dir: LineageDirection) { lineage(nodeId: $id, direction: $dir, depth: 10) { nodes { id kind } edges { from to job } isPartial hiddenCount mermaid dot } }`;

describe('the OpenLineage API through the gateway', () => {
  const accepted = [...corpusEvents('valid'), ...corpusEvents('completed'), ...corpusEvents('invalid-facet')];

  it.each(accepted)('accepts %s, flagging exactly the facets the official facet schemas refuse', async (_file, event) => {
    const { status, body } = await post('/api/v1/lineage', event);
    expect(status).toBe(201);
    expect(body.untrustedFacets.map((u) => u.path).sort()).toEqual(officialUntrustedFacets(event as Record<string, unknown>, official.facetValidator));
  });

  it.each(corpusEvents('invalid-core'))('refuses %s with 400 and a message naming the problem', async (_file, event) => {
    expect(official.core(event)).toBe(false);
    const { status, body } = await post('/api/v1/lineage', event);
    expect(status).toBe(400);
    expect(body.code).toBe('INVALID_EVENT');
    expect(body.message).toMatch(/schemaURL|eventTime|runId|required|must/);
  });

  it('names the malformed facet of each invalid-facet event in the response', async () => {
    for (const [file, event] of corpusEvents('invalid-facet')) {
      const { body } = await post('/api/v1/lineage', event);
      expect(body.untrustedFacets.length, file).toBeGreaterThan(0);
      expect(body.untrustedFacets[0]?.problem, file).toBeTruthy();
    }
  });

  it('stores an event sent twice once', async () => {
    const [, event] = corpusEvents('valid')[0] ?? [];
    await post('/api/v1/lineage', event);
    const again = await post('/api/v1/lineage', event);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ received: 1, stored: 0, duplicates: 1 });
  });

  it('refuses a whole batch when one event is invalid, storing none of it', async () => {
    const fresh = { ...(corpusEvents('completed')[0]?.[1] as Record<string, unknown>), run: { runId: '11111111-2222-4333-8444-555555555555' } };
    const bad = corpusEvents('invalid-core')[0]?.[1];
    const refused = await post('/api/v1/lineage/batch', [fresh, bad]);
    expect(refused.status).toBe(400);
    const alone = await post('/api/v1/lineage/batch', [fresh]);
    expect(alone.body).toMatchObject({ stored: 1 });
  });

  it('refuses malformed JSON, non-pipeline callers and anonymous callers', async () => {
    expect((await post('/api/v1/lineage', '{"eventTime": ', pipeline)).status).toBe(400);
    const researcher = await stack.identity.token('researcher', 'inserm');
    const event = corpusEvents('valid')[1]?.[1];
    expect((await post('/api/v1/lineage', event, researcher)).status).toBe(403);
    expect((await post('/api/v1/lineage', event, null)).status).toBe(401);
    expect((await post('/api/v1/lineage', event, 'not-a-token')).status).toBe(401);
  });

  it('records each ingestion request in the audit trail', async () => {
    const auditor = await stack.identity.token('auditor');
    const { body } = await stack.queryGateway<{ auditTrail: { edges: { node: { action: string; subject: string; source: string } }[] } }>(
      `{ auditTrail(first: 100, filter: { subject: "etl-bot" }) { edges { node { action subject source } } } }`,
      {},
      { authorization: `Bearer ${auditor}` },
    );
    expect(body.data?.auditTrail.edges.some((e) => e.node.action === 'POST /api/v1/lineage' && e.node.source === 'gateway')).toBe(true);
  });

  it('re-emits stored events that validate against the official core schema', async () => {
    const response = await fetch(`${stack.url}/api/v1/events/lineage?limit=1000`, { headers: { authorization: `Bearer ${pipeline}` } });
    const { events } = (await response.json()) as { events: unknown[] };
    expect(events.length).toBeGreaterThanOrEqual(68);
    for (const event of events) expect(official.core(event)).toBe(true);
  });

  it("gives the Marquez apples chain its known graph", async () => {
    const { body } = await stack.queryGateway<{ lineage: { nodes: { id: string; kind: string }[]; edges: { from: string; to: string; job: string | null }[]; isPartial: boolean } }>(
      graphQuery,
      { id: 'dataset:grandmas.kitchen:apples', dir: 'DOWNSTREAM' },
      { authorization: `Bearer ${pipeline}` },
    );
    const ids = body.data?.lineage.nodes.map((n) => n.id) ?? [];
    for (const expected of [
      'job:grandmas.kitchen:prepare_apple_filling',
      'dataset:grandmas.kitchen:apple.filling',
      'job:grandmas.kitchen:prepare_apple_pie',
      'dataset:grandmas.kitchen:apple.pie',
      'dataset:grandmas.kitchen:apple.cider',
      'dataset:cupboard:apple.vinegar',
    ]) {
      expect(ids).toContain(expected);
    }
    expect(ids).not.toContain('dataset:grandmas.kitchen:cinnamon');
    expect(body.data?.lineage.edges).toContainEqual({ from: 'dataset:grandmas.kitchen:apples', to: 'job:grandmas.kitchen:prepare_apple_filling', job: 'job:grandmas.kitchen:prepare_apple_filling' });
    const up = await stack.queryGateway<{ lineage: { nodes: { id: string }[] } }>(graphQuery, { id: 'dataset:grandmas.kitchen:apple.pie', dir: 'UPSTREAM' }, { authorization: `Bearer ${pipeline}` });
    const upstream = up.body.data?.lineage.nodes.map((n) => n.id) ?? [];
    expect(upstream.map((id) => id.split(':').at(-1))).toEqual(expect.arrayContaining(['red.delicious', 'crab.apples', 'cinnamon', 'sugar']));
    expect(upstream).toContain('dataset:laurents-orchard:red.delicious');
  });

  it('lists the runs of a job with their states, inputs and outputs', async () => {
    const { body } = await stack.queryGateway<{ runs: { totalCount: number; edges: { node: { state: string; job: { name: string }; inputs: { node: { id: string } }[]; outputs: { node: { id: string } }[] } }[] } }>(
      `{ runs(jobNamespace: "grandmas.kitchen", jobName: "prepare_apple_filling") { totalCount edges { node { state states { state } job { name } inputs { node { id } } outputs { node { id } } } } } }`,
      {},
      { authorization: `Bearer ${pipeline}` },
    );
    const runs = body.data?.runs.edges.map((e) => e.node) ?? [];
    expect(runs).toHaveLength(2);
    expect(body.data?.runs.totalCount).toBe(2);
    const unknown = await stack.queryGateway<{ runs: { totalCount: number } }>(`{ runs(jobNamespace: "nowhere", jobName: "nothing") { totalCount } }`, {}, { authorization: `Bearer ${pipeline}` });
    expect(unknown.body.data?.runs.totalCount).toBe(0);
    for (const run of runs) {
      expect(run.job.name).toBe('prepare_apple_filling');
      expect(run.state).toBe('COMPLETE');
      expect(run.outputs.map((o) => o.node.id)).toEqual(['dataset:grandmas.kitchen:apple.filling']);
      expect(run.inputs.map((i) => i.node.id)).toContain('dataset:grandmas.kitchen:apples');
    }
  });

  it('renders the graph as Mermaid and DOT', async () => {
    const { body } = await stack.queryGateway<{ lineage: { mermaid: string; dot: string } }>(graphQuery, { id: 'dataset:grandmas.kitchen:apple.filling', dir: 'UPSTREAM' }, { authorization: `Bearer ${pipeline}` });
    expect(body.data?.lineage.mermaid).toMatch(/^flowchart LR\n/);
    expect(body.data?.lineage.mermaid).toContain('-->');
    expect(body.data?.lineage.dot).toContain('"dataset:grandmas.kitchen:apples" -> "job:grandmas.kitchen:prepare_apple_filling";');
  });

  it('reports a walk stopped by its depth as partial', async () => {
    const { body } = await stack.queryGateway<{ lineage: { isPartial: boolean } }>(
      `{ lineage(nodeId: "dataset:laurents-orchard:red.delicious", direction: DOWNSTREAM, depth: 1) { isPartial nodes { id } } }`,
      {},
      { authorization: `Bearer ${pipeline}` },
    );
    expect(body.data?.lineage.isPartial).toBe(true);
  });

  it("shows a dataset's schema, owners and data source, and forgets a facet sent with _deleted", async () => {
    const facet = (body: Record<string, unknown>) => ({ _producer: 'urn:test', _schemaURL: 'https://openlineage.io/spec/facets/1-0-0/Facet.json', ...body });
    const datasetEvent = (facets: Record<string, unknown>, eventTime: string) => ({
      eventTime,
      producer: 'urn:test',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/DatasetEvent',
      dataset: { namespace: 'postgres://warehouse:5432', name: 'public.stays', facets },
    });
    const set = await post('/api/v1/lineage', datasetEvent({
      schema: facet({ fields: [{ name: 'stay_id', type: 'BIGINT', description: 'Stay' }, { name: 'ghm', type: 'TEXT' }] }),
      ownership: facet({ owners: [{ name: 'team:pmsi', type: 'MAINTAINER' }] }),
      dataSource: facet({ name: 'warehouse', uri: 'postgres://warehouse:5432' }),
    }, '2025-02-01T00:00:00Z'));
    expect(set.status).toBe(201);
    const query = `{ lineage(nodeId: "dataset:postgres://warehouse:5432:public.stays", direction: UPSTREAM, depth: 1) { nodes { id fields { name type description } owners { name type } dataSource { name uri } } } }`;
    type Details = { lineage: { nodes: { fields: { name: string }[]; owners: { name: string; type: string }[]; dataSource: { uri: string } | null }[] } };
    const before = await stack.queryGateway<Details>(query, {}, { authorization: `Bearer ${pipeline}` });
    const node = before.body.data?.lineage.nodes[0];
    expect(node?.fields.map((f) => f.name)).toEqual(['stay_id', 'ghm']);
    expect(node?.owners).toEqual([{ name: 'team:pmsi', type: 'MAINTAINER' }]);
    expect(node?.dataSource?.uri).toBe('postgres://warehouse:5432');

    const deleted = await post('/api/v1/lineage', datasetEvent({ schema: facet({ _deleted: true }) }, '2025-02-02T00:00:00Z'));
    expect(deleted.status).toBe(201);
    expect(deleted.body.untrustedFacets).toEqual([]);
    const after = await stack.queryGateway<Details>(query, {}, { authorization: `Bearer ${pipeline}` });
    expect(after.body.data?.lineage.nodes[0]?.fields).toEqual([]);
    expect(after.body.data?.lineage.nodes[0]?.owners).toHaveLength(1);
  });
});
