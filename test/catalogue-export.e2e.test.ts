import http from 'node:http';
import { sql } from 'drizzle-orm';
import jsonld from 'jsonld';
import { DataFactory, Parser, Store, type Quad } from 'n3';
import { RdfXmlParser } from 'rdfxml-streaming-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { queryRows } from '../platform/db/rows.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { runningSubgraphUrls } from './support/test-services.js';
import { createTestDatabase } from './support/test-database.js';

const { namedNode } = DataFactory;
const RDF_TYPE = namedNode('http://www.w3.org/1999/02/22-rdf-syntax-ns#type');
const DCAT = 'http://www.w3.org/ns/dcat#';
const HYDRA = 'http://www.w3.org/ns/hydra/core#';

let database: Database;
let stack: TestStack;
/** How many datasets the catalogue holds, as the GraphQL API counts them for an anonymous caller. */
let catalogueSize: number;

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  const { body } = await stack.queryGateway<{ datasets: { totalCount: number } }>('{ datasets { totalCount } }');
  catalogueSize = body.data?.datasets.totalCount ?? 0;
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

type Format = 'turtle' | 'jsonld' | 'rdfxml';

/** Parses a response body into quads, as a harvester would. */
async function parse(format: Format, text: string, base: string): Promise<Quad[]> {
  if (format === 'turtle') return new Parser({ baseIRI: base }).parse(text);
  if (format === 'jsonld') {
    const nquads = (await jsonld.toRDF(JSON.parse(text) as object, { format: 'application/n-quads' })) as unknown as string;
    return new Parser({ format: 'N-Quads' }).parse(nquads);
  }
  return new Promise((resolve, reject) => {
    const quads: Quad[] = [];
    const parser = new RdfXmlParser({ baseIRI: base });
    parser.on('data', (q: Quad) => quads.push(q));
    parser.on('error', reject);
    parser.on('end', () => resolve(quads));
    parser.write(text);
    parser.end();
  });
}

async function get(url: string, accept?: string) {
  const response = await fetch(url.startsWith('http') ? url : `${stack.url}${url}`, { headers: accept ? { accept } : {} });
  return { status: response.status, type: response.headers.get('content-type') ?? '', text: await response.text() };
}

async function getRdf(url: string, format: Format, accept?: string) {
  const response = await get(url, accept);
  expect(response.status).toBe(200);
  return { ...response, store: new Store(await parse(format, response.text, `${stack.url}/`)) };
}

function one(store: Store, subject: string | null, predicate: string): string | undefined {
  return store.getObjects(subject, namedNode(predicate), null)[0]?.value;
}

/** What one catalogue page says: its datasets, total and links. */
function readPage(store: Store) {
  const catalogue = store.getSubjects(RDF_TYPE, namedNode(`${DCAT}Catalog`), null)[0]?.value ?? '';
  const view = store.getSubjects(RDF_TYPE, namedNode(`${HYDRA}PartialCollectionView`), null)[0]?.value ?? '';
  return {
    catalogue,
    view,
    datasets: store.getObjects(catalogue, namedNode(`${DCAT}dataset`), null).map((o) => o.value),
    total: Number(one(store, catalogue, `${HYDRA}totalItems`)),
    first: one(store, view, `${HYDRA}first`),
    next: one(store, view, `${HYDRA}next`),
    last: one(store, view, `${HYDRA}last`),
  };
}

/** Follows `hydra:next` from `start` to the end, as a harvester does; returns every dataset IRI met. */
async function harvest(start: string, format: Format, accept?: string) {
  const datasets: string[] = [];
  const pages: ReturnType<typeof readPage>[] = [];
  for (let url: string | undefined = start; url !== undefined && pages.length < 50; ) {
    const page = readPage((await getRdf(url, format, accept)).store);
    pages.push(page);
    datasets.push(...page.datasets);
    url = page.next;
  }
  return { datasets, pages };
}

describe('the harvestable catalogue at /catalogue', () => {
  it('pages through the whole catalogue in Turtle by following hydra:next, with absolute links on the gateway', async () => {
    const { datasets, pages } = await harvest('/catalogue?page_size=10', 'turtle', 'text/turtle');
    expect(catalogueSize).toBe(48);
    expect(new Set(datasets).size).toBe(catalogueSize);
    expect(datasets).toHaveLength(catalogueSize);
    expect(pages).toHaveLength(Math.ceil(catalogueSize / 10));
    for (const page of pages) {
      expect(page.catalogue).toBe(`${stack.url}/catalogue`);
      expect(page.total).toBe(catalogueSize);
      expect(page.first).toBe(`${stack.url}/catalogue?page=1&page_size=10`);
      expect(page.last).toBe(`${stack.url}/catalogue?page=5&page_size=10`);
    }
    expect(pages.at(-1)?.next).toBeUndefined();
    expect(datasets.every((iri) => iri.startsWith(`${stack.url}/catalogue/datasets/`))).toBe(true);
  });

  it('pages through the whole catalogue in JSON-LD, by Accept header and by extension alike', async () => {
    const byAccept = await harvest('/catalogue', 'jsonld', 'application/ld+json');
    expect(byAccept.datasets.sort()).toHaveLength(catalogueSize);
    const byExtension = await harvest('/catalogue.jsonld?page_size=25', 'jsonld');
    expect(byExtension.pages.map((p) => p.view)).toEqual([`${stack.url}/catalogue.jsonld?page=1&page_size=25`, `${stack.url}/catalogue.jsonld?page=2&page_size=25`]);
    expect(byExtension.datasets.sort()).toEqual(byAccept.datasets);
    expect((await get('/catalogue.jsonld')).type).toMatch(/^application\/ld\+json/);
  });

  it('serves Turtle by default and RDF/XML that parses as RDF/XML', async () => {
    const turtle = await get('/catalogue');
    expect(turtle.type).toMatch(/^text\/turtle/);
    const xml = await getRdf('/catalogue.rdf', 'rdfxml');
    expect(xml.type).toMatch(/^application\/rdf\+xml/);
    const page = readPage(xml.store);
    expect(page.catalogue).toBe(`${stack.url}/catalogue`);
    expect(page.total).toBe(catalogueSize);
    expect(page.datasets).toHaveLength(20);
    expect((await getRdf('/catalogue', 'rdfxml', 'application/rdf+xml')).store.size).toBe(xml.store.size);
  });

  it('gives an authenticated caller the same catalogue as an anonymous one', async () => {
    const token = await stack.identity.token('researcher', 'inserm');
    const response = await fetch(`${stack.url}/catalogue.ttl`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe((await get('/catalogue.ttl')).text);
  });

  it('keeps only the datasets whose catalogue record changed since modified_since, in the links too', async () => {
    await database.db.execute(sql`UPDATE catalog.dataset SET updated_at = '2030-06-01T00:00:00Z' WHERE id IN ('pmsi-mco', 'nl-nkr')`);
    const recent = readPage((await getRdf('/catalogue.ttl?modified_since=2030-01-01', 'turtle')).store);
    expect(recent.total).toBe(2);
    expect(recent.datasets.sort()).toEqual([`${stack.url}/catalogue/datasets/nl-nkr`, `${stack.url}/catalogue/datasets/pmsi-mco`]);
    expect(recent.first).toBe(`${stack.url}/catalogue.ttl?page=1&modified_since=2030-01-01`);
    const none = readPage((await getRdf('/catalogue.ttl?modified_since=2030-06-01T00:00:01%2B00:00', 'turtle')).store);
    expect(none.total).toBe(0);
    expect(none.datasets).toEqual([]);
    const all = readPage((await getRdf('/catalogue.ttl?modified_since=2000-01-01', 'turtle')).store);
    expect(all.total).toBe(catalogueSize);
  });

  it('serves one dataset at /catalogue/datasets/<id>, in each format', async () => {
    const iri = `${stack.url}/catalogue/datasets/snds-dcir`;
    const turtle = await getRdf('/catalogue/datasets/snds-dcir', 'turtle');
    expect(turtle.store.getSubjects(RDF_TYPE, namedNode(`${DCAT}Dataset`), null).map((s) => s.value)).toEqual([iri]);
    expect(one(turtle.store, iri, 'http://purl.org/dc/terms/identifier')).toBe('DCIR');
    expect(one(turtle.store, iri, 'http://purl.org/dc/terms/accessRights')).toBe('http://publications.europa.eu/resource/authority/access-right/RESTRICTED');
    const json = await getRdf('/catalogue/datasets/snds-dcir.jsonld', 'jsonld');
    const xml = await getRdf('/catalogue/datasets/snds-dcir.rdf', 'rdfxml');
    expect(json.store.size).toBe(turtle.store.size);
    expect(xml.store.size).toBe(turtle.store.size);
  });

  it('answers 404 with a stable code for an unknown dataset, page or format', async () => {
    for (const path of ['/catalogue/datasets/no-such-dataset', '/catalogue/datasets/NOT_A_SLUG', '/catalogue?page=6', '/catalogue.csv']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(JSON.parse(response.text)).toMatchObject({ code: 'NOT_FOUND' });
    }
    expect(JSON.parse((await get('/catalogue?page=6')).text).message).toBe('There is no page 6: the last page is 3.');
  });

  it('refuses a bad page, page size or date with 400 and a message saying what is expected', async () => {
    const cases: [string, RegExp][] = [
      ['/catalogue?page=0', /page must be at least 1/],
      ['/catalogue?page=abc', /page must be a whole number/],
      ['/catalogue?page=1&page=2', /page must be given once/],
      ['/catalogue?page_size=101', /page_size must be at most 100/],
      ['/catalogue?modified_since=yesterday', /modified_since must be an ISO 8601 date/],
    ];
    for (const [path, message] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(400);
      const body = JSON.parse(response.text) as { code: string; message: string };
      expect(body.code).toBe('BAD_REQUEST');
      expect(body.message).toMatch(message);
    }
  });

  it('keeps each document until the catalogue changes, and serves a committed change, never a rolled-back one', async () => {
    const path = '/catalogue/datasets/pmsi-mco.ttl';
    const fetchCounting = async () => {
      const before = database.statementCount();
      const response = await get(path);
      expect(response.status).toBe(200);
      return { statements: database.statementCount() - before, text: response.text };
    };
    // Once the catalog hears its changes (a moment after it starts), a document read again costs no SQL.
    await expect.poll(async () => (await fetchCounting()).statements, { timeout: 5_000 }).toBe(0);
    const [{ title } = { title: '' }] = await queryRows<{ title: string }>(database.db, sql`SELECT title_en AS title FROM catalog.dataset WHERE id = 'pmsi-mco'`);
    expect(title).not.toBe('');

    await database.db
      .transaction(async (tx) => {
        await tx.execute(sql`UPDATE catalog.dataset SET title_en = 'A rolled-back title' WHERE id = 'pmsi-mco'`);
        tx.rollback();
      })
      .catch(() => undefined);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await fetchCounting()).statements).toBe(0);

    await database.db.execute(sql`UPDATE catalog.dataset SET title_en = 'A committed title' WHERE id = 'pmsi-mco'`);
    await expect.poll(async () => (await get(path)).text, { timeout: 5_000 }).toContain('A committed title');
    await database.db.execute(sql`UPDATE catalog.dataset SET title_en = ${title} WHERE id = 'pmsi-mco'`);
    await expect.poll(async () => (await get(path)).text, { timeout: 5_000 }).not.toContain('A committed title');
    expect((await get(path)).text).toContain(title);
  });

  it('answers 304 Not Modified to a harvester that sends the ETag of the page it holds', async () => {
    // node:http, as harvesters send it (fetch adds `Cache-Control: no-cache` to conditional requests).
    const request = (path: string, headers: Record<string, string> = {}) =>
      new Promise<{ status: number; etag: string | undefined; body: string }>((resolve, reject) => {
        http
          .get(`${stack.url}${path}`, { headers }, (response) => {
            let body = '';
            response.setEncoding('utf8');
            response.on('data', (chunk: string) => (body += chunk));
            response.on('end', () => resolve({ status: response.statusCode ?? 0, etag: response.headers.etag, body }));
          })
          .on('error', reject);
      });
    const first = await request('/catalogue.ttl?page_size=5');
    expect(first.status).toBe(200);
    expect(first.etag).toBeTruthy();
    const again = await request('/catalogue.ttl?page_size=5', { 'if-none-match': first.etag ?? '' });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    const otherPage = await request('/catalogue.ttl?page_size=5&page=2', { 'if-none-match': first.etag ?? '' });
    expect(otherPage.status).toBe(200);
  });

  it('reads a page with the same number of SQL statements whatever its size', async () => {
    const statements = async (path: string) => {
      const before = database.statementCount();
      expect((await get(path)).status).toBe(200);
      return database.statementCount() - before;
    };
    expect(await statements('/catalogue.ttl?page_size=50')).toBe(await statements('/catalogue.ttl?page_size=2'));
  });

  it('mints its IRIs under the configured public URL when there is one', async () => {
    const behindProxy = await startTestStack(database, stack.identity, { rules: { publicUrl: 'https://health-data.example.org/hmg' } });
    try {
      const response = await fetch(`${behindProxy.url}/catalogue.ttl?page_size=30`);
      const page = readPage(new Store(await parse('turtle', await response.text(), `${behindProxy.url}/`)));
      expect(page.catalogue).toBe('https://health-data.example.org/hmg/catalogue');
      expect(page.next).toBe('https://health-data.example.org/hmg/catalogue.ttl?page=2&page_size=30');
      expect(page.datasets).toHaveLength(30);
      expect(page.datasets.every((iri) => iri.startsWith('https://health-data.example.org/hmg/catalogue/datasets/'))).toBe(true);
    } finally {
      await behindProxy.stop();
      // The second stack re-pointed the subgraphs' peer URLs: back to this file's stack.
      Object.assign(runningSubgraphUrls, stack.subgraphUrls);
    }
  });

  it('answers 406 to a caller that accepts no RDF format', async () => {
    const response = await get('/catalogue', 'text/html');
    expect(response.status).toBe(406);
    expect(JSON.parse(response.text)).toMatchObject({ code: 'NOT_ACCEPTABLE' });
  });
});
