import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conformanceDir, readTurtle } from '../../../../test/support/healthdcat-shapes.js';
import { unordered } from '../../../../test/support/record-projection.js';
import { serializeRdf } from '../serialize-rdf.js';
import { readRecordDocument } from './read-record-document.js';

const ARCA = readFileSync(new URL('healthdcat-ap/examples/EPRDR/ARCA.ttl', conformanceDir), 'utf8');

async function read(text: string, format: 'turtle' | 'jsonld' = 'turtle') {
  return readRecordDocument(text, format);
}

describe('reading a pushed HealthDCAT-AP record', () => {
  it('reads the ARCA registry record into the catalogue record fields and its three agents', async () => {
    const result = await read(ARCA);
    if (!result.ok) return expect.unreachable(JSON.stringify(result));
    const { fields, agents, iri } = result.reading.dataset;
    expect(iri).toBe('https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA');
    expect(fields).toMatchObject({
      identifier: 'ARCA',
      title: { en: '[Test] ARCA' },
      themes: ['HEAL'],
      healthCategories: ['MRMR'],
      accessRights: 'PUBLIC',
      applicableLegislation: ['EHDS'],
      codingSystems: ['ORPHACODE'],
      codeValues: ['ORPHA:284289'],
      otherIdentifiers: [{ notation: '4876', schemaAgency: 'ERDRI.dor' }],
      spatial: ['DEU'],
      retentionDates: { start: '2015-01-01', end: '2035-12-31' },
      datasetType: 'http://publications.europa.eu/resource/authority/dataset-type/STATISTICAL',
      contactPoint: { email: 'union_body@europa.eu', url: 'https://european-union.europa.eu/' },
    });
    expect(fields.personalData?.sort()).toEqual(['AGE', 'GENDER', 'GENETIC', 'HEALTH_RECORD']);
    expect(fields.otherPurposes).toHaveLength(1);
    expect(fields.distributions).toEqual([expect.objectContaining({ format: 'HTML', license: 'http://publications.europa.eu/resource/authority/licence/CC_BY_4_0' })]);
    expect(agents.publisher).toMatchObject({ name: 'Union body', nameLanguage: 'en', publisherType: 'ADMINISTRATIVE_INSTITUTION', email: 'union_body@europa.eu' });
    expect(agents.custodian).toMatchObject({ publisherType: 'RESEARCH_INSTITUTION', contactPage: 'https://www.dzne.de/en/' });
    expect(result.reading.draftForm).toBe(false);
  });

  it('reads the same record from JSON-LD', async () => {
    const jsonld = await serializeRdf(readTurtle('healthdcat-ap/examples/EPRDR/ARCA.ttl'), 'jsonld');
    const [fromTurtle, fromJsonLd] = await Promise.all([read(ARCA), read(jsonld, 'jsonld')]);
    if (!fromTurtle.ok || !fromJsonLd.ok) return expect.unreachable('both should be read');
    // RDF has no order: compare the values of each list whatever their order.
    expect(unordered(fromJsonLd.reading.dataset.fields)).toEqual(unordered(fromTurtle.reading.dataset.fields));
  });

  it('refuses documents that are not well-formed, naming where', async () => {
    expect(await read('<a> <b> "unterminated .')).toMatchObject({ ok: false, code: 'INVALID_RDF', message: expect.stringMatching(/Turtle.*line 1/) });
    expect(await read('{ "@id": ', 'jsonld')).toMatchObject({ ok: false, code: 'INVALID_RDF' });
  });

  it('never fetches a remote JSON-LD context', async () => {
    const result = await read(JSON.stringify({ '@context': 'https://example.org/context.jsonld', '@id': 'x', title: 'y' }), 'jsonld');
    expect(result).toMatchObject({ ok: false, code: 'INVALID_RDF', message: expect.stringContaining('remote contexts are not fetched') });
  });

  it('refuses a document without exactly one dataset', async () => {
    expect(await read('<https://a.example/x> <http://purl.org/dc/terms/title> "x"@en .')).toMatchObject({ ok: false, code: 'INVALID_RECORD', message: expect.stringContaining('describes 0') });
    const two = `${ARCA}\n<https://example.org/other> a <http://www.w3.org/ns/dcat#Dataset> .`;
    expect(await read(two)).toMatchObject({ ok: false, message: expect.stringContaining('describes 2') });
  });

  it('refuses values the catalogue cannot hold, naming each', async () => {
    const broken = ARCA.replace('"[Test] ARCA"@en', '"[Test] ARCA"')
      .replace('healthcategories/MRMR', 'healthcategories/NOT_A_CATEGORY')
      .replace('publisher-type/research-institute-org', 'publisher-type/not-a-type');
    const result = await read(broken);
    if (result.ok || result.code !== 'INVALID_RECORD') return expect.unreachable('the record should be refused');
    const messages = result.problems.map((p) => `${p.field}: ${p.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dct:title: .*needs a language tag/),
        expect.stringMatching(/^healthdcatap:healthCategory: .*NOT_A_CATEGORY is not in the catalogue's health-category vocabulary/),
        expect.stringMatching(/^dct:type: .*not-a-type is not a HealthDCAT-AP publisher type/),
      ]),
    );
  });

  it('reports texts in other languages and properties it does not keep', async () => {
    const result = await read(ARCA.replace('dct:title "[Test] ARCA"@en ;', 'dct:title "[Test] ARCA"@en, "ARCA-Register"@de ;'));
    if (!result.ok) return expect.unreachable(JSON.stringify(result));
    expect(result.reading.notKept).toEqual(expect.arrayContaining(['dct:title@de', 'healthdcatap:hasVariables', 'healthdcatap:hasStructuredData', 'dcatap:availability']));
    expect(result.reading.notKept).not.toContain('dct:title');
  });

  it('takes the older draft form of the agents', async () => {
    const draft = ARCA.replace(
      'dct:type <https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/research-institute-org>',
      'healthdcatap:publisherType <http://healthdataportal.eu/resource/authority/publisher-type/researchInstitution> ;\n    healthdcatap:publisherNote "Registry host."@en ;\n    healthdcatap:trustedDataHolder false',
    );
    const result = await read(draft);
    if (!result.ok) return expect.unreachable(JSON.stringify(result));
    expect(result.reading.draftForm).toBe(true);
    expect(result.reading.dataset.agents.custodian).toMatchObject({ publisherType: 'RESEARCH_INSTITUTION', note: { en: 'Registry host.' }, trustedDataHolder: false });
  });

  it('reports the names, types and contact names it does not keep', async () => {
    const richer = ARCA.replace('foaf:name "Union body"@en ;\n    dct:type <https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/administrative-institution> ;\n    cv:contactPoint arca:publisher-contact-point', 'a foaf:Organization ;\n    foaf:name "Union body"@en, "Unionseinrichtung"@de ;\n    dct:type <https://hdeu-dcat.data.health.europa.eu/resource/authority/publisher-type/administrative-institution> ;\n    cv:contactPoint arca:publisher-contact-point');
    expect(richer).not.toBe(ARCA);
    const result = await read(richer);
    if (!result.ok) return expect.unreachable(JSON.stringify(result));
    expect(result.reading.notKept).toEqual(expect.arrayContaining(['foaf:name@de', 'rdf:type']));
  });

  it('refuses impossible dates and oversized IRIs without a crash, and quickly', async () => {
    const badDate = await read(ARCA.replace('"2015-01-01"^^xsd:date', '"2015-02-30"^^xsd:date'));
    if (badDate.ok || badDate.code !== 'INVALID_RECORD') return expect.unreachable('an impossible date should be refused');
    expect(badDate.problems.map((p) => p.message)).toEqual([expect.stringContaining('expected a date of the calendar')]);

    const longPrefix = `@prefix big: <https://example.org/${'x'.repeat(100_000)}#> .\n${Array.from({ length: 2000 }, (_, i) => `big:s${i} big:p big:o .`).join('\n')}`;
    const started = performance.now();
    expect(await read(longPrefix)).toMatchObject({ ok: false, code: 'INVALID_RDF', message: expect.stringContaining('longer than') });
    expect(performance.now() - started).toBeLessThan(5_000);

    const bigContext = JSON.stringify({ '@context': { t: `https://example.org/${'x'.repeat(100_000)}` }, '@id': 'https://example.org/a', t: 'x' });
    expect(await read(bigContext, 'jsonld')).toMatchObject({ ok: false, code: 'INVALID_RDF' });
  });

  it('refuses JSON-LD keys its context does not define rather than drop them', async () => {
    const jsonld = JSON.parse(await serializeRdf(readTurtle('healthdcat-ap/examples/EPRDR/ARCA.ttl'), 'jsonld')) as { '@graph': Record<string, unknown>[] };
    const dataset = jsonld['@graph'].find((node) => node['@id'] === 'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA');
    if (!dataset) return expect.unreachable('the dataset should be in the graph');
    dataset.conformsTo = 'https://example.org/standard';
    expect(await read(JSON.stringify(jsonld), 'jsonld')).toMatchObject({ ok: false, code: 'INVALID_RDF' });
  });

  it('makes relative IRIs unnamed nodes of the record, never IRIs another record could share', async () => {
    const relative = ARCA.replace('@prefix arca: <https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA/> .', '@prefix arca: <#> .').replaceAll('<https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA>', '<>');
    const result = await read(relative);
    if (!result.ok) return expect.unreachable(JSON.stringify(result));
    expect(result.reading.dataset.iri).toBeNull();
    expect(result.reading.dataset.agents.publisher?.iri).toBeNull();
  });

  it('names what the catalogue requires of every dataset in the same answer as the SHACL violations', async () => {
    const result = await read(ARCA.replace('dct:title "[Test] ARCA"@en ;', '').replace('dcat:contactPoint arca:dataset-contact-point ;', ''));
    if (result.ok || result.code !== 'INVALID_RECORD') return expect.unreachable('the record should be refused');
    expect(result.violations.map((v) => v.path)).toContain('http://purl.org/dc/terms/title');
    expect(result.problems).toEqual([{ field: 'dcat:contactPoint', message: 'the catalogue requires it' }]);
  });
});
