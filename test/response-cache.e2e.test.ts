import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataGenerations } from '../gateway/response-cache/data-generations.js';
import { CACHE_STATUS_HEADER } from '../gateway/response-cache/response-cache-plugin.js';
import { RedisResponseStore } from '../gateway/response-cache/response-store.js';
import { startGateway, type RunningGateway } from '../gateway/start-gateway.js';
import type { Database } from '../platform/db/database.js';
import type { Role } from '../platform/identity/roles.js';
import type { AuditEntryInput } from '../subgraphs/access/db/queries/audit.js';
import { createLogger } from '../platform/logger.js';
import { startTestRedis } from './support/redis-server.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

let database: Database;
let stack: TestStack;
/** A second gateway over the same subgraphs, hearing the same database, as another replica would. */
let replica: RunningGateway;
let replicaChanges: DataGenerations;

const callers: Record<string, { roles: Role[]; org?: string } | null> = {
  anonymous: null,
  'researcher A': { roles: ['researcher'], org: 'inserm' },
  'researcher A, second member': { roles: ['researcher'], org: 'inserm' },
  'researcher B': { roles: ['researcher'], org: 'aphp' },
  reviewer: { roles: ['hdab-reviewer'] },
  steward: { roles: ['data-steward'] },
  auditor: { roles: ['auditor'] },
  admin: { roles: ['admin'] },
};
const tokens: Record<string, string | null> = {};
const cacheable = new Set(['anonymous', 'researcher A', 'researcher A, second member', 'researcher B']);

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  for (const [name, spec] of Object.entries(callers)) {
    tokens[name] = spec ? await stack.identity.token(spec.roles, spec.org, `cache-${name.replaceAll(/\W+/g, '-')}`) : null;
  }
  replicaChanges = await DataGenerations.hear(database);
  replica = await startGateway({ host: '127.0.0.1', port: 0, subgraphUrls: stack.subgraphUrls, logger: createLogger('silent'), identity: stack.identity.identity, changes: replicaChanges });
});

afterAll(async () => {
  await replica?.stop();
  await replicaChanges?.stop();
  await stack?.stop();
  await database?.close();
});

/** POSTs a query as `who` to a gateway; the answer's text and whether it came from the cache. */
async function ask(url: string, who: string, query: string, variables: Record<string, unknown> = {}) {
  const token = tokens[who];
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, text: await response.text(), cache: response.headers.get(CACHE_STATUS_HEADER) };
}

/** Queries whose answers depend on who asks: organisation, role, permits, lineage visibility. */
const personal = [
  `{ dataset(id: "pmsi-mco") { id title viewerAccess { status canRequest reasons } } }`,
  `{ datasets(first: 5, search: "cancer") { totalCount edges { node { id viewerAccess { status } } } } }`,
  `{ accessApplications(first: 10) { totalCount edges { node { id status } } } }`,
  `{ permits(first: 10) { totalCount edges { node { id } } } }`,
  `{ dataset(id: "snds-dcir") { lineage(depth: 2) { hiddenCount nodes { id } } } }`,
  `{ organisations(first: 5) { totalCount edges { node { id } } } }`,
  `{ auditTrail(first: 3) { edges { node { seq } } } }`,
];

describe('the response cache', () => {
  it('serves every caller only its own answers, warm as cold, across the role matrix', async () => {
    // Researcher A's organisation applies for a dataset, so that its answers differ from B's.
    const submitted = await stack.queryGateway<{ submitAccessApplication: { error: unknown } }>(
      `mutation($input: SubmitAccessApplicationInput!) { submitAccessApplication(input: $input) { error { code message } } }`,
      {
        input: {
          principalInvestigator: { name: 'Alice Martin' },
          authorisedPersons: [{ name: 'Alice Martin' }],
          purpose: 'SCIENTIFIC_RESEARCH',
          purposeDescription: 'Study of breast cancer care pathways after diagnosis, 2015-2022.',
          datasetIds: ['pmsi-mco'],
          dataForm: 'ANONYMISED',
          secureProcessingEnvironment: 'HDH secure platform',
          requestedDurationMonths: 12,
        },
      },
      { authorization: `Bearer ${tokens['researcher A']}` },
    );
    expect(submitted.body.data?.submitAccessApplication.error).toBeNull();
    const names = Object.keys(callers);
    const cold = new Map<string, string>();
    for (const query of personal) for (const who of names) cold.set(`${who}\n${query}`, (await ask(stack.url, who, query)).text);
    // The matrix can tell callers apart: two organisations' researchers get different answers somewhere.
    expect(personal.some((q) => cold.get(`researcher A\n${q}`) !== cold.get(`researcher B\n${q}`))).toBe(true);
    expect(personal.some((q) => cold.get(`anonymous\n${q}`) !== cold.get(`researcher A\n${q}`))).toBe(true);

    // Warm, in the reverse order: each partner gets exactly what it got cold, from the cache.
    for (const query of personal) {
      for (const who of [...names].reverse()) {
        const warm = await ask(stack.url, who, query);
        // Internal roles are answered afresh (the audit trail they read grows with every request).
        if (!cacheable.has(who)) {
          expect(warm.cache, `${who}: ${query}`).toBeNull();
          continue;
        }
        expect(warm.text, `${who}: ${query}`).toBe(cold.get(`${who}\n${query}`));
        if (!warm.text.includes('"errors"')) expect(warm.cache, `${who}: ${query}`).toBe('HIT');
      }
    }
  });

  it('never keeps an answer with errors', async () => {
    const refused = `{ datasets(first: 1, after: "not-a-cursor") { totalCount } }`;
    const first = await ask(stack.url, 'researcher A', refused);
    expect(first.text).toContain('"errors"');
    expect((await ask(stack.url, 'researcher A', refused)).cache).toBe('MISS');
  });

  it('shows a curation to everyone at once on this gateway, and on another gateway once it hears of it', async () => {
    const query = `{ dataset(id: "pmsi-mco") { title } }`;
    const read = async (url: string) => JSON.parse((await ask(url, 'anonymous', query)).text) as { data: { dataset: { title: string } } };
    const before = (await read(stack.url)).data.dataset.title;
    await read(replica.url);
    expect((await ask(stack.url, 'anonymous', query)).cache).toBe('HIT');
    expect((await ask(replica.url, 'anonymous', query)).cache).toBe('HIT');

    const changed = await stack.queryGateway<{ updateDataset: { error: unknown } }>(
      `mutation ($id: ID!) { updateDataset(id: $id, input: { identifier: "pmsi-mco", title: { en: "PMSI, as curated" }, description: { en: "Hospital stays." }, themes: [HEAL], healthCategories: [HRAD], accessRights: RESTRICTED, publisher: "atih", contactPoint: { name: "ATIH" }, spatial: [FRA] }) { error { code message } } }`,
      { id: 'pmsi-mco' },
      { authorization: `Bearer ${tokens.steward}` },
    );
    expect(changed.body.errors).toBeUndefined();
    expect(changed.body.data?.updateDataset.error).toBeNull();
    // The gateway that carried the write: at once, for every caller.
    expect((await read(stack.url)).data.dataset.title).toBe('PMSI, as curated');
    // Another gateway: within a second, from the database's notification.
    await expect.poll(async () => (await read(replica.url)).data.dataset.title, { timeout: 1_000, interval: 20 }).toBe('PMSI, as curated');
    expect(before).not.toBe('PMSI, as curated');
  });

  it('drops what a change made outside the gateways touches (an import, a script), within a second', async () => {
    const query = `{ dataHolder(id: "cnam") { name } }`;
    const read = async () => JSON.parse((await ask(replica.url, 'anonymous', query)).text) as { data: { dataHolder: { name: string } } };
    const name = (await read()).data.dataHolder.name;
    expect((await ask(replica.url, 'anonymous', query)).cache).toBe('HIT');
    await database.db.execute(sql`UPDATE catalog.data_holder SET name = 'Renamed by a script' WHERE id = 'cnam'`);
    await expect.poll(async () => (await read()).data.dataHolder.name, { timeout: 1_000, interval: 20 }).toBe('Renamed by a script');
    await database.db.execute(sql`UPDATE catalog.data_holder SET name = ${name} WHERE id = 'cnam'`);
    await expect.poll(async () => (await read()).data.dataHolder.name, { timeout: 1_000, interval: 20 }).toBe(name);
  });

  it('keeps the answers of one subgraph when only another one changes', async () => {
    const query = `{ dataHolders(first: 2) { totalCount } }`;
    await ask(replica.url, 'anonymous', query);
    expect((await ask(replica.url, 'anonymous', query)).cache).toBe('HIT');
    await database.db.execute(sql`UPDATE access.organisation SET name = name WHERE false`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await ask(replica.url, 'anonymous', query)).cache).toBe('HIT');
  });

  it('shares answers between gateways through Redis, once they agree on the data generations', async () => {
    const redis = await startTestRedis();
    const gateways: { gateway: RunningGateway; changes: DataGenerations }[] = [];
    try {
      for (let i = 0; i < 2; i++) {
        const changes = await DataGenerations.hear(database);
        const store = new RedisResponseStore(redis.url, 'test:');
        const gateway = await startGateway({ host: '127.0.0.1', port: 0, subgraphUrls: stack.subgraphUrls, logger: createLogger('silent'), identity: stack.identity.identity, changes, store });
        gateways.push({ gateway, changes });
      }
      const [a, b] = gateways as [(typeof gateways)[number], (typeof gateways)[number]];
      const all = ['catalog', 'access', 'lineage'];
      // Each one's start told every gateway to move to a new generation: they end up on the same.
      await expect.poll(() => a.changes.of(all) !== null && a.changes.of(all) === b.changes.of(all), { timeout: 5_000 }).toBe(true);
      const query = `{ dataHolders(first: 3) { totalCount edges { node { id name } } } }`;
      await expect.poll(async () => {
        await ask(a.gateway.url, 'researcher B', query);
        return (await ask(b.gateway.url, 'researcher B', query)).cache;
      }, { timeout: 5_000 }).toBe('HIT');
      // Another caller's scope is not shared.
      expect((await ask(b.gateway.url, 'researcher A', query)).cache).toBe('MISS');
      // A change moves both to a new generation: the shared entry is not read again.
      await database.db.execute(sql`UPDATE catalog.data_holder SET name = name WHERE false`);
      await expect.poll(async () => (await ask(b.gateway.url, 'researcher B', query)).cache, { timeout: 1_000, interval: 20 }).toBe('MISS');
    } finally {
      for (const { gateway, changes } of gateways) {
        await gateway.stop();
        await changes.stop();
      }
      await redis.stop();
    }
  });

  it('lets a CDN keep a public registered operation sent by GET (Cache-Control, ETag, 304), never a signed-in one', async () => {
    const source = readFileSync(new URL('../operations/inserm/search-datasets.graphql', import.meta.url), 'utf8');
    const hash = createHash('sha256').update(source).digest('hex');
    const params = new URLSearchParams({ extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: hash } }), variables: JSON.stringify({ search: 'cancer' }) });
    const get = (headers: Record<string, string>) =>
      new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
        http
          .get(`${stack.url}/graphql?${params.toString()}`, { headers: { 'apollo-require-preflight': 'true', ...headers } }, (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }));
          })
          .on('error', reject);
      });
    const anonymous = await get({});
    expect(anonymous.status).toBe(200);
    expect(anonymous.body).toContain('"totalCount"');
    expect(anonymous.headers['cache-control']).toBe('public, max-age=30');
    expect(anonymous.headers.etag).toBeTruthy();
    const again = await get({ 'if-none-match': String(anonymous.headers.etag) });
    expect(again.status).toBe(304);
    const signedIn = await get({ authorization: `Bearer ${tokens['researcher A']}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.headers['cache-control']).toBe('private, no-store');
  });

  it('replays a repeated answer before Apollo Server, and still charges the budget, writes the audit trail and logs it', async () => {
    const changes = await DataGenerations.hear(database);
    const entries: AuditEntryInput[] = [];
    let auditDown = false;
    const lines: { msg?: string; cache?: string; status?: number; subject?: string }[] = [];
    const logger = createLogger('info', 'replay-test', { write: (line: string) => void lines.push(JSON.parse(line) as (typeof lines)[number]) });
    const gateway = await startGateway({
      host: '127.0.0.1',
      port: 0,
      subgraphUrls: stack.subgraphUrls,
      logger,
      identity: stack.identity.identity,
      changes,
      audit: async (entry) => {
        if (auditDown) throw new Error('the audit trail is unreachable');
        entries.push(entry);
      },
      // 12 resolved fields per answer below: about a dozen answers a minute.
      rules: { rateLimits: { partnerFieldsPerMinute: 150, internalFieldsPerMinute: 150 } },
    });
    try {
      const query = `{ dataHolders(first: 3) { totalCount edges { node { id name } } } }`;
      const replayed = () => lines.filter((l) => l.msg === 'graphql request' && l.cache === 'replay');
      const cold = await ask(gateway.url, 'researcher B', query);
      expect(cold.cache).toBe('MISS');
      expect(replayed()).toHaveLength(0);
      const warm = await ask(gateway.url, 'researcher B', query);
      expect(warm.cache).toBe('HIT');
      // Byte for byte what Apollo Server sent, and answered without it.
      expect(warm.text).toBe(cold.text);
      expect(replayed()).toHaveLength(1);
      // Audited like the first answer: same operation and document, its own request.
      expect(entries).toHaveLength(2);
      expect(entries[1]).toMatchObject({ source: 'gateway', action: 'graphql', outcome: 'SUCCESS', documentHash: entries[0]?.documentHash, operationName: entries[0]?.operationName });
      expect(entries[1]?.requestId).not.toBe(entries[0]?.requestId);
      // Another caller is another answer.
      expect((await ask(gateway.url, 'researcher A', query)).cache).toBe('MISS');

      // No trace, no answer.
      auditDown = true;
      const refused = await ask(gateway.url, 'researcher B', query);
      expect(refused.status).toBe(500);
      expect(refused.text).not.toContain('"data"');
      expect((JSON.parse(refused.text) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
      auditDown = false;

      // Replayed answers spend the caller's budget: it runs out, and the refusal says when to retry.
      let last = warm;
      for (let i = 0; i < 20 && last.status === 200; i++) last = await ask(gateway.url, 'researcher B', query);
      expect(last.status).toBe(429);
      expect(last.text).toContain('RATE_LIMITED');
      expect(replayed().length).toBeGreaterThan(5);
    } finally {
      await gateway.stop();
      await changes.stop();
    }
  });
});
