import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';
import { exampleRecord } from './support/example-records.js';

/**
 * Harvesting other catalogues: the official HealthDCAT-AP examples served by a local HTTP server, a second
 * instance of the project seeded as another country's node, and hostile sources. Node A harvests; node B
 * is the peer.
 */
let databaseA: Database;
let databaseB: Database;
let nodeA: TestStack;
let nodeB: TestStack;
let server: http.Server;
let serverUrl: string;
const tokens: Record<string, string> = {};

const EXAMPLES = new URL('./fixtures/conformance/healthdcat-ap/examples/', import.meta.url);
const TTL_PREFIXES = `@prefix dcat: <http://www.w3.org/ns/dcat#> . @prefix dct: <http://purl.org/dc/terms/> . @prefix hydra: <http://www.w3.org/ns/hydra/core#> . @prefix foaf: <http://xmlns.com/foaf/0.1/> . @prefix vcard: <http://www.w3.org/2006/vcard/ns#> .\n`;

/** A valid PUBLIC record of its own, made from the official ARCA example. */
const record = (iri: string, identifier: string, title: string, keywords = 0) => exampleRecord(iri, identifier, title, { keywords, ownNodes: true });
/** Two records in one Turtle document (prefixes said twice are allowed). */
const both = (...records: string[]) => records.join('\n');

/** What the local server answers, by path; changed by the tests. */
const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>> = {};

const turtle = (body: string) => (_req: http.IncomingMessage, res: http.ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/turtle' }).end(body);
};

beforeAll(async () => {
  databaseA = await createTestDatabase();
  databaseB = await createTestDatabase();
  nodeA = await startTestStack(databaseA);
  nodeB = await startTestStack(databaseB);
  tokens.adminA = await nodeA.identity.token('admin', undefined, 'harvest-admin');
  tokens.stewardA = await nodeA.identity.token('data-steward', undefined, 'harvest-steward');
  tokens.stewardB = await nodeB.identity.token('data-steward', undefined, 'peer-steward');
  server = http.createServer((req, res) => {
    const route = routes[new URL(req.url ?? '/', 'http://x').pathname];
    if (!route) return void res.writeHead(404).end();
    void route(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The three official examples, one per page, chained by hydra:next.
  const files = ['example-healthdcat-dataset.ttl', 'EPRDR/AGORA.ttl', 'EPRDR/ARCA.ttl'];
  for (const [i, file] of files.entries()) {
    const text = await readFile(new URL(file, EXAMPLES), 'utf8');
    const next = i + 1 < files.length ? `\n<${serverUrl}/examples/${i + 1}> <http://www.w3.org/ns/hydra/core#next> <${serverUrl}/examples/${i + 2}> .\n` : '';
    routes[`/examples/${i + 1}`] = turtle(text + next);
  }
});

afterAll(async () => {
  server?.close();
  await nodeA?.stop();
  await nodeB?.stop();
  await databaseA?.close();
  await databaseB?.close();
});

const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });

interface Run {
  id: string;
  status: string;
  mode: string;
  pages: number;
  seen: number;
  added: number;
  changed: number;
  unchanged: number;
  withdrawn: number;
  refused: number;
  skipped: number;
  refusals: { iri: string | null; message: string; violations: { path: string | null; message: string }[] }[];
  errors: { kind: string; url: string; message: string; status: number | null; line: number | null }[];
}
const RUN_FIELDS = `id status mode pages seen added changed unchanged withdrawn refused skipped refusals { iri message violations { path message } } errors { kind url message status line }`;

async function gql<T>(stack: TestStack, query: string, variables: Record<string, unknown>, who: string | null): Promise<T> {
  const { body } = await stack.queryGateway<T>(query, variables, who === null ? {} : as(who));
  expect(body.errors).toBeUndefined();
  return body.data as T;
}

async function register(input: Record<string, unknown>): Promise<{ id: string } | null> {
  const data = await gql<{ registerHarvestSource: { source: { id: string } | null; error: { code: string; message: string } | null } }>(
    nodeA,
    `mutation ($input: HarvestSourceInput!) { registerHarvestSource(input: $input) { source { id } error { code message } } }`,
    { input },
    'adminA',
  );
  expect(data.registerHarvestSource.error).toBeNull();
  return data.registerHarvestSource.source;
}

/** Runs a harvest of node A now and answers its report, waiting for it when it outlives the answer. */
async function harvest(id: string): Promise<Run> {
  const data = await gql<{ harvestNow: { run: Run | null; running: boolean; error: unknown } }>(
    nodeA,
    `mutation ($id: ID!) { harvestNow(id: $id) { run { ${RUN_FIELDS} } running error { code message } } }`,
    { id },
    'adminA',
  );
  expect(data.harvestNow.error).toBeNull();
  if (data.harvestNow.run) return data.harvestNow.run;
  expect(data.harvestNow.running).toBe(true);
  for (let i = 0; i < 600; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const state = await gql<{ harvestSource: { running: boolean; lastRun: Run | null } }>(nodeA, `query ($id: ID!) { harvestSource(id: $id) { running lastRun { ${RUN_FIELDS} } } }`, { id }, 'adminA');
    if (!state.harvestSource.running && state.harvestSource.lastRun) return state.harvestSource.lastRun;
  }
  throw new Error(`the harvest of ${id} did not end`);
}

async function fromSource(stack: TestStack, source: string): Promise<{ id: string; title: string; source: { id: string; iri: string; country: { code: string } } | null }[]> {
  const data = await gql<{ datasets: { totalCount: number; edges: { node: { id: string; title: string; source: { id: string; iri: string; country: { code: string } } | null } }[] } }>(
    stack,
    `query ($s: [ID!]) { datasets(filter: { sources: $s }, first: 100) { totalCount edges { node { id title source { id iri country { code } } } } } }`,
    { s: [source] },
    null,
  );
  return data.datasets.edges.map((e) => e.node);
}

describe('harvesting the official HealthDCAT-AP examples', () => {
  it('takes every example, across Hydra pages, as read-only records marked with their source', async () => {
    await register({ id: 'eu-examples', name: 'HealthDCAT-AP examples', url: `${serverUrl}/examples/1`, country: 'BEL' });
    const run = await harvest('eu-examples');
    expect(run).toMatchObject({ status: 'SUCCEEDED', mode: 'FULL', pages: 3, seen: 3, added: 3, refused: 0, errors: [] });
    const found = await fromSource(nodeA, 'eu-examples');
    expect(found.map((d) => d.source?.iri).sort()).toEqual([
      'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/AGORA',
      'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA',
      'https://healthdcat-ap.example.org/release-7/example/dataset-oncology-ehrs-2024',
    ]);
    for (const d of found) {
      expect(d.id.startsWith('eu-examples--')).toBe(true);
      expect(d.source?.country.code).toBe('BEL');
    }
    // A second run finds them as they were: same ids, nothing changed.
    const again = await harvest('eu-examples');
    expect(again).toMatchObject({ status: 'SUCCEEDED', added: 0, changed: 0, unchanged: 3, withdrawn: 0 });
    expect((await fromSource(nodeA, 'eu-examples')).map((d) => d.id).sort()).toEqual(found.map((d) => d.id).sort());
  });

  it('keeps harvested records read-only for curators', async () => {
    const [first] = await fromSource(nodeA, 'eu-examples');
    const data = await gql<{ withdrawDataset: { error: { code: string } | null } }>(
      nodeA,
      `mutation ($id: ID!) { withdrawDataset(id: $id, reason: "Trying to withdraw a harvested record") { error { code } } }`,
      { id: first?.id },
      'stewardA',
    );
    expect(data.withdrawDataset.error?.code).toBe('HARVESTED_RECORD');
    const response = await fetch(`${nodeA.url}/catalogue/datasets/${first?.id}`, { method: 'DELETE', headers: as('stewardA') });
    expect(response.status).toBe(409);
    expect(await fetch(`${nodeA.url}/catalogue/datasets/${first?.id}.ttl`).then((r) => r.status)).toBe(200);
  });

  it('finds harvested records by the same search, with SOURCE and SOURCE_COUNTRY facets', async () => {
    const data = await gql<{ datasets: { totalCount: number; facets: { field: string; values: { value: string; label: string; count: number }[] }[] } }>(
      nodeA,
      `{ datasets(search: "AGORA", first: 5) { totalCount facets { field values { value label count } } } }`,
      {},
      null,
    );
    expect(data.datasets.totalCount).toBeGreaterThanOrEqual(1);
    const facet = (field: string) => data.datasets.facets.find((f) => f.field === field)?.values ?? [];
    expect(facet('SOURCE')).toContainEqual({ value: 'eu-examples', label: 'HealthDCAT-AP examples', count: expect.any(Number) });
    expect(facet('SOURCE_COUNTRY').map((v) => v.value)).toContain('BEL');
    const byCountry = await gql<{ datasets: { totalCount: number } }>(nodeA, `{ datasets(filter: { sourceCountries: [BEL] }) { totalCount } }`, {}, null);
    expect(byCountry.datasets.totalCount).toBe(3);
    const own = await gql<{ datasets: { totalCount: number } }>(nodeA, `{ datasets(filter: { sources: ["local"] }) { totalCount } }`, {}, null);
    const all = await gql<{ datasets: { totalCount: number } }>(nodeA, `{ datasets { totalCount } }`, {}, null);
    expect(own.datasets.totalCount).toBe(all.datasets.totalCount - 3);
  });
});

describe('access across borders', () => {
  it('records for each dataset of an application the access body that decides, and the register shows which body granted which part', async () => {
    tokens.researcher = await nodeA.identity.token('researcher', 'inserm', 'harvest-alice');
    tokens.reviewer = await nodeA.identity.token('hdab-reviewer', undefined, 'harvest-rita');
    const arcaId = (await fromSource(nodeA, 'eu-examples')).find((d) => d.source?.iri.endsWith('/ARCA'))?.id;
    const input = {
      principalInvestigator: { name: 'Alice Martin' },
      authorisedPersons: [{ name: 'Alice Martin' }],
      purpose: 'SCIENTIFIC_RESEARCH',
      purposeDescription: 'Cerebellar ataxias in French claims and a European registry, 2015-2022.',
      datasetIds: ['snds-dcir', arcaId],
      dataForm: 'ANONYMISED',
      secureProcessingEnvironment: 'HDH secure platform',
      requestedDurationMonths: 12,
    };
    const PARTS = `parts { dataset { id } accessBody { id name isAccessBody } country }`;
    const submitted = await gql<{ submitAccessApplication: { application: { id: string; multiCountry: boolean; parts: unknown[] } | null; error: unknown } }>(
      nodeA,
      `mutation ($input: SubmitAccessApplicationInput!) { submitAccessApplication(input: $input) { application { id multiCountry ${PARTS} } error { code message } } }`,
      { input },
      'researcher',
    );
    expect(submitted.submitAccessApplication.error).toBeNull();
    const application = submitted.submitAccessApplication.application;
    expect(application?.multiCountry).toBe(true);
    expect(application?.parts).toEqual([
      { dataset: { id: 'snds-dcir' }, accessBody: { id: 'health-data-hub', name: expect.any(String), isAccessBody: true }, country: 'FRA' },
      { dataset: { id: arcaId }, accessBody: { id: expect.stringMatching(/^eu-examples-/), name: 'Union body', isAccessBody: true }, country: 'BEL' },
    ]);
    await gql(nodeA, `mutation ($id: ID!) { startReview(id: $id) { error { code } } }`, { id: application?.id }, 'reviewer');
    await gql(
      nodeA,
      `mutation ($input: DecideAccessApplicationInput!) { decideAccessApplication(input: $input) { error { code } } }`,
      { input: { id: application?.id, decision: 'GRANT', reason: 'Both parts meet the requirements.' } },
      'reviewer',
    );
    const register = await gql<{ permitRegister: { edges: { node: { datasets: { id: string }[]; parts: unknown[] } }[] } }>(
      nodeA,
      `{ permitRegister(first: 100) { edges { node { datasets { id } ${PARTS} } } } }`,
      {},
      null,
    );
    const entry = register.permitRegister.edges.find((e) => e.node.datasets.some((d) => d.id === arcaId));
    expect(entry?.node.parts).toEqual(application?.parts);
  });
});

describe('harvesting another node of the project', () => {
  let peerSize = 0;
  let peerTaken = 0;

  it('harvests the peer in full, and says in its own export that the records are harvested', async () => {
    peerSize = (await gql<{ datasets: { totalCount: number } }>(nodeB, `{ datasets { totalCount } }`, {}, null)).datasets.totalCount;
    await register({ id: 'fi-node', name: 'Finnish node', url: `${nodeB.url}/catalogue.ttl?page_size=25`, country: 'FIN', mode: 'INCREMENTAL' });
    const run = await harvest('fi-node');
    expect(run.errors).toEqual([]);
    expect(run).toMatchObject({ status: 'SUCCEEDED', mode: 'FULL', seen: peerSize });
    expect(run.pages).toBe(Math.ceil(peerSize / 25));
    // The demo records that name no access body break the HealthDCAT-AP shapes (healthdcatap:hdab is
    // required): they are refused, with the violation, and the others taken.
    expect(run.added + run.refused).toBe(peerSize);
    expect(run.added).toBeGreaterThanOrEqual(20);
    for (const refusal of run.refusals) expect(refusal.violations.map((v) => v.path)).toContain('healthdcatap:hdab');
    peerTaken = run.added;
    expect((await fromSource(nodeA, 'fi-node')).length).toBe(peerTaken);
    // Node A's export marks each harvested record with dct:source...
    const [one] = await fromSource(nodeA, 'fi-node');
    const document = await fetch(`${nodeA.url}/catalogue/datasets/${one?.id}.ttl`).then((r) => r.text());
    expect(document).toContain('dct:source');
  });

  it('is harvested back without taking its harvested records for its own', async () => {
    const source = await register({ id: 'fr-node', name: 'French node', url: `${nodeA.url}/catalogue.ttl?page_size=100`, country: 'FRA' });
    expect(source).not.toBeNull();
    // Node B harvests node A through B's own API.
    tokens.adminB = await nodeB.identity.token('admin', undefined, 'peer-admin');
    const registered = await gql<{ registerHarvestSource: { error: unknown } }>(
      nodeB,
      `mutation ($input: HarvestSourceInput!) { registerHarvestSource(input: $input) { error { code } } }`,
      { input: { id: 'fr-node', name: 'French node', url: `${nodeA.url}/catalogue.ttl?page_size=100`, country: 'FRA' } },
      'adminB',
    );
    expect(registered.registerHarvestSource.error).toBeNull();
    const back = await gql<{ harvestNow: { run: Run } }>(nodeB, `mutation { harvestNow(id: "fr-node") { run { ${RUN_FIELDS} } } }`, {}, 'adminB');
    expect(back.harvestNow.run.status).toBe('SUCCEEDED');
    // Node A's harvested records (3 examples and the peer's own) are skipped, not taken again.
    expect(back.harvestNow.run.skipped).toBe(peerTaken + 3);
    expect(back.harvestNow.run.added + back.harvestNow.run.refused).toBe(back.harvestNow.run.seen - back.harvestNow.run.skipped);
    expect(back.harvestNow.run.added).toBeGreaterThanOrEqual(20);
  });

  it('follows the peer incrementally: changes and withdrawals arrive, nothing else moves', async () => {
    const taken = await fromSource(nodeA, 'fi-node');
    const [changedId, withdrawnId] = taken.slice(0, 2).map((d) => d.source?.iri.split('/').pop());
    const record = await fetch(`${nodeB.url}/catalogue/datasets/${changedId}.ttl`).then((r) => r.text());
    const changed = record.replace(/dct:title "[^"]*"@\w+(, "[^"]*"@\w+)?/, 'dct:title "Renamed at the source"@en, "Renamed at the source"@fr');
    expect(changed).not.toBe(record);
    const put = await fetch(`${nodeB.url}/catalogue/datasets/${changedId}`, { method: 'PUT', headers: { ...as('stewardB'), 'content-type': 'text/turtle' }, body: changed });
    expect(put.status).toBe(200);
    const withdrawn = await fetch(`${nodeB.url}/catalogue/datasets/${withdrawnId}?reason=gone`, { method: 'DELETE', headers: as('stewardB') });
    expect(withdrawn.status).toBe(204);
    const run = await harvest('fi-node');
    expect(run).toMatchObject({ status: 'SUCCEEDED', mode: 'INCREMENTAL', changed: 1, withdrawn: 1, added: 0, errors: [] });
    const now = await fromSource(nodeA, 'fi-node');
    expect(now.length).toBe(peerTaken - 1);
    expect(now.find((d) => d.source?.iri.endsWith(`/catalogue/datasets/${changedId}`))?.title).toBe('Renamed at the source');
    expect(now.some((d) => d.source?.iri.endsWith(`/catalogue/datasets/${withdrawnId}`))).toBe(false);
  });
});

describe('the serialisations a source may use', () => {
  it.each([
    ['JSON_LD', 'catalogue.jsonld'],
    ['RDF_XML', 'catalogue.rdf'],
  ])('reads the peer in %s too, and never takes a dataset another source already gave', async (format, path) => {
    const id = `peer-${format.toLowerCase().replace('_', '-')}`;
    await register({ id, name: `Peer in ${format}`, url: `${nodeB.url}/${path}?page_size=25`, format, country: 'FIN' });
    const run = await harvest(id);
    const peerOwn = (await gql<{ datasets: { totalCount: number } }>(nodeB, `{ datasets(filter: { sources: ["local"] }) { totalCount } }`, {}, null)).datasets.totalCount;
    expect(run).toMatchObject({ status: 'SUCCEEDED', errors: [], added: 0 });
    expect(run.seen - run.skipped).toBe(peerOwn);
    // What the first source holds is refused by name; the rest breaks the shapes as in Turtle.
    const held = run.refusals.filter((r) => r.message.includes('already harvested from the source "fi-node"'));
    expect(held.length).toBe((await fromSource(nodeA, 'fi-node')).length);
    expect(run.refused).toBe(peerOwn);
  });
});

describe('hostile sources', () => {
  it('fails a run on a 500 and keeps the last good state of the source', async () => {
    let fail = false;
    routes['/flaky'] = (req, res) => (fail ? void res.writeHead(500).end('boom') : turtle(record('https://flaky.example.fi/d/1', 'FLAKY-1', 'Flaky registry'))(req, res));
    await register({ id: 'flaky', name: 'Flaky', url: `${serverUrl}/flaky`, country: 'FIN' });
    expect((await harvest('flaky')).added).toBe(1);
    fail = true;
    const run = await harvest('flaky');
    expect(run).toMatchObject({ status: 'FAILED', added: 0, withdrawn: 0 });
    expect(run.errors).toEqual([{ kind: 'HTTP', url: `${serverUrl}/flaky`, message: expect.stringContaining('500'), status: 500, line: null }]);
    expect((await fromSource(nodeA, 'flaky')).map((d) => d.title)).toEqual(['Flaky registry']);
    // Failures in a row back a scheduled source off: its interval doubled per failure.
    await gql(nodeA, `mutation { updateHarvestSource(id: "flaky", input: { everyMinutes: 60 }) { error { code } } }`, {}, 'adminA');
    await harvest('flaky');
    const state = await gql<{ harvestSource: { consecutiveFailures: number; nextRunAt: string; runs: { totalCount: number } } }>(
      nodeA,
      `{ harvestSource(id: "flaky") { consecutiveFailures nextRunAt runs { totalCount } } }`,
      {},
      'adminA',
    );
    expect(state.harvestSource.consecutiveFailures).toBe(2);
    expect(Date.parse(state.harvestSource.nextRunAt) - Date.now()).toBeGreaterThan(200 * 60_000);
    expect(state.harvestSource.runs.totalCount).toBe(3);
  });

  it('stops a page that never ends at the size limit, while the catalogue keeps answering', async () => {
    routes['/endless'] = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/turtle' });
      res.write(TTL_PREFIXES);
      const timer = setInterval(() => res.write(`<https://endless.example.fi/d/${Math.random()}> dct:title "more" .\n`.repeat(200)), 5);
      res.on('close', () => clearInterval(timer));
    };
    await register({ id: 'endless', name: 'Endless', url: `${serverUrl}/endless`, country: 'FIN', maxPageBytes: 200_000, timeoutSeconds: 20 });
    const running = harvest('endless');
    const during = await gql<{ datasets: { totalCount: number } }>(nodeA, `{ datasets { totalCount } }`, {}, null);
    expect(during.datasets.totalCount).toBeGreaterThan(0);
    const run = await running;
    expect(run.status).toBe('FAILED');
    expect(run.errors[0]?.kind).toBe('LIMIT');
  });

  it('answers a run that outlives the request as running, refuses a second one, and reports it when done', async () => {
    routes['/slow'] = (req, res) => void setTimeout(() => turtle(record('https://slow.example.fi/d/1', 'SLOW-1', 'Slow registry'))(req, res), 6_000);
    await register({ id: 'slow', name: 'Slow', url: `${serverUrl}/slow`, country: 'FIN' });
    const NOW = `mutation { harvestNow(id: "slow") { run { id } running error { code } } }`;
    const first = await gql<{ harvestNow: { run: unknown; running: boolean; error: unknown } }>(nodeA, NOW, {}, 'adminA');
    expect(first.harvestNow).toEqual({ run: null, running: true, error: null });
    const second = await gql<{ harvestNow: { error: { code: string } | null } }>(nodeA, NOW, {}, 'adminA');
    expect(second.harvestNow.error?.code).toBe('HARVEST_RUNNING');
    let state: { running: boolean; lastRun: { status: string; added: number } | null } = { running: true, lastRun: null };
    for (let i = 0; i < 100 && state.running; i++) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      state = (await gql<{ harvestSource: typeof state }>(nodeA, `{ harvestSource(id: "slow") { running lastRun { status added } } }`, {}, 'adminA')).harvestSource;
    }
    expect(state).toEqual({ running: false, lastRun: { status: 'SUCCEEDED', added: 1 } });
  });

  it('reports invalid Turtle with its line', async () => {
    routes['/invalid'] = turtle(`${TTL_PREFIXES}<https://bad.example.fi/d/1> a dcat:Dataset ;\n  dct:title "unterminated ;\n`);
    await register({ id: 'invalid', name: 'Invalid', url: `${serverUrl}/invalid`, country: 'FIN' });
    const run = await harvest('invalid');
    expect(run.status).toBe('FAILED');
    expect(run.errors[0]).toMatchObject({ kind: 'PARSE', line: expect.any(Number) });
  });

  it('refuses a record with 100,000 keywords alone and takes the rest of its page', async () => {
    routes['/keywords'] = turtle(
      both(record('https://kw.example.fi/d/huge', 'KW-HUGE', 'Huge', 100_000), record('https://kw.example.fi/d/fine', 'KW-FINE', 'Fine registry')),
    );
    await register({ id: 'keywords', name: 'Keywords', url: `${serverUrl}/keywords`, country: 'FIN', maxPageBytes: 50_000_000 });
    const run = await harvest('keywords');
    expect(run).toMatchObject({ status: 'SUCCEEDED', added: 1, refused: 1 });
    expect(run.refusals[0]?.iri).toBe('https://kw.example.fi/d/huge');
    expect((await fromSource(nodeA, 'keywords')).map((d) => d.title)).toEqual(['Fine registry']);
  });

  it('refuses shape violations in readable form', async () => {
    routes['/violations'] = turtle(`${TTL_PREFIXES}<https://v.example.fi/d/1> a dcat:Dataset ; dct:accessRights <http://publications.europa.eu/resource/authority/access-right/PUBLIC> .\n`);
    await register({ id: 'violations', name: 'Violations', url: `${serverUrl}/violations`, country: 'FIN' });
    const run = await harvest('violations');
    expect(run).toMatchObject({ status: 'SUCCEEDED', added: 0, refused: 1 });
    expect(run.refusals[0]?.violations.map((v) => v.path)).toContain('dct:title');
  });

  it('fails a run whose next link points at the page itself', async () => {
    routes['/self'] = turtle(`${record('https://self.example.fi/d/1', 'SELF-1', 'Self')}\n<${serverUrl}/self> <http://www.w3.org/ns/hydra/core#next> <${serverUrl}/self> .\n`);
    await register({ id: 'self', name: 'Self', url: `${serverUrl}/self`, country: 'FIN' });
    const run = await harvest('self');
    expect(run).toMatchObject({ status: 'FAILED', pages: 1, added: 0 });
    expect(run.errors[0]?.kind).toBe('PAGING');
    expect(await fromSource(nodeA, 'self')).toEqual([]);
  });

  it('counts runs and failures in /metrics', async () => {
    const metrics = await fetch(new URL('/metrics', nodeA.subgraphUrls.catalog)).then((r) => r.text());
    expect(metrics).toMatch(/harvest_runs_total\{source="flaky",status="FAILED"\} 2/);
    expect(metrics).toMatch(/harvest_errors_total\{source="self",kind="PAGING"\} 1/);
  });
});

describe('administering sources', () => {
  it('is for administrators only, validates its input, and removes a source with its records', async () => {
    const anonymous = await nodeA.queryGateway(`{ harvestSources { totalCount } }`);
    expect(anonymous.body.errors?.[0]?.extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
    const bad = await gql<{ registerHarvestSource: { error: { code: string; field: string } } }>(
      nodeA,
      `mutation { registerHarvestSource(input: { id: "local", name: "x", url: "ftp://x", country: FIN }) { error { code field } } }`,
      {},
      'adminA',
    );
    expect(bad.registerHarvestSource.error).toEqual({ code: 'INVALID_INPUT', field: 'id' });
    const list = await gql<{ harvestSources: { totalCount: number; edges: { node: { id: string; datasetCount: number; lastRun: { status: string } | null } }[] } }>(
      nodeA,
      `{ harvestSources(first: 100) { totalCount edges { node { id datasetCount lastRun { status } } } } }`,
      {},
      'adminA',
    );
    expect(list.harvestSources.edges.find((e) => e.node.id === 'keywords')?.node).toEqual({ id: 'keywords', datasetCount: 1, lastRun: { status: 'SUCCEEDED' } });
    const removed = await gql<{ deleteHarvestSource: { error: unknown } }>(nodeA, `mutation { deleteHarvestSource(id: "keywords") { error { code } } }`, {}, 'adminA');
    expect(removed.deleteHarvestSource.error).toBeNull();
    expect(await fromSource(nodeA, 'keywords')).toEqual([]);
  });
});
