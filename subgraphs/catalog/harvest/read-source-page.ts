import { Store, termToId, type Quad, type Term } from 'n3';
import { ADMS_WITHDRAWN } from '../rdf/catalogue-page-quads.js';
import { MAX_RECORD_TRIPLES, parseRdfDocument, type SourceFormat } from '../rdf/import/parse-rdf-document.js';
import { readRecordQuads, type RecordReading } from '../rdf/import/read-record-document.js';
import { readableViolation } from '../rdf/import/readable-violation.js';
import { adms, dcat, dct, foaf, hydra, rdf } from '../rdf/namespaces.js';
import type { HarvestRefusalJson } from '../db/schema/harvest-source.js';

/** Most triples one page of a source may hold (a page of 100 rich records holds about 30,000). */
export const MAX_PAGE_TRIPLES = 300_000;

/** A dataset of the page the catalogue can take, with the source's IRI of it. */
export interface PageRecord {
  readonly iri: string;
  readonly reading: RecordReading;
}

/** What one page of a source says. */
export interface SourcePage {
  readonly records: readonly PageRecord[];
  readonly refusals: readonly HarvestRefusalJson[];
  /** IRIs of datasets the page marks as withdrawn (a catalogue record with `adms:status` Withdrawn). */
  readonly tombstones: readonly string[];
  /** Datasets the source itself harvested from elsewhere (its catalogue record has a `dct:source`): not taken. */
  readonly skipped: number;
  /** The next page (`hydra:next` of the page's view), absolute; null on the last page. */
  readonly next: string | null;
}

const TYPE = rdf('type');
const NOT_PART_OF_A_RECORD = new Set([dcat('Catalog').value, dcat('CatalogRecord').value, hydra('PartialCollectionView').value, hydra('Collection').value]);

/**
 * The triples that describe `dataset`: its own, and those of every node it leads to (agents, contact
 * points, distributions, periods...), except other datasets, catalogues and catalogue records. Stops at
 * `max` + 1 triples: a record that large is refused anyway.
 */
function recordTriples(store: Store, dataset: Quad['subject'], datasets: ReadonlySet<string>, max: number): Quad[] {
  const out: Quad[] = [];
  const seen = new Set<string>([termToId(dataset)]);
  const queue: Term[] = [dataset];
  while (queue.length > 0 && out.length <= max) {
    const node = queue.shift() as Quad['subject'];
    for (const q of store.getQuads(node, null, null, null)) {
      out.push(q);
      const o = q.object;
      if (o.termType !== 'NamedNode' && o.termType !== 'BlankNode') continue;
      const id = termToId(o);
      if (seen.has(id) || datasets.has(id)) continue;
      seen.add(id);
      if (store.getObjects(o, TYPE, null).some((t) => NOT_PART_OF_A_RECORD.has(t.value))) continue;
      queue.push(o);
    }
  }
  return out;
}

/**
 * Reads one page of a harvested catalogue (DCAT-AP or HealthDCAT-AP in Turtle, JSON-LD or RDF/XML):
 * splits it into one record per `dcat:Dataset`, each read and validated as a pushed record is (the same
 * shapes, the same reading), and finds the tombstones, the datasets the source harvested itself, and the
 * next page. A dataset needs an IRI (without one, a later harvest could not tell it again). Throws
 * `RdfSyntaxError` for a page that is not well-formed or too big.
 */
export async function readSourcePage(text: string, format: SourceFormat, url: string): Promise<SourcePage> {
  const quads = await parseRdfDocument(text, format, { maxTriples: MAX_PAGE_TRIPLES, baseIri: url });
  const store = new Store(quads);
  const tombstones = new Set<string>();
  const harvestedElsewhere = new Set<string>();
  for (const record of store.getSubjects(TYPE, dcat('CatalogRecord'), null)) {
    const topics = store.getObjects(record, foaf('primaryTopic'), null).filter((t) => t.termType === 'NamedNode');
    const withdrawn = store.getObjects(record, adms('status'), null).some((s) => s.value === ADMS_WITHDRAWN);
    const fromElsewhere = store.getObjects(record, dct('source'), null).length > 0;
    for (const topic of topics) {
      if (withdrawn) tombstones.add(topic.value);
      else if (fromElsewhere) harvestedElsewhere.add(topic.value);
    }
  }
  const datasetNodes = store.getSubjects(TYPE, dcat('Dataset'), null);
  const datasetIds = new Set(datasetNodes.map(termToId));
  const records: PageRecord[] = [];
  const refusals: HarvestRefusalJson[] = [];
  let skipped = 0;
  for (const node of datasetNodes) {
    if (node.termType !== 'NamedNode') {
      refusals.push({ iri: null, message: 'A harvested dataset needs an IRI: this one is an unnamed node, which a later harvest could not recognise.', violations: [] });
      continue;
    }
    if (tombstones.has(node.value)) continue;
    if (harvestedElsewhere.has(node.value)) {
      skipped++;
      continue;
    }
    const triples = recordTriples(store, node, datasetIds, MAX_RECORD_TRIPLES);
    if (triples.length > MAX_RECORD_TRIPLES) {
      refusals.push({ iri: node.value, message: `The record holds more than ${MAX_RECORD_TRIPLES} triples.`, violations: [] });
      continue;
    }
    const read = await readRecordQuads(triples);
    if (read.ok) {
      records.push({ iri: node.value, reading: read.reading });
      continue;
    }
    const problems = read.code === 'INVALID_RECORD' ? read.problems.map((p) => ({ path: p.field, message: p.message, focus: null })) : [];
    const violations = read.code === 'INVALID_RECORD' ? read.violations.map(readableViolation).map((v) => ({ path: v.path, message: v.message, focus: v.focusNode })) : [];
    refusals.push({ iri: node.value, message: read.message, violations: [...violations, ...problems].slice(0, 20) });
  }
  const views = store.getObjects(null, hydra('view'), null);
  const nextOf = (subject: Term | null) => [...store.getObjects(subject, hydra('next'), null), ...store.getObjects(subject, hydra('nextPage'), null)].find((t) => t.termType === 'NamedNode');
  const next = views.map(nextOf).find((t) => t !== undefined) ?? nextOf(null);
  return { records, refusals, tombstones: [...tombstones], skipped, next: next?.value ?? null };
}
