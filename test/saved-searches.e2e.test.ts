import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

/**
 * Saved searches through the gateway: who keeps them, what they match, the event of a dataset that
 * starts to match one, and webhook subscriptions scoped to them.
 */
let database: Database;
let stack: TestStack;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  tokens.steward = await stack.identity.token('data-steward', undefined, 'saved-steward');
  tokens.inserm = await stack.identity.token('researcher', 'inserm', 'saved-alice');
  tokens.aphp = await stack.identity.token('researcher', 'aphp', 'saved-bob');
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

type SaveResult = { savedSearch: { id: string; name: string; matchCount: number } | null; error: { code: string; message: string; field: string | null } | null };

async function save(who: string, input: Record<string, unknown>): Promise<SaveResult> {
  const { body } = await stack.queryGateway<{ saveSearch: SaveResult }>(
    `mutation ($input: SavedSearchInput!) { saveSearch(input: $input) { savedSearch { id name matchCount } error { code message field } } }`,
    { input },
    as(who),
  );
  expect(body.errors).toBeUndefined();
  return body.data?.saveSearch as SaveResult;
}

const INPUT = (id: string, title: string, accessRights = 'RESTRICTED') =>
  `{ identifier: "${id}", title: { en: "${title}" }, description: { en: "A registry kept for the saved-search test." }, themes: [HEAL], healthCategories: [HRAD],
     accessRights: ${accessRights}, publisher: "atih", contactPoint: { name: "ATIH" }, spatial: [FRA] }`;

async function curate(mutation: string): Promise<void> {
  const { body } = await stack.queryGateway<Record<string, { error: unknown }>>(mutation, {}, as('steward'));
  expect(body.errors).toBeUndefined();
  expect(Object.values(body.data ?? {})[0]?.error).toBeNull();
}

interface Change {
  type: string;
  datasetIds: string[];
  savedSearch: { id: string; name: string } | null;
}

async function feed(who: string, types: string[]): Promise<Change[]> {
  const all: Change[] = [];
  let after: string | undefined;
  for (let page = 0; page < 50; page++) {
    const { body } = await stack.queryGateway<{ changes: { edges: { node: Change }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } }>(
      `query ($after: String, $types: [ChangeType!]) { changes(after: $after, first: 100, types: $types) {
         edges { node { type datasetIds savedSearch { id name } } } pageInfo { hasNextPage endCursor } } }`,
      { after, types },
      as(who),
    );
    expect(body.errors).toBeUndefined();
    all.push(...(body.data?.changes.edges.map((e) => e.node) ?? []));
    after = body.data?.changes.pageInfo.endCursor;
    if (!body.data?.changes.pageInfo.hasNextPage) return all;
  }
  throw new Error('the feed did not end');
}

const matchCount = async (who: string, id: string) =>
  (await stack.queryGateway<{ savedSearch: { matchCount: number } | null }>(`query ($id: ID!) { savedSearch(id: $id) { matchCount } }`, { id }, as(who))).body.data?.savedSearch
    ?.matchCount;

describe('saved searches', () => {
  it('are kept per organisation, validated, and match what the search finds', async () => {
    const anonymous = await stack.queryGateway(`mutation { saveSearch(input: { name: "x" }) { error { code } } }`);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect((await save('inserm', { name: '  ', search: 'cancer' })).error).toMatchObject({ code: 'INVALID_INPUT', field: 'name' });
    expect((await save('inserm', { name: 'Long', search: 'x'.repeat(201) })).error).toMatchObject({ code: 'INVALID_INPUT', field: 'search' });
    expect((await save('inserm', { name: 'Dates', filter: { temporal: { start: '2020-13-01' } } })).error).toMatchObject({ code: 'INVALID_INPUT', field: 'filter.temporal.start' });

    const saved = await save('inserm', { name: 'Hospital stays', search: 'hospitalisation', filter: { accessRights: ['RESTRICTED'] } });
    expect(saved.error).toBeNull();
    const searched = await stack.queryGateway<{ datasets: { totalCount: number } }>(
      `{ datasets(search: "hospitalisation", filter: { accessRights: [RESTRICTED] }) { totalCount } }`,
    );
    expect(saved.savedSearch?.matchCount).toBe(searched.body.data?.datasets.totalCount);
    expect(saved.savedSearch?.matchCount).toBeGreaterThan(0);

    const listed = await stack.queryGateway<{ savedSearches: { totalCount: number; edges: { node: { id: string; search: string; filter: { accessRights: string[] }; datasets: { totalCount: number } } }[] } }>(
      `{ savedSearches(first: 10) { totalCount edges { node { id search filter { accessRights } datasets(first: 2) { totalCount } } } } }`,
      {},
      as('inserm'),
    );
    expect(listed.body.errors).toBeUndefined();
    const mine = listed.body.data?.savedSearches.edges.find((e) => e.node.id === saved.savedSearch?.id)?.node;
    expect(mine).toMatchObject({ search: 'hospitalisation', filter: { accessRights: ['RESTRICTED'] }, datasets: { totalCount: saved.savedSearch?.matchCount } });

    // Another organisation neither sees nor deletes it.
    const other = await stack.queryGateway<{ savedSearch: unknown; savedSearches: { totalCount: number } }>(
      `query ($id: ID!) { savedSearch(id: $id) { id } savedSearches { totalCount } }`,
      { id: saved.savedSearch?.id },
      as('aphp'),
    );
    expect(other.body.data).toEqual({ savedSearch: null, savedSearches: { totalCount: 0 } });
    const refused = await stack.queryGateway<{ deleteSavedSearch: { error: { code: string } } }>(
      `mutation ($id: ID!) { deleteSavedSearch(id: $id) { error { code } } }`,
      { id: saved.savedSearch?.id },
      as('aphp'),
    );
    expect(refused.body.data?.deleteSavedSearch.error.code).toBe('NOT_FOUND');
    const deleted = await stack.queryGateway<{ deleteSavedSearch: { error: unknown } }>(`mutation ($id: ID!) { deleteSavedSearch(id: $id) { error { code } } }`, { id: saved.savedSearch?.id }, as('inserm'));
    expect(deleted.body.data?.deleteSavedSearch.error).toBeNull();
    expect(await matchCount('inserm', saved.savedSearch?.id as string)).toBeUndefined();
  });

  it('raises an event for its organisation when a dataset starts to match, and again after it left and came back', async () => {
    const saved = await save('inserm', { name: 'Platypus registries', search: 'ornithorynque' });
    expect(saved.savedSearch?.matchCount).toBe(0);
    const id = saved.savedSearch?.id as string;

    await curate(`mutation { createDataset(input: ${INPUT('registre-ornithorynque', 'Registre ornithorynque').replace('{ identifier', '{ id: "registre-ornithorynque", identifier')}) { error { code } } }`);
    await expect.poll(() => matchCount('inserm', id), { timeout: 10_000, interval: 100 }).toBe(1);
    await expect
      .poll(async () => (await feed('inserm', ['DATASET_MATCHED_SAVED_SEARCH'])).filter((c) => c.savedSearch?.id === id), { timeout: 10_000, interval: 100 })
      .toEqual([{ type: 'DATASET_MATCHED_SAVED_SEARCH', datasetIds: ['registre-ornithorynque'], savedSearch: { id, name: 'Platypus registries' } }]);
    // Not another organisation's to read.
    expect((await feed('aphp', ['DATASET_MATCHED_SAVED_SEARCH'])).some((c) => c.savedSearch?.id === id)).toBe(false);

    // A change that keeps it matching raises nothing new; one that takes it out, nothing; back in: a new event.
    await curate(`mutation { updateDataset(id: "registre-ornithorynque", input: ${INPUT('registre-ornithorynque', 'Registre ornithorynque, revu')}) { error { code } } }`);
    await curate(`mutation { updateDataset(id: "registre-ornithorynque", input: ${INPUT('registre-ornithorynque', 'Registre des monotrèmes')}) { error { code } } }`);
    await expect.poll(() => matchCount('inserm', id), { timeout: 10_000, interval: 100 }).toBe(0);
    await curate(`mutation { updateDataset(id: "registre-ornithorynque", input: ${INPUT('registre-ornithorynque', 'Registre ornithorynque')}) { error { code } } }`);
    await expect.poll(() => matchCount('inserm', id), { timeout: 10_000, interval: 100 }).toBe(1);
    await expect
      .poll(async () => (await feed('inserm', ['DATASET_MATCHED_SAVED_SEARCH'])).filter((c) => c.savedSearch?.id === id).length, { timeout: 10_000, interval: 100 })
      .toBe(2);
  });

  it('scopes a webhook subscription to its matches, including the change that takes a dataset out', async () => {
    const received: { type: string; data: { datasetIds: string[]; savedSearch: { id: string } | null } }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push(JSON.parse(body) as (typeof received)[number]);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    try {
      const saved = await save('aphp', { name: 'Echidna', search: 'echidne' });
      const elsewhere = await save('inserm', { name: 'Echidna too', search: 'echidne' });
      const id = saved.savedSearch?.id as string;
      const subscribe = (savedSearchIds: string[]) =>
        stack.queryGateway<{ createWebhookSubscription: { subscription: { id: string; savedSearchIds: string[] } | null; error: { code: string } | null } }>(
          `mutation ($url: String!, $ids: [ID!]) { createWebhookSubscription(input: { url: $url, types: [DATASET_MATCHED_SAVED_SEARCH, DATASET_CHANGED, DATASET_WITHDRAWN], savedSearchIds: $ids }) {
             subscription { id savedSearchIds } error { code } } }`,
          { url, ids: savedSearchIds },
          as('aphp'),
        );
      // Another organisation's saved search is not a scope it may use.
      expect((await subscribe([elsewhere.savedSearch?.id as string])).body.data?.createWebhookSubscription.error?.code).toBe('INVALID_INPUT');
      const created = await subscribe([id]);
      expect(created.body.data?.createWebhookSubscription.subscription?.savedSearchIds).toEqual([id]);

      await curate(`mutation { createDataset(input: ${INPUT('registre-echidne', 'Registre échidné', 'PUBLIC').replace('{ identifier', '{ id: "registre-echidne", identifier')}) { error { code } } }`);
      await curate(`mutation { updateDataset(id: "pmsi-mco", input: ${INPUT('pmsi-mco', 'PMSI, out of scope')}) { error { code } } }`);
      await curate(`mutation { updateDataset(id: "registre-echidne", input: ${INPUT('registre-echidne', 'Registre des monotrèmes', 'PUBLIC')}) { error { code } } }`);
      await curate(`mutation { withdrawDataset(id: "registre-echidne", reason: "Merged.") { error { code } } }`);

      await expect.poll(() => received.map((r) => r.type), { timeout: 15_000, interval: 100 }).toEqual(['DATASET_MATCHED_SAVED_SEARCH', 'DATASET_CHANGED', 'DATASET_WITHDRAWN']);
      expect(received.every((r) => r.data.datasetIds.join() === 'registre-echidne')).toBe(true);
      expect(received[0]?.data.savedSearch?.id).toBe(id);
      // inserm's own search of the same words raised its own event, never sent here.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(received.some((r) => r.data.savedSearch?.id === elsewhere.savedSearch?.id)).toBe(false);
      expect(received.some((r) => r.data.datasetIds.includes('pmsi-mco'))).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(() => resolve(undefined)));
    }
  });
});
