import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { DEV_ISSUER } from '../platform/identity/dev-issuer.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { TEST_AUDIENCE } from './support/test-identity.js';
import { createTestDatabase } from './support/test-database.js';
import { loadOperations } from '../gateway/schema-check/load-operations.js';
import { readyMessage, startGateway } from '../gateway/start-gateway.js';
import { createLogger } from '../platform/logger.js';

/** Probes against a gateway in production mode: each must be refused with its code, never with a 500. */
let database: Database;
let stack: TestStack;
let researcher: string;
let thlResearcher: string;
let steward: string;

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database, undefined, { production: true });
  researcher = await stack.identity.token('researcher', 'inserm', 'probe-researcher');
  thlResearcher = await stack.identity.token('researcher', 'thl', 'probe-thl-researcher');
  steward = await stack.identity.token('data-steward', undefined, 'probe-steward');
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | undefined;
}

async function post(body: unknown, headers: Record<string, string> = {}, contentType = 'application/json'): Promise<Answer> {
  const response = await fetch(`${stack.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, text, body: parsed };
}

const code = (a: Answer) => a.body?.errors?.[0]?.extensions?.code;

/** Nothing internal in an answer: no stack trace, no internal address, no SQL. */
function expectClean(a: Answer) {
  expect(a.status).not.toBe(500);
  expect(a.text).not.toMatch(/127\.0\.0\.1|localhost|stacktrace|\bat .*\.ts:\d+|SELECT |node_modules/i);
}

const registered = async (file: string) => readFile(new URL(`../operations/${file}`, import.meta.url), 'utf8');

describe('security probes against a production gateway', () => {
  it('closes introspection to partners and anonymous callers, and keeps it for internal roles', async () => {
    const query = '{ __schema { queryType { name } } }';
    // An introspection document is no registered operation.
    for (const headers of [{}, bearer(researcher)]) {
      const a = await post({ query }, headers);
      expect(a.status).toBe(403);
      expect(code(a)).toBe('TRUSTED_DOCUMENT_REQUIRED');
      expectClean(a);
    }
    // Without trusted documents, production still closes introspection.
    const open = await startGateway({
      host: '127.0.0.1',
      port: 0,
      subgraphUrls: stack.subgraphUrls,
      logger: createLogger('silent'),
      identity: stack.identity.identity,
      production: true,
      rules: { trustedDocuments: 'optional' },
    });
    try {
      for (const headers of [{}, bearer(researcher)]) {
        const a = await fetch(`${open.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
        expect(a.status).toBe(403);
        expect(((await a.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('INTROSPECTION_DISABLED');
      }
    } finally {
      await open.stop();
    }
    const internal = await post({ query }, bearer(steward));
    expect(internal.status).toBe(200);
    expect(internal.body?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('does not suggest field names', async () => {
    const a = await post({ query: '{ datasetz(first: 1) { totalCount } }' }, bearer(steward));
    expect(a.status).toBe(400);
    expect(code(a)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(a.text).not.toMatch(/did you mean/i);
  });

  it('refuses alias overload (aliases of __typename included) without revealing the limit', async () => {
    const aliases = Array.from({ length: 200 }, (_, i) => `a${i}: __typename`).join(' ');
    const a = await post({ query: `{ ${aliases} }` }, bearer(steward));
    expect(a.status).toBe(400);
    expect(code(a)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(a.text).not.toMatch(/\b15\b|200/);
    expectClean(a);
  });

  it('refuses directive overload and deep nesting', async () => {
    const directives = Array.from({ length: 100 }, () => '@include(if: true)').join(' ');
    const many = await post({ query: `{ __typename ${directives} }` }, bearer(steward));
    expect(many.status).toBe(400);
    expect(code(many)).toBe('GRAPHQL_VALIDATION_FAILED');
    const deep = await post(
      { query: `{ datasets(first: 1) { edges { node { publisher { datasets(first: 1) { edges { node { publisher { datasets(first: 1) { edges { node { publisher { name } } } } } } } } } } } } }` },
      bearer(steward),
    );
    expect([400, 200]).toContain(deep.status);
    if (deep.status === 200) throw new Error('a 15-level document was accepted');
    expectClean(deep);
  });

  it('refuses a huge document before parsing it, and an oversized body', async () => {
    const huge = await post({ query: `{ __typename ${' '.repeat(30_000)} }` }, bearer(steward));
    expect(huge.status).toBe(413);
    expect(code(huge)).toBe('DOCUMENT_TOO_LARGE');
    const body = await post({ query: '{ __typename }', variables: { padding: 'x'.repeat(400_000) } }, bearer(steward));
    expect(body.status).toBe(413);
    expectClean(body);
  });

  it('refuses a document of too many tokens, and answers a syntax error with 400, not 500', async () => {
    const tokens = await post({ query: `{ ${'x '.repeat(2100)}}` }, bearer(steward));
    expect(tokens.status).toBe(400);
    expect(code(tokens)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(tokens.text).not.toMatch(/2000|2,000/);
    const syntax = await post({ query: 'query Broken {' }, bearer(steward));
    expect(syntax.status).toBe(400);
    expect(code(syntax)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses batched requests', async () => {
    const a = await post([{ query: '{ __typename }' }, { query: '{ __typename }' }], bearer(steward));
    expect(a.status).toBe(400);
    expectClean(a);
  });

  it('refuses cross-site requests: a GET without a preflight header and a simple text/plain POST', async () => {
    const shared = await registered('inserm/search-form-vocabularies.graphql');
    const get = await fetch(`${stack.url}/graphql?query=${encodeURIComponent(shared)}`);
    expect(get.status).toBe(400);
    expect(await get.text()).toMatch(/CSRF|preflight/i);
    const simple = await post(JSON.stringify({ query: '{ __typename }' }), bearer(steward), 'text/plain');
    expect(simple.status).toBe(400);
  });

  it('refuses forged and expired tokens with 401', async () => {
    const forged = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(DEV_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setSubject('mallory')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('a-guessed-secret-of-at-least-32-bytes!!'));
    const expired = await new SignJWT({ roles: ['admin'] })
      .setProtectedHeader({ alg: 'ES256', kid: stack.identity.devKey.kid })
      .setIssuer(DEV_ISSUER)
      .setAudience(TEST_AUDIENCE)
      .setSubject('late')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 7200)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 3600)
      .sign(stack.identity.devKey.privateKey);
    for (const token of [forged, expired]) {
      const a = await post({ query: '{ __typename }' }, bearer(token));
      expect(a.status).toBe(401);
      expect(code(a)).toBe('UNAUTHENTICATED');
    }
  });

  it('refuses an unregistered document from a partner, and accepts its registered operations by id, hash or text', async () => {
    const adHoc = await post({ query: '{ datasets(first: 1) { totalCount } }' }, bearer(researcher));
    expect(adHoc.status).toBe(403);
    expect(code(adHoc)).toBe('TRUSTED_DOCUMENT_REQUIRED');
    const anonymous = await post({ query: '{ datasets(first: 1) { totalCount } }' });
    expect(code(anonymous)).toBe('TRUSTED_DOCUMENT_REQUIRED');

    const source = await registered('inserm/search-datasets.graphql');
    const byId = await post({ documentId: 'inserm/SearchDatasets', variables: { search: 'cancer' } }, bearer(researcher));
    expect(byId.status).toBe(200);
    expect((byId.body?.data as { datasets: { totalCount: number } }).datasets.totalCount).toBeGreaterThan(0);
    const hash = createHash('sha256').update(source).digest('hex');
    const byHash = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } }, variables: { search: 'cancer' } }, bearer(researcher));
    expect(byHash.status).toBe(200);
    const byText = await post({ query: source, variables: { search: 'cancer' } });
    expect(byText.status).toBe(200);
    const unknown = await post({ documentId: 'inserm/NoSuchOperation' }, bearer(researcher));
    expect(unknown.status).toBe(400);
    expect(code(unknown)).toBe('TRUSTED_DOCUMENT_NOT_FOUND');
  });

  it('lets internal roles send ad-hoc documents', async () => {
    const a = await post({ query: '{ datasets(first: 1) { totalCount } }' }, bearer(steward));
    expect(a.status).toBe(200);
    expect(a.body?.errors).toBeUndefined();
  });

  it('refuses direct calls to a subgraph, even with a valid caller token', async () => {
    for (const url of Object.values(stack.subgraphUrls)) {
      const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...bearer(steward) }, body: JSON.stringify({ query: '{ _service { sdl } }' }) });
      expect(response.status).toBe(401);
    }
  });

  it('lets every registered operation through the query limits, by documentId', async () => {
    const { operations } = await loadOperations();
    expect(operations.length).toBeGreaterThan(10);
    for (const op of operations) {
      const a = await post({ documentId: `${op.partner}/${op.operation}` }, bearer(op.partner === 'lineage-console' ? steward : researcher));
      expect.soft(code(a), `${op.file}: ${a.body?.errors?.[0]?.message ?? ''}`).not.toBe('GRAPHQL_VALIDATION_FAILED');
      expect(a.status).not.toBe(500);
    }
  });

  it('answers an unregistered document the same way whether it is valid, invalid or not GraphQL', async () => {
    const documents = [
      '{ datasets(first: 1) { totalCount } }',
      '{ datasetz(first: 1) { totalCount } }',
      '{ datasets(first: 1) { noSuchField } }',
      'query Broken {',
      'not graphql at all',
    ];
    const answers = [];
    for (const query of documents) {
      for (const headers of [{}, bearer(researcher)]) {
        const a = await post({ query }, headers);
        answers.push({ status: a.status, body: a.body });
      }
    }
    expect(new Set(answers.map((a) => JSON.stringify(a))).size).toBe(1);
    expect(answers[0]?.status).toBe(403);
    expect(answers[0]?.body?.errors?.[0]?.extensions?.code).toBe('TRUSTED_DOCUMENT_REQUIRED');
  });

  it("lets a partner send only its own registered operations and shared ones", async () => {
    const details = { documentId: 'inserm/DatasetDetails', variables: { id: 'snds-dcir' } };
    expect((await post(details, bearer(researcher))).status).toBe(200);
    for (const headers of [bearer(thlResearcher), {}]) {
      const a = await post(details, headers);
      expect(a.status).toBe(403);
      expect(code(a)).toBe('TRUSTED_DOCUMENT_REQUIRED');
    }
    const text = await post({ query: await registered('inserm/dataset-details.graphql'), variables: { id: 'snds-dcir' } }, bearer(thlResearcher));
    expect(code(text)).toBe('TRUSTED_DOCUMENT_REQUIRED');
    expect((await post({ documentId: 'thl/ActivePermits' }, bearer(researcher))).status).toBe(403);
    expect((await post({ documentId: 'thl/ActivePermits' }, bearer(thlResearcher))).status).toBe(200);
    // Shared operations (`# @shared`): anyone, anonymous included.
    for (const headers of [bearer(thlResearcher), {}]) {
      expect((await post({ documentId: 'inserm/SearchDatasets', variables: { search: 'cancer' } }, headers)).status).toBe(200);
      expect((await post({ documentId: 'thl/PublicPermitRegister' }, headers)).status).toBe(200);
    }
  });

  it('hides every suggestion, enum values included, from every caller', async () => {
    const literal = await post({ query: '{ datasets(orderBy: RELEVANC, first: 1) { totalCount } }' }, bearer(steward));
    expect(code(literal)).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = await post({ documentId: 'inserm/SearchDatasets', variables: { filter: { countries: ['FRX'] } } });
    expect(variable.status).toBe(400);
    const argument = await post({ query: '{ datasets(frist: 1) { totalCount } }' }, bearer(steward));
    for (const a of [literal, variable, argument]) {
      expect(a.body?.errors?.length).toBeGreaterThan(0);
      expect(a.text).not.toMatch(/did you mean|RELEVANCE|"FRA"|"first"/i);
      expectClean(a);
    }
  });

  it("does not publish the development issuer's keys", async () => {
    expect((await fetch(`${stack.url}/.well-known/jwks.json`)).status).toBe(404);
  });

  it('serves no explorer and names none in its ready line', async () => {
    expect(stack.entryPoints.explorer).toBeUndefined();
    expect(readyMessage(stack.entryPoints)).toBe(`ready: GraphQL at ${stack.url}/graphql`);
    expect((await fetch(`${stack.url}/explorer`)).status).toBe(404);
  });
});
