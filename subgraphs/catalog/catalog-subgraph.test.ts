import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/database.js';
import { catalogExecutor } from '../../test/support/catalog-client.js';
import { createTestDatabase } from '../../test/support/test-database.js';
import { demoDatasets } from './seed/seed-demo.js';

let database: Database;
let catalog: Awaited<ReturnType<typeof catalogExecutor>>;

beforeAll(async () => {
  database = await createTestDatabase();
  catalog = await catalogExecutor(database);
});

afterAll(async () => {
  await catalog?.stop();
  await database?.close();
});

interface DatasetsData {
  datasets: {
    totalCount: number;
    edges: { cursor: string; node: { id: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

describe('the catalog subgraph', () => {
  it('returns a dataset by id with its HealthDCAT-AP metadata', async () => {
    const res = await catalog.run<{ dataset: Record<string, unknown> }>(`{
      dataset(id: "pmsi-mco") {
        id identifier title
        healthCategories { code label uri }
        codingSystems { code officialCode }
        accessRights { code }
        publisher { id name publisherType { code } }
        accessBody { id isAccessBody }
        applicableLegislation { code }
        retentionPeriod
      }
    }`);
    expect(res.errors).toBeUndefined();
    const dataset = res.data?.dataset as Record<string, unknown> & { healthCategories: { code: string; uri: string }[] };
    expect(dataset.id).toBe('pmsi-mco');
    expect(dataset.healthCategories.map((c) => c.code)).toEqual(expect.arrayContaining(['HRAD', 'EHRS']));
    expect(dataset.healthCategories[0]?.uri).toMatch(/^https:\/\/hdeu-dcat\.data\.health\.europa\.eu\/resource\/authority\/healthcategories\//);
    expect(dataset.codingSystems).toEqual(expect.arrayContaining([{ code: 'PROC_CODES_NAT', officialCode: 'PROC-CODES-NAT' }]));
    expect(dataset.accessBody).toEqual({ id: 'health-data-hub', isAccessBody: true });
  });

  it('returns null for an unknown dataset id', async () => {
    const res = await catalog.run(`{ dataset(id: "no-such-dataset") { id } }`);
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ dataset: null });
  });

  it('answers in the language of Accept-Language and keeps every translation readable', async () => {
    const query = `{ dataset(id: "cepidc-bcmd") { title keywords titleTranslations { fr en } accessRights { label } } }`;
    const fr = await catalog.run<{ dataset: { title: string; keywords: string[]; titleTranslations: { fr: string; en: string } } }>(query, {}, { 'accept-language': 'fr-FR,fr;q=0.9,en;q=0.5' });
    const en = await catalog.run<{ dataset: { title: string; keywords: string[]; titleTranslations: { fr: string; en: string } } }>(query, {}, { 'accept-language': 'en-GB' });
    expect(fr.data?.dataset.title).toBe(fr.data?.dataset.titleTranslations.fr);
    expect(en.data?.dataset.title).toBe(en.data?.dataset.titleTranslations.en);
    expect(fr.data?.dataset.title).not.toBe(en.data?.dataset.title);
    expect(fr.data?.dataset.keywords).not.toEqual(en.data?.dataset.keywords);
    const de = await catalog.run<{ dataset: { title: string } }>(query, {}, { 'accept-language': 'de-DE' });
    expect(de.data?.dataset.title).toBe(en.data?.dataset.title);
  });

  it('resolves Dataset and DataHolder references through _entities, null for unknown keys', async () => {
    const res = await catalog.run<{ _entities: ({ id: string; title?: string; name?: string } | null)[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Dataset { id title } ... on DataHolder { id name } } }`,
      {
        r: [
          { __typename: 'Dataset', id: 'snds-dcir' },
          { __typename: 'DataHolder', id: 'cnam' },
          { __typename: 'Dataset', id: 'missing' },
        ],
      },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?._entities[0]?.id).toBe('snds-dcir');
    expect(res.data?._entities[1]).toMatchObject({ id: 'cnam' });
    expect(res.data?._entities[2]).toBeNull();
  });

  it('serves its SDL to composition tools', async () => {
    const res = await catalog.run<{ _service: { sdl: string } }>(`{ _service { sdl } }`);
    expect(res.data?._service.sdl).toMatch(/type Dataset\s+@key\(fields: "id"\)/);
  });

  it('pages through every dataset once, without repeats or gaps', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let i = 0; i < 20; i++) {
      const res: { data?: DatasetsData | null } = await catalog.run<DatasetsData>(
        `query($after: String) { datasets(first: 7, after: $after) { totalCount edges { cursor node { id } } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      const page = res.data?.datasets;
      if (!page) throw new Error('no page');
      total = page.totalCount;
      seen.push(...page.edges.map((e) => e.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThanOrEqual(demoDatasets().length);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('orders by recent modification and keeps the cursor bound to that order', async () => {
    const first = await catalog.run<DatasetsData>(`{ datasets(orderBy: RECENTLY_MODIFIED, first: 2) { edges { cursor node { id } } pageInfo { endCursor } } }`);
    const cursor = first.data?.datasets.pageInfo.endCursor;
    const reused = await catalog.run(`query($c: String) { datasets(orderBy: TITLE, after: $c) { totalCount } }`, { c: cursor });
    expect(reused.errors?.[0]?.extensions?.code).toBe('INVALID_CURSOR');
  });

  describe('refuses invalid input with a stable code and no internals', () => {
    const cases: [string, string, Record<string, unknown>, string][] = [
      ['a page larger than 100', `{ datasets(first: 1000) { totalCount } }`, {}, 'PAGE_SIZE_TOO_LARGE'],
      ['a page smaller than 1', `{ datasets(first: 0) { totalCount } }`, {}, 'BAD_USER_INPUT'],
      ['a forged cursor', `{ datasets(after: "bm90LWEtY3Vyc29y") { totalCount } }`, {}, 'INVALID_CURSOR'],
      ['a cursor that is not base64', `{ datasets(after: "'; DROP TABLE x; --") { totalCount } }`, {}, 'INVALID_CURSOR'],
      ['a search of 10,000 characters', `query($s: String) { datasets(search: $s) { totalCount } }`, { s: 'cancer '.repeat(1429) }, 'SEARCH_TOO_LONG'],
      ['an unknown enum value', `{ datasets(filter: { healthCategories: [NOPE] }) { totalCount } }`, {}, 'GRAPHQL_VALIDATION_FAILED'],
      ['an impossible date', `{ datasets(filter: { temporal: { start: "2020-02-30" } }) { totalCount } }`, {}, 'BAD_USER_INPUT'],
      ['a reversed period', `{ datasets(filter: { temporal: { start: "2020-01-01", end: "2019-01-01" } }) { totalCount } }`, {}, 'BAD_USER_INPUT'],
      ['a forged data holder cursor', `{ dataHolders(after: "eyJ4Ijox") { totalCount } }`, {}, 'INVALID_CURSOR'],
    ];
    it.each(cases)('%s', async (_name, query, variables, code) => {
      const res = await catalog.run(query, variables);
      expect(res.errors?.[0]?.extensions?.code).toBe(code);
      expect(res.errors?.[0]?.message).toBeTruthy();
      expect(JSON.stringify(res.errors)).not.toMatch(/stacktrace|at .*\.ts:\d+|node_modules/);
    });
  });

  it('reads a page of 100 with as many SQL statements as a page of 10', async () => {
    const query = `query($n: Int) { datasets(first: $n) { edges { node { id publisher { name } distributions { accessUrl } samples { accessUrl } healthCategories { code label } } } } }`;
    await database.db.transaction(async () => undefined); // warm the pool so both runs start alike
    const count = async (n: number) => {
      const before = database.statementCount();
      const res = await catalog.run<DatasetsData>(query, { n });
      expect(res.errors).toBeUndefined();
      return { statements: database.statementCount() - before, rows: res.data?.datasets.edges.length ?? 0 };
    };
    const ten = await count(10);
    const hundred = await count(100);
    expect(ten.rows).toBe(10);
    expect(hundred.rows).toBeGreaterThan(ten.rows);
    expect(hundred.statements).toBe(ten.statements);
    expect(ten.statements).toBeLessThanOrEqual(8);
  });

  it('lists data holders with their dataset counts', async () => {
    const res = await catalog.run<{ dataHolders: { totalCount: number; edges: { node: { id: string; datasetCount: number } }[]; pageInfo: { hasNextPage: boolean } } }>(
      `{ dataHolders(first: 100) { totalCount edges { node { id datasetCount country { code } } } pageInfo { hasNextPage } } }`,
    );
    expect(res.errors).toBeUndefined();
    const holders = res.data?.dataHolders;
    expect(holders?.edges.length).toBe(holders?.totalCount);
    expect(holders?.edges.find((e) => e.node.id === 'cnam')?.node.datasetCount).toBeGreaterThan(0);
    expect(holders?.pageInfo.hasNextPage).toBe(false);
  });

  it('gives each data holder the dataset count that a search filtered on it gives', async () => {
    const holders = await catalog.run<{ dataHolders: { edges: { node: { id: string; datasetCount: number } }[] } }>(
      `{ dataHolders(first: 100) { edges { node { id datasetCount } } } }`,
    );
    expect(holders.errors).toBeUndefined();
    const edges = holders.data?.dataHolders.edges ?? [];
    expect(edges.length).toBeGreaterThan(10);
    const counts = new Set<number>();
    for (const { node } of edges) {
      const search = await catalog.run<{ datasets: { totalCount: number } }>(`query($p: [ID!]) { datasets(filter: { publishers: $p }) { totalCount } }`, {
        p: [node.id],
      });
      expect(search.errors).toBeUndefined();
      expect({ holder: node.id, datasetCount: node.datasetCount }).toEqual({ holder: node.id, datasetCount: search.data?.datasets.totalCount });
      counts.add(node.datasetCount);
    }
    expect(counts.size).toBeGreaterThan(1);
  });

  it('lists every vocabulary term for search forms', async () => {
    const res = await catalog.run<{ vocabularies: { healthCategories: { code: string }[] } }>(`{ vocabularies { healthCategories { code label } } }`);
    expect(res.data?.vocabularies.healthCategories).toHaveLength(17);
  });
});
