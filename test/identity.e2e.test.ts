import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { anonymousCaller } from '../platform/identity/caller.js';
import { DEV_ISSUER } from '../platform/identity/dev-issuer.js';
import { GATEWAY_ISSUER, signInternalToken } from '../platform/identity/internal-token.js';
import { generateKeyPairInMemory, type KeyPair } from '../platform/identity/key-pair.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { TEST_AUDIENCE } from './support/test-identity.js';
import { createTestDatabase } from './support/test-database.js';

let database: Database;
let stack: TestStack;
let stranger: KeyPair;

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  stranger = await generateKeyPairInMemory('stranger');
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

const query = `{ dataset(id: "snds-dcir") { id } }`;

function callerToken(key: KeyPair, edit: (jwt: SignJWT) => SignJWT = (j) => j, header: Record<string, unknown> = {}) {
  const jwt = new SignJWT({ roles: ['data-steward'] })
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, ...header })
    .setIssuer(DEV_ISSUER)
    .setAudience(TEST_AUDIENCE)
    .setSubject('someone')
    .setIssuedAt()
    .setExpirationTime('5m');
  return edit(jwt).sign(key.privateKey);
}

async function postTo(url: string, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as { errors?: { extensions?: { code?: string } }[]; data?: unknown } };
}

describe('callers at the gateway', () => {
  it('lets an anonymous caller read public catalogue metadata', async () => {
    const { status, body } = await stack.queryGateway(query);
    expect(status).toBe(200);
    expect(body.data).toEqual({ dataset: { id: 'snds-dcir' } });
  });

  it('accepts a valid token of the development issuer', async () => {
    const { status } = await stack.queryGateway(query, {}, { authorization: `Bearer ${await stack.identity.token('data-steward')}` });
    expect(status).toBe(200);
  });

  it('refuses a tampered copy of a token it has already accepted (only the exact token is remembered)', async () => {
    const token = await callerToken(stack.identity.devKey);
    expect((await stack.queryGateway(query, {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    expect((await stack.queryGateway(query, {}, { authorization: `Bearer ${token}` })).status).toBe(200);
    const [header, , signature] = token.split('.');
    const claims = Buffer.from(JSON.stringify({ ...decodeJwt(token), roles: ['admin'] })).toString('base64url');
    const forged = await stack.queryGateway(query, {}, { authorization: `Bearer ${header}.${claims}.${signature}` });
    expect(forged.status).toBe(401);
    expect(forged.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  const refusals: [string, () => Promise<string>][] = [
    ['an expired token', () => callerToken(stack.identity.devKey, (j) => j.setIssuedAt(Math.floor(Date.now() / 1000) - 7200).setExpirationTime(Math.floor(Date.now() / 1000) - 3600))],
    ['a token not valid yet', () => callerToken(stack.identity.devKey, (j) => j.setNotBefore(Math.floor(Date.now() / 1000) + 3600))],
    ['a token signed by another key', () => callerToken(stranger)],
    ['a token for another audience', () => callerToken(stack.identity.devKey, (j) => j.setAudience('someone-else'))],
    ['a token from another issuer', () => callerToken(stack.identity.devKey, (j) => j.setIssuer('https://evil.example'))],
    [
      'an unsigned token (alg: none)',
      async () => {
        const valid = await callerToken(stack.identity.devKey);
        const claims = decodeJwt(valid);
        const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
        return `${enc({ alg: 'none', typ: 'JWT' })}.${enc(claims)}.`;
      },
    ],
    ['a researcher token without an organisation', () => stack.identity.token('researcher')],
    ['garbage', async () => 'not-a-jwt'],
  ];
  it.each(refusals)('refuses %s with 401 UNAUTHENTICATED', async (_name, make) => {
    const { status, body } = await stack.queryGateway(query, {}, { authorization: `Bearer ${await make()}` });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data ?? null).toBeNull();
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const { status } = await stack.queryGateway(query, {}, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(status).toBe(401);
  });

  it('publishes the development issuer keys at /.well-known/jwks.json', async () => {
    const response = await fetch(`${stack.url}/.well-known/jwks.json`);
    const jwks = (await response.json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks.keys.map((k) => k.kid)).toEqual([stack.identity.devKey.kid]);
    expect(jwks.keys[0]?.d).toBeUndefined();
  });
});

describe('subgraphs called without the gateway', () => {
  const calls: [string, string][] = [
    ['a query', query],
    ['the SDL (_service)', '{ _service { sdl } }'],
    ['an entity lookup (_entities)', '{ _entities(representations: [{ __typename: "Dataset", id: "snds-dcir" }]) { ... on Dataset { id } } }'],
  ];

  it.each(calls)('refuse %s without a token', async (_name, document) => {
    for (const url of Object.values(stack.subgraphUrls)) {
      const { status, body } = await postTo(url, { query: document });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('refuse a caller token passed straight through', async () => {
    const token = await stack.identity.token('admin');
    const { status } = await postTo(stack.subgraphUrls.catalog ?? '', { query }, { authorization: `Bearer ${token}` });
    expect(status).toBe(401);
  });

  it('refuse a gateway token made for another subgraph or signed by another key', async () => {
    const forOther = await signInternalToken(stack.identity.identity.gatewayKey, anonymousCaller('r'), 'access');
    const forged = await signInternalToken(stranger, anonymousCaller('r'), 'catalog');
    for (const token of [forOther, forged]) {
      const { status } = await postTo(stack.subgraphUrls.catalog ?? '', { query }, { authorization: `Bearer ${token}` });
      expect(status).toBe(401);
    }
  });

  it('accept a gateway token made for them, which expires within 60 seconds', async () => {
    const token = await signInternalToken(stack.identity.identity.gatewayKey, anonymousCaller('r'), 'catalog');
    const claims = decodeJwt(token);
    expect(claims.iss).toBe(GATEWAY_ISSUER);
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeLessThanOrEqual(60);
    const { status } = await postTo(stack.subgraphUrls.catalog ?? '', { query }, { authorization: `Bearer ${token}` });
    expect(status).toBe(200);
  });
});

describe('npm run token', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'hmg-token-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/token.ts', ...args], {
      env: { ...process.env, DATA_DIR: dataDir, OIDC_ISSUER: '' },
    });

  it('prints a researcher token carrying its organisation, and refuses one without --org', async () => {
    const { stdout } = await run(['--role', 'researcher', '--org', 'org-a']);
    const claims = decodeJwt(stdout.trim());
    expect(claims).toMatchObject({ iss: DEV_ISSUER, org: 'org-a', roles: ['researcher'], aud: TEST_AUDIENCE });
    await expect(run(['--role', 'researcher'])).rejects.toMatchObject({ code: 2 });
  });
});
