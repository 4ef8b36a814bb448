import { readFileSync } from 'node:fs';
import { count } from 'drizzle-orm';
import { DataFactory, Parser, Store } from 'n3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../platform/db/database.js';
import { dataHolder } from '../subgraphs/catalog/db/schema/data-holder.js';
import { dataset } from '../subgraphs/catalog/db/schema/dataset.js';
import { conformanceDir } from './support/healthdcat-shapes.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

/*
 * Issue 6, item 4: data stewards push HealthDCAT-AP records through the gateway (POST, PUT, DELETE
 * /catalogue/datasets and the matching mutations); invalid records are refused with a readable SHACL
 * report and store nothing; the older draft's agent properties are accepted.
 */

const { namedNode } = DataFactory;

let database: Database;
let stack: TestStack;
let steward: string;
let researcher: string;

const ARCA = readFileSync(new URL('healthdcat-ap/examples/EPRDR/ARCA.ttl', conformanceDir), 'utf8');
const AGORA = readFileSync(new URL('healthdcat-ap/examples/EPRDR/AGORA.ttl', conformanceDir), 'utf8');

beforeAll(async () => {
  database = await createTestDatabase();
  stack = await startTestStack(database);
  steward = await stack.identity.token('data-steward', undefined, 'steward-1');
  researcher = await stack.identity.token('researcher', 'inserm', 'researcher-1');
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

const turtle = (token: string | null) => ({ 'content-type': 'text/turtle', ...(token ? { authorization: `Bearer ${token}` } : {}) });

async function push(method: 'POST' | 'PUT', path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${stack.url}${path}`, { method, headers, body });
  return { status: response.status, location: response.headers.get('location'), body: (await response.json()) as Record<string, unknown> };
}

async function counts() {
  const [datasets] = await database.db.select({ n: count() }).from(dataset);
  const [holders] = await database.db.select({ n: count() }).from(dataHolder);
  return { datasets: datasets?.n, holders: holders?.n };
}

describe('pushing HealthDCAT-AP records to /catalogue/datasets', () => {
  it('refuses callers who are not data stewards, and bodies that are not Turtle or JSON-LD', async () => {
    expect((await push('POST', '/catalogue/datasets', ARCA, turtle(null))).status).toBe(401);
    expect((await push('POST', '/catalogue/datasets', ARCA, turtle(researcher))).body).toMatchObject({ code: 'FORBIDDEN' });
    const xml = await push('POST', '/catalogue/datasets', '<rdf:RDF/>', { 'content-type': 'application/rdf+xml', authorization: `Bearer ${steward}` });
    expect(xml).toMatchObject({ status: 415, body: { code: 'UNSUPPORTED_MEDIA_TYPE' } });
    const broken = await push('POST', '/catalogue/datasets', '@prefix dct: <http://purl.org/dc/terms/> .\n<a> dct:title "x" ', turtle(steward));
    expect(broken).toMatchObject({ status: 400, body: { code: 'INVALID_RDF' } });
    expect(String(broken.body.message)).toMatch(/line/);
    const huge = await push('POST', '/catalogue/datasets', `# ${'x'.repeat(6 * 1024 * 1024)}`, turtle(steward));
    expect(huge).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE' } });
  });

  it('creates a dataset and its data holders from the ARCA registry record, served at once by the export', async () => {
    const before = await counts();
    const created = await push('POST', '/catalogue/datasets', ARCA, turtle(steward));
    expect(created).toMatchObject({ status: 201, body: { id: 'arca', version: 1, draftForm: false } });
    expect(created.location).toMatch(/\/catalogue\/datasets\/arca$/);
    expect(created.body.notKept).toEqual(expect.arrayContaining(['healthdcatap:hasVariables', 'healthdcatap:hdabCoordinator', 'foaf:page']));
    expect(created.body.createdDataHolders).toHaveLength(3);
    expect(await counts()).toEqual({ datasets: (before.datasets ?? 0) + 1, holders: (before.holders ?? 0) + 3 });

    const exported = await fetch(`${stack.url}/catalogue/datasets/arca.ttl`);
    const text = await exported.text();
    expect(text).toContain('<https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA>');
    expect(text).toContain('ORPHA:284289');

    const search = await stack.queryGateway<{ dataset: { title: string; publisher: { name: string; country: { code: string } } } }>(
      '{ dataset(id: "arca") { title publisher { name country { code } } } }',
    );
    expect(search.body.data?.dataset).toEqual({ title: '[Test] ARCA', publisher: { name: 'Union body', country: { code: 'UNKNOWN' } } });

    // Partners read through GraphQL what the export states.
    const details = await stack.queryGateway<{ dataset: Record<string, unknown> }>(`{ dataset(id: "arca") {
      sourceIri codeValues otherIdentifiers { notation schemaAgency } datasetType provenance
      otherPurposes { description source } otherLegalBases { description } retentionDates { start end }
      analytics { title license } distributions { license } } }`);
    expect(details.body.data?.dataset).toMatchObject({
      sourceIri: 'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA',
      codeValues: ['ORPHA:284289'],
      otherIdentifiers: [{ notation: '4876', schemaAgency: 'ERDRI.dor' }],
      datasetType: 'http://publications.europa.eu/resource/authority/dataset-type/STATISTICAL',
      provenance: expect.stringContaining('autosomal-recessive cerebellar ataxias'),
      otherPurposes: [{ description: expect.stringContaining('trial readiness'), source: null }],
      otherLegalBases: [{ description: expect.stringContaining('EHDS Regulation') }],
      retentionDates: { start: '2015-01-01', end: '2035-12-31' },
      analytics: [{ title: 'ARCA Registry Analytics Report', license: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0' }],
      distributions: [{ license: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0' }],
    });
  });

  it('refuses the same record twice, and stores nothing of the second attempt', async () => {
    const before = await counts();
    const again = await push('POST', '/catalogue/datasets', ARCA, turtle(steward));
    expect(again).toMatchObject({ status: 409, body: { code: 'ALREADY_EXISTS' } });
    expect(await counts()).toEqual(before);
  });

  it('refuses an invalid record with the SHACL report, and stores nothing, not even its new agents', async () => {
    const before = await counts();
    const withoutTitleOrDistribution = AGORA.replace(/dct:title "\[Test\] AGORA"@en ;/, '').replace(/dcat:distribution agora:distribution-hdab ;/, '');
    const refused = await push('POST', '/catalogue/datasets', withoutTitleOrDistribution, turtle(steward));
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('INVALID_RECORD');
    const violations = refused.body.violations as { path: string; message: string }[];
    expect(violations.map((v) => v.path)).toEqual(expect.arrayContaining(['dct:title', 'dcat:distribution']));
    expect(String(refused.body.report)).toContain('dct:title');
    expect(await counts()).toEqual(before);
  });

  it('accepts the older draft form of the agents (publisherType, publisherNote, trustedDataHolder)', async () => {
    const draft = AGORA.replaceAll(
      'dct:type <https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/non-gov-org>',
      'healthdcatap:publisherType <http://healthdataportal.eu/resource/authority/publisher-type/ngo> ;\n    healthdcatap:publisherNote "Note du détenteur."@fr ;\n    healthdcatap:trustedDataHolder true',
    );
    expect(draft).not.toBe(AGORA);
    const created = await push('POST', '/catalogue/datasets', draft, turtle(steward));
    expect(created).toMatchObject({ status: 201, body: { id: 'agora', draftForm: true } });
    const text = await (await fetch(`${stack.url}/catalogue/datasets/agora.ttl`)).text();
    expect(text).toContain('publisher-type/non-gov-org');
    expect(text).toMatch(/trustedDataHolder true/);
    expect(text).toContain('"Note du détenteur."@fr');
  });

  it('replaces a dataset with PUT, recording the change in its history, and withdraws it with DELETE', async () => {
    const edited = ARCA.replace('"[Test] ARCA"@en', '"ARCA registry"@en');
    const replaced = await push('PUT', '/catalogue/datasets/arca', edited, turtle(steward));
    expect(replaced).toMatchObject({ status: 200, body: { id: 'arca', version: 2 } });
    const history = await stack.queryGateway<{ datasetHistory: { edges: { node: { version: number; changedFields: string[]; actor: { subject: string } } }[] } }>(
      '{ datasetHistory(id: "arca") { edges { node { version changedFields actor { subject } } } } }',
      {},
      { authorization: `Bearer ${steward}` },
    );
    expect(history.body.data?.datasetHistory.edges[0]?.node).toEqual({ version: 2, changedFields: ['title'], actor: { subject: 'steward-1' } });

    expect((await push('PUT', '/catalogue/datasets/no-such-dataset', edited, turtle(steward))).status).toBe(404);

    const removed = await fetch(`${stack.url}/catalogue/datasets/arca?reason=${encodeURIComponent('Test registry retired')}`, { method: 'DELETE', headers: { authorization: `Bearer ${steward}` } });
    expect(removed.status).toBe(204);
    expect((await fetch(`${stack.url}/catalogue/datasets/arca.ttl`)).status).toBe(404);

    // An incremental harvest since before the withdrawal is told of it: a tombstone catalogue record.
    const since = new Date(Date.now() - 60 * 60 * 1000).toISOString();
    const harvest = new Store(new Parser().parse(await (await fetch(`${stack.url}/catalogue.ttl?modified_since=${since}&page_size=100`)).text()));
    const record = namedNode(`${stack.url}/catalogue/datasets/arca#record`);
    expect(harvest.getObjects(record, namedNode('http://www.w3.org/ns/adms#status'), null).map((o) => o.value)).toEqual(['http://purl.org/adms/status/Withdrawn']);
    expect(harvest.getObjects(record, namedNode('http://xmlns.com/foaf/0.1/primaryTopic'), null).map((o) => o.value)).toEqual(['https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA']);
    expect(harvest.getSubjects(null, namedNode('http://www.w3.org/ns/dcat#Dataset'), null).map((s) => s.value)).not.toContain('https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA');
    // A full harvest states the catalogue as it is: no tombstones.
    const full = await (await fetch(`${stack.url}/catalogue.ttl?page_size=100`)).text();
    expect(full).not.toContain('Withdrawn');
  });

  it('offers the same through GraphQL, in JSON-LD too', async () => {
    const jsonld = await fetch(`${stack.url}/catalogue/datasets/agora.jsonld`).then((r) => r.text());
    const MUTATION = `mutation ($id: ID!, $record: String!) { replaceDatasetRecord(id: $id, record: $record, format: JSON_LD) {
      dataset { id title } version { version } notKept error { code message } violations { path message } } }`;
    const replaced = await stack.queryGateway<{ replaceDatasetRecord: { dataset: { id: string }; version: { version: number }; error: unknown } }>(
      MUTATION,
      { id: 'agora', record: jsonld.replace('[Test] AGORA', 'AGORA registry') },
      { authorization: `Bearer ${steward}` },
    );
    expect(replaced.body.errors).toBeUndefined();
    expect(replaced.body.data?.replaceDatasetRecord).toMatchObject({ dataset: { id: 'agora', title: 'AGORA registry' }, version: { version: 2 }, error: null });

    // A field-by-field edit keeps what DatasetInput cannot express: the publisher's IRI, code values...
    const current = await stack.queryGateway<{ dataset: { publisher: { id: string } } }>('{ dataset(id: "agora") { publisher { id } } }');
    const UPDATE = `mutation ($input: DatasetInput!) { updateDataset(id: "agora", input: $input) { dataset { title } error { code message } } }`;
    const input = {
      identifier: 'AGORA',
      title: { en: 'AGORA, edited' },
      description: { en: 'AGORA registry.' },
      themes: ['HEAL'],
      healthCategories: ['MRMR'],
      accessRights: 'PUBLIC',
      publisher: current.body.data?.dataset.publisher.id,
      contactPoint: { name: 'Registry desk', email: 'union_body@europa.eu' },
      spatial: ['NLD'],
      distributions: [{ title: { en: 'Access' }, accessUrl: 'https://eu-rd-platform.jrc.ec.europa.eu/erdridor/register/6351', license: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0' }],
    };
    const edited = await stack.queryGateway<{ updateDataset: { dataset: { title: string }; error: unknown } }>(UPDATE, { input }, { authorization: `Bearer ${steward}` });
    expect(edited.body.data?.updateDataset).toEqual({ dataset: { title: 'AGORA, edited' }, error: null });
    const after = await fetch(`${stack.url}/catalogue/datasets/agora.ttl`).then((r) => r.text());
    expect(after).toContain('<https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/AGORA>');
    expect(after).toContain('"ORPHA:93890"');
    expect(after).toContain('licence/CC_BY_4_0');

    const IMPORT = `mutation ($record: String!) { importDataset(record: $record, format: TURTLE) { dataset { id } error { code } violations { focusNode path message } } }`;
    const invalid = await stack.queryGateway<{ importDataset: { dataset: null; error: { code: string }; violations: { path: string }[] } }>(
      IMPORT,
      { record: ARCA.replace('dct:identifier "ARCA" ;', '') },
      { authorization: `Bearer ${steward}` },
    );
    expect(invalid.body.data?.importDataset).toMatchObject({ dataset: null, error: { code: 'INVALID_RECORD' } });
    expect(invalid.body.data?.importDataset.violations.map((v) => v.path)).toContain('dct:identifier');

    const PROBLEMS = `mutation ($record: String!) { importDataset(record: $record, format: TURTLE) { error { code field } problems { field message } } }`;
    const untagged = await stack.queryGateway<{ importDataset: { error: { code: string; field: string }; problems: { field: string; message: string }[] } }>(
      PROBLEMS,
      { record: ARCA.replace('"[Test] ARCA"@en', '"[Test] ARCA"') },
      { authorization: `Bearer ${steward}` },
    );
    expect(untagged.body.data?.importDataset).toMatchObject({ error: { code: 'INVALID_RECORD', field: 'dct:title' }, problems: [{ field: 'dct:title', message: expect.stringContaining('language tag') }] });

    const forbidden = await stack.queryGateway(IMPORT, { record: ARCA }, { authorization: `Bearer ${researcher}` });
    expect(forbidden.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
