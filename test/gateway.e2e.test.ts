import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { readyMessage } from '../gateway/start-gateway.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

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

interface SearchData {
  datasets: {
    totalCount: number;
    edges: { score: number; node: { id: string; title: string; spatialCoverage: { code: string }[]; publisher: { name: string } } }[];
    facets: { field: string; values: { value: string; label: string; count: number }[] }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

const searchQuery = `query($search: String, $first: Int, $after: String, $filter: DatasetFilter) {
  datasets(search: $search, first: $first, after: $after, filter: $filter) {
    totalCount
    edges { score node { id title spatialCoverage { code } publisher { name } } }
    facets { field values { value label count } }
    pageInfo { hasNextPage endCursor }
  }
}`;

describe('the gateway', () => {
  it('names in its ready line an explorer page and a GraphQL endpoint that both answer', async () => {
    const { explorer, graphql } = stack.entryPoints;
    expect(readyMessage(stack.entryPoints)).toContain(explorer);
    expect(readyMessage(stack.entryPoints)).toContain(graphql);
    if (!explorer) throw new Error('a development gateway names its explorer');
    const page = await fetch(explorer);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const answer = await fetch(graphql, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }) });
    expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('answers GET /health with 200', async () => {
    const response = await fetch(`${stack.url}/health`);
    expect(response.status).toBe(200);
  });

  it('finds ranked French and European datasets for "cancer", with facets', async () => {
    const { status, body } = await stack.queryGateway<SearchData>(searchQuery, { search: 'cancer', first: 50 }, { 'accept-language': 'fr' });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const result = body.data?.datasets;
    if (!result) throw new Error('no data');
    const countries = new Set(result.edges.flatMap((e) => e.node.spatialCoverage.map((c) => c.code)));
    expect(countries.has('FRA')).toBe(true);
    expect([...countries].some((c) => c !== 'FRA')).toBe(true);
    const scores = result.edges.map((e) => e.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(result.totalCount).toBe(result.edges.length);
    const fields = result.facets.map((f) => f.field);
    expect(fields).toEqual(['HEALTH_CATEGORY', 'HEALTH_THEME', 'DATA_THEME', 'PUBLISHER', 'ACCESS_RIGHTS', 'COUNTRY', 'CODING_SYSTEM', 'SOURCE', 'SOURCE_COUNTRY']);
    // Nothing is harvested in the demo catalogue: every match is the catalogue's own, of its country.
    expect(result.facets.find((f) => f.field === 'SOURCE')?.values).toEqual([{ value: 'local', label: expect.any(String), count: result.totalCount }]);
    expect(result.facets.find((f) => f.field === 'SOURCE_COUNTRY')?.values.map((v) => v.value)).toEqual(['FRA']);
    const country = result.facets.find((f) => f.field === 'COUNTRY');
    expect(country?.values.reduce((n, v) => n + v.count, 0)).toBeGreaterThanOrEqual(result.totalCount);
    expect(country?.values.find((v) => v.value === 'FRA')?.label).toBe('France');
    const publisher = result.facets.find((f) => f.field === 'PUBLISHER')?.values[0];
    expect(publisher?.label).not.toBe(publisher?.value);
  });

  it('pages a search through the gateway with cursors', async () => {
    const first = await stack.queryGateway<SearchData>(searchQuery, { search: 'cancer', first: 2 });
    const page1 = first.body.data?.datasets;
    expect(page1?.pageInfo.hasNextPage).toBe(true);
    const second = await stack.queryGateway<SearchData>(searchQuery, { search: 'cancer', first: 2, after: page1?.pageInfo.endCursor });
    const page2 = second.body.data?.datasets;
    const ids = [...(page1?.edges ?? []), ...(page2?.edges ?? [])].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('filters through the gateway by health category and country', async () => {
    const { body } = await stack.queryGateway<SearchData>(searchQuery, { filter: { countries: ['FIN'], healthCategories: ['HRAD'] }, first: 100 });
    const result = body.data?.datasets;
    expect(result?.totalCount).toBeGreaterThan(0);
    expect(result?.edges.every((e) => e.node.spatialCoverage.some((c) => c.code === 'FIN'))).toBe(true);
  });

  it('refuses an oversized page with PAGE_SIZE_TOO_LARGE and no stack trace', async () => {
    const { status, body } = await stack.queryGateway(`{ datasets(first: 1000) { totalCount } }`);
    expect(status).toBe(200);
    expect(body.errors?.[0]?.extensions?.code).toBe('PAGE_SIZE_TOO_LARGE');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|node_modules|127\.0\.0\.1/);
  });

  it('refuses an unknown enum value before planning', async () => {
    const { status, body } = await stack.queryGateway(`{ datasets(filter: { accessRights: [SECRET] }) { totalCount } }`);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a search string of 10,000 characters with SEARCH_TOO_LONG', async () => {
    const { body } = await stack.queryGateway(searchQuery, { search: 'x'.repeat(10_000) });
    expect(body.errors?.[0]?.extensions?.code).toBe('SEARCH_TOO_LONG');
    expect(body.data).toBeNull();
  });

  it('refuses documents with more tokens than the limit', async () => {
    const { body } = await stack.queryGateway(`{ dataset(id: "snds-dcir") { ${'id '.repeat(2100)} } }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses documents with too many aliases', async () => {
    const aliases = Array.from({ length: 30 }, (_, i) => `a${i}: dataset(id: "snds-dcir") { id }`).join(' ');
    const { body } = await stack.queryGateway(`{ ${aliases} }`);
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(body.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('forwards Accept-Language to the subgraph', async () => {
    const query = `{ dataset(id: "cepidc-bcmd") { title titleTranslations { fr en } } }`;
    const fr = await stack.queryGateway<{ dataset: { title: string; titleTranslations: { fr: string; en: string } } }>(query, {}, { 'accept-language': 'fr' });
    expect(fr.body.data?.dataset.title).toBe(fr.body.data?.dataset.titleTranslations.fr);
    const en = await stack.queryGateway<{ dataset: { title: string; titleTranslations: { fr: string; en: string } } }>(query, {}, { 'accept-language': 'en' });
    expect(en.body.data?.dataset.title).toBe(en.body.data?.dataset.titleTranslations.en);
  });
});
