import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../../platform/db/database.js';
import { accessLevelOf, conformanceDir, dcatApShapes, healthDcatShapes, readTurtle, shaclResults } from '../../../../test/support/healthdcat-shapes.js';
import { canonicalLines, modelledProjection, unordered } from '../../../../test/support/record-projection.js';
import { createTestDatabase } from '../../../../test/support/test-database.js';
import { getDatasetsByIds } from '../../db/queries/datasets.js';
import { readDatasetRecord } from '../../db/queries/read-dataset-record.js';
import { catalogueIris } from '../catalogue-iris.js';
import { datasetDocumentQuads } from '../dataset-document-quads.js';
import { loadCatalogueEntries } from '../load-catalogue-entries.js';
import { serializeRdf } from '../serialize-rdf.js';
import { pushRecord } from './push-record.js';

/*
 * Issue 6, item 5: the official Release 8 example and the registry examples import without error, and
 * exporting them again yields the same triples for every property the catalogue models, compared as
 * graphs (test/support/record-projection.ts lists the modelled properties, independently of the importer).
 */

const BASE = 'https://health-data.example.org';
const iris = catalogueIris(BASE);
const steward = { subject: 'steward-1', organisation: 'health-data-hub' };

const EXAMPLES = [
  { file: 'examples/example-healthdcat-dataset.ttl', id: 'eu-hdca-r7-oncology-ehrs-2024', iri: 'https://healthdcat-ap.example.org/release-7/example/dataset-oncology-ehrs-2024' },
  { file: 'examples/EPRDR/AGORA.ttl', id: 'agora', iri: 'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/AGORA' },
  { file: 'examples/EPRDR/ARCA.ttl', id: 'arca', iri: 'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA' },
] as const;

let database: Database;

async function exportOf(id: string) {
  const rows = await getDatasetsByIds(database.db, [id]);
  const { entries, holders } = await loadCatalogueEntries(database.db, rows.filter((r) => r !== null));
  return datasetDocumentQuads(entries, holders, iris);
}

beforeAll(async () => {
  database = await createTestDatabase();
});

afterAll(async () => {
  await database?.close();
});

describe.each(EXAMPLES)('the official example $file', ({ file, id, iri }) => {
  const text = readFileSync(new URL(`healthdcat-ap/${file}`, conformanceDir), 'utf8');

  it('imports without error, keeping its IRI, and says what the catalogue does not keep', async () => {
    const outcome = await pushRecord(database.db, { text, format: 'turtle', mode: 'create', publicBase: BASE }, steward, '2026-11-24');
    expect(outcome.ok ? null : outcome).toBeNull();
    if (!outcome.ok) return;
    expect(outcome.id).toBe(id);
    expect(outcome.notKept).toEqual(expect.arrayContaining(['healthdcatap:hasVariables', 'healthdcatap:hdabCoordinator', 'dct:language']));
    for (const kept of ['dct:title', 'dcat:distribution', 'dct:publisher', 'healthdcatap:hdab', 'dpv:hasPurpose', 'dct:type', 'dcat:accessURL']) {
      expect(outcome.notKept).not.toContain(kept);
    }
    expect((await readDatasetRecord(database.db, id))?.iri).toBe(iri);
  });

  it('exports again the same triples for every property the catalogue models', async () => {
    const original = modelledProjection(readTurtle(`healthdcat-ap/${file}`), iri);
    const exported = modelledProjection(await exportOf(id), iri);
    expect(original.length).toBeGreaterThan(60);
    expect(await canonicalLines(exported)).toEqual(await canonicalLines(original));
  });

  it('exports a document that passes the official shapes of its access level and DCAT-AP 3', async () => {
    const document = await exportOf(id);
    const level = accessLevelOf(readDatasetRecordRights(document));
    expect(await shaclResults(healthDcatShapes(level), document)).toEqual([]);
    expect(await shaclResults(dcatApShapes(), document)).toEqual([]);
  });
});

function readDatasetRecordRights(document: Awaited<ReturnType<typeof exportOf>>): string {
  const right = document.find((q) => q.predicate.value === 'http://purl.org/dc/terms/accessRights');
  if (!right) throw new Error('no access rights exported');
  return right.object.value;
}

describe('a demo dataset exported, pushed back and exported again', () => {
  it.each(['snds-base-principale', 'cartographie-pathologies', 'fi-hilmo'])('%s keeps the same modelled triples, in Turtle and in JSON-LD', async (id) => {
    const [row] = await getDatasetsByIds(database.db, [id]);
    if (!row) return expect.unreachable(`no demo dataset ${id}`);
    const before = await exportOf(id);
    const beforeRecord = await readDatasetRecord(database.db, id);
    for (const format of ['turtle', 'jsonld'] as const) {
      const text = await serializeRdf(before, format);
      const outcome = await pushRecord(database.db, { text, format, mode: 'replace', id, publicBase: BASE }, steward, '2026-11-24');
      expect(outcome.ok ? null : outcome).toBeNull();
      // Its agents are the catalogue's own organisations: referred to, their description not applied, and said so.
      expect(outcome.ok && outcome.notKept.some((n) => n.startsWith(`dct:publisher: the catalogue's organisation "${row.publisherId}"`))).toBe(true);
      const after = await exportOf(id);
      const subject = iris.dataset(id);
      expect(await canonicalLines(modelledProjection(after, subject))).toEqual(await canonicalLines(modelledProjection(before, subject)));
    }
    // The same record, lists aside: RDF does not keep their order.
    expect(unordered(await readDatasetRecord(database.db, id))).toEqual(unordered(beforeRecord));
  });
});
