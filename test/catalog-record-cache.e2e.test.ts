import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import type { Role } from '../platform/identity/roles.js';
import { signInternalToken } from '../platform/identity/internal-token.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

/** The catalog subgraph called directly (as the gateway does), so that the gateway's own cache plays no part. */
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

const page = '{ datasets(first: 5) { edges { node { id title publisher { name } } } } }';

async function ask(roles: Role[]): Promise<{ id: string; title: string; publisher: { name: string } }[]> {
  const caller = { subject: roles.length ? 'someone' : null, organisationId: null, roles, requestId: 'test' };
  const token = await signInternalToken(stack.identity.identity.gatewayKey, caller, 'catalog');
  const response = await fetch(stack.subgraphUrls.catalog as string, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'accept-language': 'en' },
    body: JSON.stringify({ query: page }),
  });
  const body = (await response.json()) as { data: { datasets: { edges: { node: { id: string; title: string; publisher: { name: string } } }[] } } };
  return body.data.datasets.edges.map((e) => e.node);
}

describe('catalogue records kept by the catalog subgraph between requests', () => {
  it('answers a page asked again without a statement', async () => {
    await expect.poll(async () => {
      await ask([]);
      const before = database.statementCount();
      await ask([]);
      return database.statementCount() - before;
    }, { timeout: 5_000 }).toBe(0);
  });

  it('serves a committed change within a second, never an uncommitted one, and a steward at once', async () => {
    const [first] = await ask([]);
    const id = first?.id as string;
    const original = first?.title as string;
    // Uncommitted: nobody sees it.
    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE catalog.dataset SET title_en = 'Never committed' WHERE id = ${id}`);
        expect((await ask([]))[0]?.title).toBe(original);
        tx.rollback();
      })
      .catch(() => undefined);
    expect((await ask([]))[0]?.title).toBe(original);

    await database.db.execute(sql`UPDATE catalog.dataset SET title_en = 'Renamed by a steward' WHERE id = ${id}`);
    // A steward reads what is committed now, without waiting for the notification.
    expect((await ask(['data-steward'])).find((d) => d.id === id)?.title).toBe('Renamed by a steward');
    await expect.poll(async () => (await ask([])).find((d) => d.id === id)?.title, { timeout: 1_000, interval: 20 }).toBe('Renamed by a steward');
    await database.db.execute(sql`UPDATE catalog.dataset SET title_en = ${original} WHERE id = ${id}`);
    await expect.poll(async () => (await ask([])).find((d) => d.id === id)?.title, { timeout: 1_000, interval: 20 }).toBe(original);
  });

  it('drops kept publishers when a data holder changes', async () => {
    const [first] = await ask([]);
    const name = first?.publisher.name as string;
    await database.db.execute(sql`UPDATE catalog.data_holder SET name = 'Renamed holder' WHERE name = ${name}`);
    await expect.poll(async () => (await ask([]))[0]?.publisher.name, { timeout: 1_000, interval: 20 }).toBe('Renamed holder');
    await database.db.execute(sql`UPDATE catalog.data_holder SET name = ${name} WHERE name = 'Renamed holder'`);
    await expect.poll(async () => (await ask([]))[0]?.publisher.name, { timeout: 1_000, interval: 20 }).toBe(name);
  });
});
