import jsonld from 'jsonld';
import { DataFactory, Store, Writer, type Quad, type Term } from 'n3';
import { PREFIXES } from '../../subgraphs/catalog/rdf/namespaces.js';

const { blankNode, quad } = DataFactory;

const NS = { ...PREFIXES, hd: PREFIXES.healthdcatap, geo: PREFIXES.geodcatap };

type ShapeName = 'dataset' | 'identifier' | 'kind' | 'period' | 'location' | 'term' | 'provenance' | 'distribution' | 'rights' | 'agent' | 'contact';

/** What a property of a node leads to: a value compared as is, a described node, or an agent kept by IRI. */
type Step = 'value' | { node: ShapeName } | 'agent';

/**
 * The properties the catalogue models (docs/catalogue-import.md), written here independently of the
 * importer: from the dataset, each property's values are compared as they are, or followed into the nodes
 * they describe. `rdf:type` is compared on every node.
 */
const SHAPES: Record<ShapeName, Record<string, Step>> = {
  dataset: {
    [`${NS.dct}identifier`]: 'value',
    [`${NS.dct}title`]: 'value',
    [`${NS.dct}description`]: 'value',
    [`${NS.dcat}keyword`]: 'value',
    [`${NS.dcat}theme`]: 'value',
    [`${NS.hd}healthCategory`]: 'value',
    [`${NS.hd}healthTheme`]: 'value',
    [`${NS.dct}accessRights`]: 'value',
    [`${NS.dcatap}applicableLegislation`]: 'value',
    [`${NS.hd}hasCodingSystem`]: 'value',
    [`${NS.hd}hasCodeValues`]: 'value',
    [`${NS.hd}numberOfRecords`]: 'value',
    [`${NS.hd}numberOfUniqueIndividuals`]: 'value',
    [`${NS.hd}minTypicalAge`]: 'value',
    [`${NS.hd}maxTypicalAge`]: 'value',
    [`${NS.hd}populationCoverage`]: 'value',
    [`${NS.dpv}hasPersonalData`]: 'value',
    [`${NS.dct}accrualPeriodicity`]: 'value',
    [`${NS.dct}issued`]: 'value',
    [`${NS.dct}modified`]: 'value',
    [`${NS.dcat}version`]: 'value',
    [`${NS.dcat}landingPage`]: 'value',
    [`${NS.dct}type`]: 'value',
    [`${NS.adms}identifier`]: { node: 'identifier' },
    [`${NS.dcat}contactPoint`]: { node: 'kind' },
    [`${NS.dct}temporal`]: { node: 'period' },
    [`${NS.dct}spatial`]: { node: 'location' },
    [`${NS.dpv}hasPurpose`]: { node: 'term' },
    [`${NS.dpv}hasLegalBasis`]: { node: 'term' },
    [`${NS.hd}retentionPeriod`]: { node: 'period' },
    [`${NS.dct}provenance`]: { node: 'provenance' },
    [`${NS.dcat}distribution`]: { node: 'distribution' },
    [`${NS.adms}sample`]: { node: 'distribution' },
    [`${NS.hd}analytics`]: { node: 'distribution' },
    [`${NS.dct}publisher`]: 'agent',
    [`${NS.geo}custodian`]: 'agent',
    [`${NS.hd}hdab`]: 'agent',
  },
  identifier: { [`${NS.skos}notation`]: 'value', [`${NS.adms}schemaAgency`]: 'value' },
  kind: { [`${NS.vcard}fn`]: 'value', [`${NS.vcard}hasEmail`]: 'value', [`${NS.vcard}hasURL`]: 'value' },
  period: { [`${NS.dcat}startDate`]: 'value', [`${NS.dcat}endDate`]: 'value', [`${NS.dct}description`]: 'value' },
  location: { [`${NS.locn}geographicName`]: 'value' },
  term: { [`${NS.dct}description`]: 'value', [`${NS.dct}source`]: 'value' },
  provenance: { [`${NS.rdfs}label`]: 'value' },
  distribution: {
    [`${NS.dct}title`]: 'value',
    [`${NS.dct}description`]: 'value',
    [`${NS.dcat}accessURL`]: 'value',
    [`${NS.dcat}downloadURL`]: 'value',
    [`${NS.dct}format`]: 'value',
    [`${NS.dcat}mediaType`]: 'value',
    [`${NS.dcat}byteSize`]: 'value',
    [`${NS.dct}license`]: 'value',
    [`${NS.dcatap}applicableLegislation`]: 'value',
    [`${NS.dct}rights`]: { node: 'rights' },
  },
  rights: { [`${NS.rdfs}label`]: 'value' },
  agent: {
    [`${NS.foaf}name`]: 'value',
    [`${NS.dct}type`]: 'value',
    [`${NS.foaf}homepage`]: 'value',
    [`${NS.dct}description`]: 'value',
    [`${NS.hd}trustedDataHolder`]: 'value',
    [`${NS.cv}contactPoint`]: { node: 'contact' },
  },
  contact: { [`${NS.cv}email`]: 'value', [`${NS.cv}contactPage`]: 'value', [`${NS.cv}telephone`]: 'value' },
};

/**
 * A node the graph describes with modelled properties of `shape`, as opposed to a code or a page it names
 * (whatever else is said of a country or a licence, it is a value).
 */
function isDescribed(store: Store, term: Term, shape: Record<string, Step>): boolean {
  return term.termType === 'BlankNode' || (term.termType === 'NamedNode' && store.getQuads(term, null, null, null).some((q) => q.predicate.value in shape));
}

/**
 * The triples of `quads` the catalogue models, starting at the dataset `datasetIri`: the dataset and its
 * agents keep their IRIs; every other described node (distribution, contact point, period...) becomes a
 * fresh blank node each time it is reached, so two graphs that say the same things compare equal whatever
 * the nodes are called and whether one node is shared or repeated. A country or purpose given by IRI is a
 * value; one described by modelled properties (a place by name, a purpose in words) is followed.
 */
export function modelledProjection(quads: readonly Quad[], datasetIri: string): Quad[] {
  const store = new Store([...quads]);
  const out: Quad[] = [];
  const agentsDone = new Set<string>();
  const visit = (source: Term, target: Quad['subject'], shape: Record<string, Step>) => {
    for (const type of store.getObjects(source, `${NS.rdf}type`, null)) out.push(quad(target, DataFactory.namedNode(`${NS.rdf}type`), type as Quad['object']));
    for (const [predicate, step] of Object.entries(shape)) {
      for (const object of store.getObjects(source, predicate, null)) {
        const p = DataFactory.namedNode(predicate);
        if (step === 'value' || (typeof step === 'object' && !isDescribed(store, object, SHAPES[step.node]))) {
          out.push(quad(target, p, object as Quad['object']));
        } else if (step === 'agent') {
          out.push(quad(target, p, object as Quad['object']));
          if (object.termType === 'NamedNode' && agentsDone.has(object.value)) continue;
          agentsDone.add(object.value);
          visit(object, object.termType === 'NamedNode' ? object : blankNode(), SHAPES.agent);
        } else {
          const copy = blankNode();
          out.push(quad(target, p, copy));
          visit(object, copy, SHAPES[step.node]);
        }
      }
    }
  };
  const dataset = DataFactory.namedNode(datasetIri);
  visit(dataset, dataset, SHAPES.dataset);
  return out;
}

/** The canonical N-Quads of a graph (RDF Dataset Canonicalization), one line per triple, sorted. */
export async function canonicalLines(quads: readonly Quad[]): Promise<string[]> {
  const writer = new Writer({ format: 'N-Quads' });
  writer.addQuads([...quads]);
  const nquads = await new Promise<string>((resolve, reject) => writer.end((error, text: string) => (error ? reject(error) : resolve(text))));
  const canonical = await jsonld.canonize(await jsonld.fromRDF(nquads, { format: 'application/n-quads' }), { algorithm: 'URDNA2015', format: 'application/n-quads' });
  return canonical.split('\n').filter((line) => line.length > 0).sort();
}

/** `value` with every list sorted: RDF has no order, so records read from it are compared this way. */
export function unordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unordered).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unordered(v)]));
  return value;
}
