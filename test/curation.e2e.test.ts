import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

let database: Database;
let stack: TestStack;
let steward: string;
let researcher: string;
let auditor: string;

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  steward = await stack.identity.token('data-steward', undefined, 'steward-1');
  researcher = await stack.identity.token('researcher', 'inserm', 'researcher-1');
  auditor = await stack.identity.token('auditor', undefined, 'auditor-1');
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

const as = (token: string) => ({ authorization: `Bearer ${token}` });

const RESULT = `dataset { id title modified issued distributions { title accessUrl } } version { version action changedFields } error { code message field }`;
const CREATE = `mutation ($input: DatasetInput!) { createDataset(input: $input) { ${RESULT} } }`;
const UPDATE = `mutation ($id: ID!, $input: DatasetInput!) { updateDataset(id: $id, input: $input) { ${RESULT} } }`;
const WITHDRAW = `mutation ($id: ID!, $reason: String!) { withdrawDataset(id: $id, reason: $reason) { ${RESULT} } }`;
const HISTORY = `query ($id: ID!) { datasetHistory(id: $id) { totalCount edges { node { version action actor { subject } changedFields reason title { en } at } } } }`;

interface CurationResult {
  dataset: { id: string; title: string; modified: string; issued: string; distributions: { title: string }[] } | null;
  version: { version: number; action: string; changedFields: string[] } | null;
  error: { code: string; message: string; field: string | null } | null;
}

const input = {
  id: 'curated-zeppelin-cohort',
  identifier: 'urn:test:curated-zeppelin-cohort',
  title: { fr: 'Cohorte zeppeline', en: 'Zeppelin cohort' },
  description: { en: 'A cohort curated through the API.' },
  keywords: { en: ['zeppelin'] },
  themes: ['HEAL'],
  healthCategories: ['HRAD'],
  accessRights: 'RESTRICTED',
  publisher: 'cnam',
  contactPoint: { name: 'Data desk', email: 'data@example.org' },
  temporal: { start: '2015-01-01', end: null },
  spatial: ['FRA'],
  distributions: [{ title: { en: 'Extract' }, accessUrl: 'https://example.org/zeppelin', format: 'CSV' }],
};

describe('curating the catalogue through the gateway', () => {
  it('lets a steward create, find, update, export and withdraw a dataset, with a readable history', async () => {
    const created = await stack.queryGateway<{ createDataset: CurationResult }>(CREATE, { input }, as(steward));
    expect(created.body.errors).toBeUndefined();
    const today = new Date().toISOString().slice(0, 10);
    expect(created.body.data?.createDataset).toMatchObject({
      dataset: { id: input.id, title: 'Zeppelin cohort', issued: today, modified: today, distributions: [{ title: 'Extract' }] },
      version: { version: 1, action: 'CREATED' },
      error: null,
    });

    const found = await stack.queryGateway<{ datasets: { edges: { node: { id: string } }[] } }>(`{ datasets(search: "zeppelin") { edges { node { id } } } }`);
    expect(found.body.data?.datasets.edges.map((e) => e.node.id)).toEqual([input.id]);

    const updated = await stack.queryGateway<{ updateDataset: CurationResult }>(
      UPDATE,
      { id: input.id, input: { ...input, id: undefined, title: { en: 'Airship cohort' } } },
      as(steward),
    );
    expect(updated.body.errors).toBeUndefined();
    expect(updated.body.data?.updateDataset).toMatchObject({ dataset: { title: 'Airship cohort' }, version: { version: 2, action: 'UPDATED' }, error: null });
    expect(updated.body.data?.updateDataset.version?.changedFields.sort()).toEqual(['title']);

    // The next harvest carries the edit.
    const ttl = await fetch(`${stack.url}/catalogue/datasets/${input.id}.ttl`);
    expect(ttl.status).toBe(200);
    const turtle = await ttl.text();
    expect(turtle).toContain('Airship cohort');
    expect(turtle).not.toContain('Cohorte zeppeline');

    const history = await stack.queryGateway<{ dataset: { history: { totalCount: number; edges: { node: Record<string, unknown> }[] } } }>(
      `{ dataset(id: "${input.id}") { history { totalCount edges { node { version action actor { subject } changedFields title { en } } } } } }`,
      {},
      as(steward),
    );
    expect(history.body.errors).toBeUndefined();
    expect(history.body.data?.dataset.history).toMatchObject({
      totalCount: 2,
      edges: [
        { node: { version: 2, action: 'UPDATED', actor: { subject: 'steward-1' }, changedFields: ['title'], title: { en: 'Airship cohort' } } },
        { node: { version: 1, action: 'CREATED', actor: { subject: 'steward-1' }, title: { en: 'Zeppelin cohort' } } },
      ],
    });
    expect(history.body.data?.dataset.history.edges[1]?.node.changedFields).toEqual(expect.arrayContaining(['title', 'distributions', 'issued', 'modified']));

    const withdrawn = await stack.queryGateway<{ withdrawDataset: CurationResult }>(WITHDRAW, { id: input.id, reason: 'Merged into another cohort.' }, as(steward));
    expect(withdrawn.body.data?.withdrawDataset).toMatchObject({ dataset: null, version: { version: 3, action: 'WITHDRAWN' }, error: null });

    const gone = await stack.queryGateway<{ dataset: unknown; datasets: { totalCount: number } }>(
      `{ dataset(id: "${input.id}") { id } datasets(search: "airship") { totalCount } }`,
    );
    expect(gone.body.data).toEqual({ dataset: null, datasets: { totalCount: 0 } });
    expect((await fetch(`${stack.url}/catalogue/datasets/${input.id}.ttl`)).status).toBe(404);
    expect(await (await fetch(`${stack.url}/catalogue.ttl?page_size=1000`)).text()).not.toContain(input.id);

    const after = await stack.queryGateway<{ datasetHistory: { totalCount: number; edges: { node: Record<string, unknown> }[] } }>(HISTORY, { id: input.id }, as(auditor));
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data?.datasetHistory.totalCount).toBe(3);
    expect(after.body.data?.datasetHistory.edges[0]?.node).toMatchObject({ action: 'WITHDRAWN', reason: 'Merged into another cohort.', title: null });
  });

  it('answers INVALID_RECORD naming the field for an invalid input, and writes nothing', async () => {
    const bad = { ...input, id: 'curated-invalid', distributions: [{ title: { en: 'x' }, accessUrl: 'not a url' }] };
    const { body } = await stack.queryGateway<{ createDataset: CurationResult }>(CREATE, { input: bad }, as(steward));
    expect(body.errors).toBeUndefined();
    expect(body.data?.createDataset).toMatchObject({ dataset: null, error: { code: 'INVALID_RECORD', field: 'distributions.0.accessUrl' } });
    const history = await stack.queryGateway<{ datasetHistory: { totalCount: number } }>(HISTORY, { id: 'curated-invalid' }, as(steward));
    expect(history.body.data?.datasetHistory.totalCount).toBe(0);
  });

  it('answers NOT_FOUND and ALREADY_EXISTS as data', async () => {
    const missing = await stack.queryGateway<{ updateDataset: CurationResult }>(UPDATE, { id: 'no-such-dataset', input }, as(steward));
    expect(missing.body.data?.updateDataset.error).toMatchObject({ code: 'INVALID_RECORD', field: 'id' });
    const { id: _id, ...withoutId } = input;
    const notFound = await stack.queryGateway<{ updateDataset: CurationResult }>(UPDATE, { id: 'no-such-dataset', input: withoutId }, as(steward));
    expect(notFound.body.data?.updateDataset.error?.code).toBe('NOT_FOUND');
    const exists = await stack.queryGateway<{ createDataset: CurationResult }>(CREATE, { input: { ...input, id: 'snds-dcir' } }, as(steward));
    expect(exists.body.data?.createDataset.error).toMatchObject({ code: 'ALREADY_EXISTS', field: 'id' });
  });

  it('refuses a researcher with FORBIDDEN, before anything is written', async () => {
    const { body } = await stack.queryGateway(CREATE, { input: { ...input, id: 'curated-by-researcher' } }, as(researcher));
    expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(body.data ?? null).toBeNull();
    const history = await stack.queryGateway(HISTORY, { id: 'curated-by-researcher' }, as(researcher));
    expect(history.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
