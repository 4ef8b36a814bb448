import { describe, expect, it } from 'vitest';
import type { DatasetCore, Term } from '@rdfjs/types';
import { DataFactory, Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import {
  accessLevelOf,
  datasetAccessRight,
  dcatApShapes,
  healthDcatShapes,
  readTurtle,
  shaclResults,
} from '../../../../test/support/healthdcat-shapes.js';
import { DATASET_RULES_BY_LEVEL, SHARED_RULES } from './record-rules.js';
import { accessLevelOfIri, describeViolations, validateRecordGraph, type AccessLevel } from './validate-record-graph.js';

/*
 * The catalogue's import shapes (record-rules.ts) against the official check: a record conforms to ours
 * exactly when it conforms to both
 * - the HealthDCAT-AP Release 8 shapes of its access level, `owl:imports` left unresolved, and
 * - SEMIC's DCAT-AP 3 shapes without their `sh:class` range constraints,
 * and where both refuse it, they name the same (focus node, property) pairs; a result on a node as a whole
 * (the structured-data rule) is compared by its focus node. The corpus: the official examples, each with
 * single triples removed, hand-made breakages, and one breakage per constraint of the official shapes,
 * made so that it breaks that constraint alone (a rule of ours that differed would otherwise hide behind
 * another broken on the same node and property).
 */

const { namedNode, literal, blankNode, quad } = DataFactory;

const P = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  sh: 'http://www.w3.org/ns/shacl#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  cv: 'http://data.europa.eu/m8g/',
  healthdcatap: 'http://healthdataportal.eu/ns/health#',
  geodcatap: 'http://data.europa.eu/930/',
  csvw: 'http://www.w3.org/ns/csvw#',
  time: 'http://www.w3.org/2006/time#',
  adms: 'http://www.w3.org/ns/adms#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  dpv: 'https://w3id.org/dpv#',
  spdx: 'http://spdx.org/rdf/terms#',
  prov: 'http://www.w3.org/ns/prov#',
  locn: 'http://www.w3.org/ns/locn#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
} as const;

/** The IRI of `dct:title`. */
function iri(name: `${keyof typeof P}:${string}`): string {
  const colon = name.indexOf(':');
  return P[name.slice(0, colon) as keyof typeof P] + name.slice(colon + 1);
}

/** `dct:title` for the IRI, for readable failures. */
function short(value: string): string {
  for (const [prefix, base] of Object.entries(P)) if (value.startsWith(base)) return `${prefix}:${value.slice(base.length)}`;
  return value;
}

const RDF_TYPE = iri('rdf:type');
const ACCESS_RIGHT: Readonly<Record<AccessLevel, string>> = {
  public: 'http://publications.europa.eu/resource/authority/access-right/PUBLIC',
  restricted: 'http://publications.europa.eu/resource/authority/access-right/RESTRICTED',
  'non-public': 'http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC',
};
const LEVELS: readonly AccessLevel[] = ['non-public', 'public', 'restricted'];

/** A document of the corpus, and the access level it is checked at. */
interface Doc {
  readonly label: string;
  readonly level: AccessLevel;
  readonly quads: readonly Quad[];
}

/** The examples, smallest first: a breakage is made on the first one that has what it needs. */
const EXAMPLES = [
  { name: 'non-public example', path: 'healthdcat-ap/examples/example-healthdcat-dataset.ttl' },
  { name: 'ARCA', path: 'healthdcat-ap/examples/EPRDR/ARCA.ttl' },
  { name: 'AGORA', path: 'healthdcat-ap/examples/EPRDR/AGORA.ttl' },
].map((e) => {
  const quads = readTurtle(e.path);
  return { ...e, quads, level: accessLevelOf(datasetAccessRight(quads)) };
});
type Example = (typeof EXAMPLES)[number];

// --- the two verdicts --------------------------------------------------------------------------------

const officialShapes = {
  'non-public': healthDcatShapes('non-public'),
  public: healthDcatShapes('public'),
  restricted: healthDcatShapes('restricted'),
  dcatAp: dcatApShapes(),
};
/** Built once: building a validator costs far more than a validation. */
const officialValidators = {
  'non-public': new SHACLValidator(officialShapes['non-public']),
  public: new SHACLValidator(officialShapes.public),
  restricted: new SHACLValidator(officialShapes.restricted),
  dcatAp: new SHACLValidator(officialShapes.dcatAp),
};

interface OfficialResult {
  focus: string;
  /** The property, `a | b` for an alternative path, null for a result on the node as a whole. */
  path: string | null;
  component: string;
}

function listItems(graph: DatasetCore, head: Term): Term[] {
  const items: Term[] = [];
  let cell: Term | undefined = head;
  while (cell && cell.value !== `${P.rdf}nil`) {
    const first: Term | undefined = [...graph.match(cell, namedNode(`${P.rdf}first`), null)][0]?.object;
    const rest: Term | undefined = [...graph.match(cell, namedNode(`${P.rdf}rest`), null)][0]?.object;
    if (!first) break;
    items.push(first);
    cell = rest;
  }
  return items;
}

function pathText(path: Term | null, graphs: readonly DatasetCore[]): string | null {
  if (!path) return null;
  if (path.termType === 'NamedNode') return path.value;
  for (const graph of graphs) {
    const [alternatives] = [...graph.match(path, namedNode(`${P.sh}alternativePath`), null)];
    if (alternatives) return listItems(graph, alternatives.object).map((t) => t.value).join(' | ');
  }
  return `(path ${path.value})`;
}

async function officialVerdict(doc: Doc): Promise<{ conforms: boolean; results: OfficialResult[] }> {
  const data = new Store([...doc.quads]);
  const results: OfficialResult[] = [];
  let conforms = true;
  for (const [validator, shapes] of [
    [officialValidators[doc.level], officialShapes[doc.level]],
    [officialValidators.dcatAp, officialShapes.dcatAp],
  ] as const) {
    const report = await validator.validate(data);
    conforms &&= report.conforms;
    for (const r of report.results) {
      results.push({
        focus: r.focusNode?.value ?? '',
        path: pathText(r.path, [r.dataset, shapes as unknown as DatasetCore]),
        component: r.sourceConstraintComponent?.value.replace(P.sh, 'sh:') ?? '',
      });
    }
  }
  return { conforms, results };
}

const key = (focus: string, path: string | null) => `${short(focus)} ${path === null ? '(the node itself)' : path.split(' | ').map(short).join(' | ')}`;

const ALL_MESSAGES = new Set([
  ...Object.values(SHARED_RULES).flatMap((shape) => [...shape.properties.map((r) => r.message), ...(shape.either ? [shape.either.message] : [])]),
  ...Object.values(DATASET_RULES_BY_LEVEL).flatMap((rules) => rules.map((r) => r.message)),
]);
const MESSAGES_LONGEST_FIRST = [...ALL_MESSAGES].sort((a, b) => b.length - a.length);
/** Our messages seen across the corpus, to show every rule was broken at least once. */
const seenMessages = new Set<string>();
const foreignMessages = new Set<string>();
let documentsCompared = 0;
let documentsRefused = 0;

/** A description of how the verdicts differ, or null when they agree. */
async function mismatch(doc: Doc): Promise<string | null> {
  const official = await officialVerdict(doc);
  const ours = await validateRecordGraph(doc.quads, doc.level);
  documentsCompared += 1;
  for (const v of ours) {
    // The rule's message, then maybe "Here: " and those of the nested rules the value broke.
    const [own = '', reasons = ''] = v.message.split(' Here: ');
    (ALL_MESSAGES.has(own) ? seenMessages : foreignMessages).add(own);
    let rest = reasons;
    for (const m of MESSAGES_LONGEST_FIRST) {
      if (!rest.includes(m)) continue;
      seenMessages.add(m);
      rest = rest.split(m).join(' ');
    }
    if (rest.trim() !== '') foreignMessages.add(rest.trim());
  }
  const oursConform = ours.length === 0;
  if (!official.conforms) documentsRefused += 1;
  const officialKeys = new Set(official.results.map((r) => key(r.focus, r.path)));
  const ourKeys = new Set(ours.map((v) => key(v.focusNode.replace(/^_:/, ''), v.path)));
  if (official.conforms !== oursConform) {
    return `${doc.label} [${doc.level}]: official ${official.conforms ? 'conforms' : 'refuses'}, ours ${oursConform ? 'conforms' : 'refuses'}; official [${[...officialKeys].join('; ')}], ours [${[...ourKeys].join('; ')}]`;
  }
  const onlyOfficial = [...officialKeys].filter((k) => !ourKeys.has(k));
  const onlyOurs = [...ourKeys].filter((k) => !officialKeys.has(k));
  if (onlyOfficial.length === 0 && onlyOurs.length === 0) return null;
  return `${doc.label} [${doc.level}]: only official [${onlyOfficial.join('; ')}], only ours [${onlyOurs.join('; ')}]`;
}

async function mismatches(docs: readonly Doc[]): Promise<string[]> {
  const found: string[] = [];
  for (const doc of docs) {
    const difference = await mismatch(doc);
    if (difference !== null) found.push(difference);
  }
  return found;
}

// --- building the corpus -----------------------------------------------------------------------------

function datasetOf(quads: readonly Quad[]): Quad['subject'] {
  const typed = quads.find((q) => q.predicate.value === RDF_TYPE && q.object.value === iri('dcat:Dataset'));
  if (!typed) throw new Error('no dataset');
  return typed.subject;
}

function objectsOf(quads: readonly Quad[], subject: Term, predicate: string): Quad['object'][] {
  return quads.filter((q) => q.subject.equals(subject) && q.predicate.value === predicate).map((q) => q.object);
}

function instancesOf(quads: readonly Quad[], cls: string): Quad['subject'][] {
  return quads.filter((q) => q.predicate.value === RDF_TYPE && q.object.value === cls).map((q) => q.subject);
}

function without(quads: readonly Quad[], drop: (q: Quad) => boolean): Quad[] {
  return quads.filter((q) => !drop(q));
}

function dropping(subject: Term, ...predicates: string[]): (q: Quad) => boolean {
  return (q) => q.subject.equals(subject) && predicates.includes(q.predicate.value);
}

function add(subject: Quad['subject'], predicate: string, object: Quad['object']): Quad {
  return quad(subject, namedNode(predicate), object);
}

/** The document with the dataset's access right set to `level`'s. */
function atLevel(quads: readonly Quad[], level: AccessLevel): Quad[] {
  const dataset = datasetOf(quads);
  return [...without(quads, dropping(dataset, iri('dct:accessRights'))), add(dataset, iri('dct:accessRights'), namedNode(ACCESS_RIGHT[level]))];
}

/** Which node a triple's subject is: its types and the properties that point to it. */
function roleOf(quads: readonly Quad[], subject: Term): string {
  const types = [...new Set(objectsOf(quads, subject, RDF_TYPE).map((t) => short(t.value)))].sort();
  const incoming = [...new Set(quads.filter((q) => q.object.equals(subject)).map((q) => short(q.predicate.value)))].sort();
  return `[${types.join(',')}]<-[${incoming.join(',')}]`;
}

/**
 * The examples with one triple removed: one triple per kind of node and property (for `rdf:type`, per
 * class), across the examples, smallest first. The 89 columns of AGORA all play the same part, and AGORA
 * follows the same template as ARCA: removing the name of one column says what removing the name of any
 * does, wherever it is.
 */
function removals(): Doc[] {
  const docs: Doc[] = [];
  const seen = new Set<string>();
  for (const example of EXAMPLES) {
    for (const q of example.quads) {
      const signature = `${roleOf(example.quads, q.subject)} -${q.predicate.value}${q.predicate.value === RDF_TYPE ? ` ${q.object.value}` : ''}`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      const subject = q.subject.termType === 'BlankNode' ? `(blank ${roleOf(example.quads, q.subject)})` : short(q.subject.value);
      docs.push({ label: `${example.name} without ${subject} ${short(q.predicate.value)} ${short(q.object.value).slice(0, 60)}`, level: example.level, quads: without(example.quads, (x) => x === q) });
    }
  }
  return docs;
}

/** A breakage of one example: the document, or undefined when the example lacks what it needs. */
type Breakage = (example: Example, dataset: Quad['subject']) => { quads: Quad[]; level?: AccessLevel } | undefined;

const firstObject = (example: Example, subject: Term, predicate: string) => objectsOf(example.quads, subject, predicate)[0];

const BREAKAGES: Readonly<Record<string, Breakage>> = {
  'a second dct:accessRights': (e, d) => ({
    quads: [...e.quads, add(d, iri('dct:accessRights'), namedNode(ACCESS_RIGHT[e.level === 'public' ? 'restricted' : 'public']))],
  }),
  'no dct:accessRights': (e, d) => ({ quads: without(e.quads, dropping(d, iri('dct:accessRights'))) }),
  ...Object.fromEntries(
    LEVELS.flatMap((level): [string, Breakage][] => [
      [`dct:accessRights switched to ${level}, checked at the example's level`, (e) => (e.level === level ? undefined : { quads: atLevel(e.quads, level) })],
      [`dct:accessRights switched to ${level}, checked at ${level}`, (e) => (e.level === level ? undefined : { quads: atLevel(e.quads, level), level })],
    ]),
  ),
  'dcat:theme given as a literal': (e, d) => ({ quads: [...e.quads, add(d, iri('dcat:theme'), literal('Health'))] }),
  'dcat:theme given as a blank node': (e, d) => ({ quads: [...e.quads, add(d, iri('dcat:theme'), blankNode('theme'))] }),
  'dcatap:applicableLegislation given as a literal': (e, d) => ({ quads: [...e.quads, add(d, iri('dcatap:applicableLegislation'), literal('EHDS'))] }),
  'healthdcatap:numberOfRecords "x"': (e, d) => ({
    quads: [...without(e.quads, dropping(d, iri('healthdcatap:numberOfRecords'))), add(d, iri('healthdcatap:numberOfRecords'), literal('x'))],
  }),
  'healthdcatap:numberOfRecords "-1"^^xsd:nonNegativeInteger': (e, d) => ({
    quads: [...without(e.quads, dropping(d, iri('healthdcatap:numberOfRecords'))), add(d, iri('healthdcatap:numberOfRecords'), literal('-1', namedNode(iri('xsd:nonNegativeInteger'))))],
  }),
  'two healthdcatap:minTypicalAge': (e, d) => ({
    quads: [...e.quads, add(d, iri('healthdcatap:minTypicalAge'), literal('1', namedNode(iri('xsd:nonNegativeInteger')))), add(d, iri('healthdcatap:minTypicalAge'), literal('2', namedNode(iri('xsd:nonNegativeInteger'))))],
  }),
  'healthdcatap:hasStructuredData true without healthdcatap:hasVariables': (e, d) => ({ quads: without(e.quads, dropping(d, iri('healthdcatap:hasVariables'))) }),
  'healthdcatap:hasStructuredData "yes"': (e, d) => ({
    quads: [...without(e.quads, dropping(d, iri('healthdcatap:hasStructuredData'))), add(d, iri('healthdcatap:hasStructuredData'), literal('yes'))],
  }),
  'healthdcatap:hasStructuredData "1"^^xsd:boolean without healthdcatap:hasVariables': (e, d) => ({
    quads: [
      ...without(e.quads, dropping(d, iri('healthdcatap:hasStructuredData'), iri('healthdcatap:hasVariables'))),
      add(d, iri('healthdcatap:hasStructuredData'), literal('1', namedNode(iri('xsd:boolean')))),
    ],
  }),
  'healthdcatap:hasStructuredData false with healthdcatap:hasVariables': (e, d) => ({
    quads: [...without(e.quads, dropping(d, iri('healthdcatap:hasStructuredData'))), add(d, iri('healthdcatap:hasStructuredData'), literal('false', namedNode(iri('xsd:boolean'))))],
  }),
  'healthdcatap:hasStructuredData false without healthdcatap:hasVariables': (e, d) => ({
    quads: [
      ...without(e.quads, dropping(d, iri('healthdcatap:hasStructuredData'), iri('healthdcatap:hasVariables'))),
      add(d, iri('healthdcatap:hasStructuredData'), literal('false', namedNode(iri('xsd:boolean')))),
    ],
  }),
  'healthdcatap:hasStructuredData both true and false, without healthdcatap:hasVariables': (e, d) => ({
    quads: [
      ...without(e.quads, dropping(d, iri('healthdcatap:hasVariables'))),
      add(d, iri('healthdcatap:hasStructuredData'), literal('false', namedNode(iri('xsd:boolean')))),
    ],
  }),
  'neither healthdcatap:hasStructuredData nor healthdcatap:hasVariables': (e, d) => ({
    quads: without(e.quads, dropping(d, iri('healthdcatap:hasStructuredData'), iri('healthdcatap:hasVariables'))),
  }),
  'the publisher without foaf:name': (e, d) => {
    const publisher = firstObject(e, d, iri('dct:publisher'));
    return publisher && { quads: without(e.quads, dropping(publisher, iri('foaf:name'))) };
  },
  'the publisher with a second publisher note': (e, d) => {
    const publisher = firstObject(e, d, iri('dct:publisher'));
    return publisher?.termType === 'NamedNode' ? { quads: [...e.quads, add(publisher, iri('dct:description'), literal('one')), add(publisher, iri('dct:description'), literal('two'))] } : undefined;
  },
  "the publisher's contact point with neither cv:email nor cv:contactPage": (e, d) => {
    const publisher = firstObject(e, d, iri('dct:publisher'));
    const contact = publisher && firstObject(e, publisher, iri('cv:contactPoint'));
    return contact && { quads: without(e.quads, dropping(contact, iri('cv:email'), iri('cv:contactPage'))) };
  },
  "the publisher's contact point not typed cv:ContactPoint": (e, d) => {
    const publisher = firstObject(e, d, iri('dct:publisher'));
    const contact = publisher && firstObject(e, publisher, iri('cv:contactPoint'));
    return contact && { quads: without(e.quads, (q) => q.subject.equals(contact) && q.predicate.value === RDF_TYPE) };
  },
  'the access body with a second contact point': (e, d) => {
    const body = firstObject(e, d, iri('healthdcatap:hdab'));
    return body?.termType === 'NamedNode' ? { quads: [...e.quads, add(body, iri('cv:contactPoint'), namedNode('urn:example:another-contact'))] } : undefined;
  },
  'the access body without a contact point': (e, d) => {
    const body = firstObject(e, d, iri('healthdcatap:hdab'));
    return body && { quads: without(e.quads, dropping(body, iri('cv:contactPoint'))) };
  },
  'the custodian as a literal': (e, d) => ({ quads: [...without(e.quads, dropping(d, iri('geodcatap:custodian'))), add(d, iri('geodcatap:custodian'), literal('Data holder'))] }),
  'the dataset contact point with neither vcard:hasURL nor vcard:hasEmail': (e, d) => {
    const contact = firstObject(e, d, iri('dcat:contactPoint'));
    return contact && { quads: without(e.quads, dropping(contact, iri('vcard:hasURL'), iri('vcard:hasEmail'))) };
  },
  'the dataset contact point with an e-mail address as a literal': (e, d) => {
    const contact = firstObject(e, d, iri('dcat:contactPoint'));
    return contact?.termType === 'NamedNode' ? { quads: [...without(e.quads, dropping(contact, iri('vcard:hasEmail'))), add(contact, iri('vcard:hasEmail'), literal('someone@example.org'))] } : undefined;
  },
  'opening hours not typed time:TemporalEntity': (e) => {
    const hours = e.quads.find((q) => q.predicate.value === iri('cv:openingHours'))?.object;
    return hours && { quads: without(e.quads, (q) => q.subject.equals(hours) && q.predicate.value === RDF_TYPE) };
  },
  'opening hours with a frequency given as a literal': (e) => {
    const hours = e.quads.find((q) => q.predicate.value === iri('cv:openingHours'))?.object;
    return hours?.termType === 'NamedNode' ? { quads: [...without(e.quads, dropping(hours, iri('cv:frequency'))), add(hours, iri('cv:frequency'), literal('daily'))] } : undefined;
  },
  'the first distribution without dcat:accessURL': (e, d) => {
    const distribution = firstObject(e, d, iri('dcat:distribution'));
    return distribution && { quads: without(e.quads, dropping(distribution, iri('dcat:accessURL'))) };
  },
  'the first distribution untyped and without dcatap:applicableLegislation': (e, d) => {
    const distribution = firstObject(e, d, iri('dcat:distribution'));
    return distribution && { quads: without(e.quads, (q) => q.subject.equals(distribution) && [RDF_TYPE, iri('dcatap:applicableLegislation')].includes(q.predicate.value)) };
  },
  'the sample with a blank-node applicable legislation': (e, d) => {
    const sample = firstObject(e, d, iri('adms:sample'));
    return sample?.termType === 'NamedNode' ? { quads: [...without(e.quads, dropping(sample, iri('dcatap:applicableLegislation'))), add(sample, iri('dcatap:applicableLegislation'), blankNode('law'))] } : undefined;
  },
  'the analytics distribution without dcatap:applicableLegislation': (e, d) => {
    const analytics = firstObject(e, d, iri('healthdcatap:analytics'));
    return analytics && { quads: without(e.quads, dropping(analytics, iri('dcatap:applicableLegislation'))) };
  },
  'a column with two names': (e) => {
    const [column] = instancesOf(e.quads, iri('csvw:Column'));
    return column && { quads: [...e.quads, add(column, iri('csvw:name'), literal('anotherName'))] };
  },
  'a column given as a literal': (e) => {
    const [table] = instancesOf(e.quads, iri('csvw:Table'));
    return table && { quads: [...e.quads, add(table, iri('csvw:column'), literal('age'))] };
  },
  'an untyped column without a name': (e) => {
    const [column] = instancesOf(e.quads, iri('csvw:Column'));
    return column && { quads: without(e.quads, (q) => q.subject.equals(column) && [RDF_TYPE, iri('csvw:name')].includes(q.predicate.value)) };
  },
  'the variables group without tables': (e, d) => {
    const group = firstObject(e, d, iri('healthdcatap:hasVariables'));
    return group && { quads: without(e.quads, dropping(group, iri('csvw:table'))) };
  },
  'two retention periods': (e, d) => ({ quads: [...e.quads, add(d, iri('healthdcatap:retentionPeriod'), blankNode('p1')), add(d, iri('healthdcatap:retentionPeriod'), blankNode('p2'))] }),
  'a retention period with nothing in it': (e, d) => ({ quads: [...without(e.quads, dropping(d, iri('healthdcatap:retentionPeriod'))), add(d, iri('healthdcatap:retentionPeriod'), literal('ten years'))] }),
};

function breakages(): Doc[] {
  return EXAMPLES.flatMap((example) =>
    Object.entries(BREAKAGES).flatMap(([name, breakage]) => {
      const broken = breakage(example, datasetOf(example.quads));
      return broken ? [{ label: `${example.name}: ${name}`, level: broken.level ?? example.level, quads: broken.quads }] : [];
    }),
  );
}

// --- one breakage per constraint of the official shapes ---------------------------------------------

/** The nodes an official shape checks: the instances of a class, or the values of a property of those. */
type Target = { cls: string; via?: string };

interface OfficialConstraint {
  readonly origin: AccessLevel | 'dcatAp';
  readonly target: Target;
  readonly paths: readonly string[];
  readonly component: string;
  readonly parameter: Term;
}

function officialConstraints(shapes: Store, origin: OfficialConstraint['origin']): OfficialConstraint[] {
  const sh = (local: string) => namedNode(P.sh + local);
  const branches = new Set(shapes.getQuads(null, namedNode(`${P.rdf}first`), null, null).map((q) => q.object.value));
  const owners = [...new Map(shapes.getQuads(null, sh('property'), null, null).map((q) => [q.subject.value, q.subject])).values()].filter((s) => !branches.has(s.value));
  const targetsOf = (owner: Term): Target[] => {
    const classes = shapes.getObjects(owner, sh('targetClass'), null);
    if (classes.length > 0) return classes.map((c) => ({ cls: c.value }));
    return shapes.getSubjects(sh('node'), owner, null).flatMap((property) => {
      const [path] = shapes.getObjects(property, sh('path'), null);
      return shapes.getSubjects(sh('property'), property, null).flatMap((referrer) =>
        shapes.getObjects(referrer, sh('targetClass'), null).flatMap((c) => (path?.termType === 'NamedNode' ? [{ cls: c.value, via: path.value }] : [])),
      );
    });
  };
  const constraints: OfficialConstraint[] = [];
  for (const owner of owners) {
    for (const target of targetsOf(owner)) {
      for (const property of shapes.getObjects(owner, sh('property'), null)) {
        const [path] = shapes.getObjects(property, sh('path'), null);
        if (!path) continue;
        const [alternatives] = shapes.getObjects(path, sh('alternativePath'), null);
        const paths = path.termType === 'NamedNode' ? [path.value] : alternatives ? listItems(shapes as unknown as DatasetCore, alternatives).map((t) => t.value) : [];
        for (const component of ['minCount', 'maxCount', 'nodeKind', 'datatype', 'hasValue', 'class']) {
          for (const parameter of shapes.getObjects(property, sh(component), null)) constraints.push({ origin, target, paths, component, parameter });
        }
      }
    }
  }
  return constraints;
}

/** Well-formed values of the datatypes the shapes name, two of each. */
const SAMPLE_LEXICAL: Readonly<Record<string, readonly [string, string]>> = {
  [iri('xsd:nonNegativeInteger')]: ['7', '8'],
  [iri('xsd:decimal')]: ['7.5', '8.5'],
  [iri('xsd:duration')]: ['P2D', 'P3D'],
  [iri('xsd:hexBinary')]: ['0a', '0b'],
  [iri('xsd:date')]: ['2001-02-03', '2001-02-04'],
  [iri('xsd:boolean')]: ['true', 'false'],
};

/**
 * A value like `like` (a value of the document) and different from it, with the triples it needs: a literal
 * of the same datatype, or a copy of a node with the same properties (so that it meets whatever the first
 * one meets).
 */
function anotherValue(quads: readonly Quad[], like: Quad['object'], n: number): { value: Quad['object']; quads: Quad[] } {
  if (like.termType === 'Literal') {
    const sample = SAMPLE_LEXICAL[like.datatype.value]?.filter((lexical) => lexical !== like.value)[n];
    if (sample !== undefined) return { value: literal(sample, like.datatype), quads: [] };
    return { value: like.language ? literal(`another value ${n}`, like.language) : literal(`another value ${n}`, like.datatype), quads: [] };
  }
  const copy = like.termType === 'BlankNode' ? blankNode(`copy${n}`) : namedNode(`urn:example:copy-${n}`);
  return { value: copy, quads: quads.filter((q) => q.subject.equals(like)).map((q) => quad(copy, q.predicate, q.object)) };
}

/** `count` values meeting the other constraints on the property (their datatype or node kind), for a node that has none. */
function fittingValues(all: readonly OfficialConstraint[], c: OfficialConstraint, count: number): Quad['object'][] {
  const siblings = all.filter((o) => o.target.cls === c.target.cls && o.target.via === c.target.via && o.paths.join() === c.paths.join());
  const datatype = siblings.find((o) => o.component === 'datatype')?.parameter.value;
  const literalKind = siblings.some((o) => o.component === 'nodeKind' && o.parameter.value === `${P.sh}Literal`);
  return Array.from({ length: count }, (_, i) => {
    if (datatype !== undefined) return literal(SAMPLE_LEXICAL[datatype]?.[i] ?? `value ${i}`, namedNode(datatype));
    return literalKind ? literal(`value ${i}`) : namedNode(`urn:example:another-value-${i}`);
  });
}

/** The ways to break one constraint on `focus`, as changes to the document. */
function breakingsOf(c: OfficialConstraint, all: readonly OfficialConstraint[], quads: readonly Quad[], focus: Quad['subject']): [string, Quad[]][] {
  const [path] = c.paths;
  if (path === undefined) return [];
  const values = objectsOf(quads, focus, path);
  // The other constraints on the property stay met: one more value like the others for a maximum, the
  // values replaced by one bad value otherwise.
  const adding = (...objects: Quad['object'][]) => [...quads, ...objects.map((o) => add(focus, path, o))];
  const replacingBy = (object: Quad['object']) => [...without(quads, dropping(focus, path)), add(focus, path, object)];
  switch (c.component) {
    case 'minCount':
      return [['none', without(quads, dropping(focus, ...c.paths))]];
    case 'maxCount': {
      const extra = Number(c.parameter.value) + 1 - values.length;
      if (extra <= 0 || c.paths.length !== 1) return [];
      const [like] = values;
      const others = like ? Array.from({ length: extra }, (_, i) => anotherValue(quads, like, i)) : fittingValues(all, c, extra).map((value) => ({ value, quads: [] }));
      return [['one too many', [...adding(...others.map((o) => o.value)), ...others.flatMap((o) => o.quads)]]];
    }
    case 'nodeKind':
      if (c.parameter.value === `${P.sh}Literal`) return [['an IRI', replacingBy(namedNode('urn:example:not-a-literal'))]];
      return [
        ['a literal', replacingBy(literal('not a node'))],
        ...(c.parameter.value === `${P.sh}IRI` ? [['a blank node', replacingBy(blankNode('not-an-iri'))] as [string, Quad[]]] : []),
      ];
    case 'datatype':
      return [['a plain string', replacingBy(literal('not a valid value'))]];
    case 'hasValue':
      return [['another value', replacingBy(namedNode('urn:example:another-right'))]];
    case 'class':
      return [['an untyped value', replacingBy(namedNode('urn:example:untyped-value'))]];
    default:
      return [];
  }
}

function focusOf(quads: readonly Quad[], target: Target): Quad['subject'] | undefined {
  for (const instance of instancesOf(quads, target.cls)) {
    if (target.via === undefined) return instance;
    const value = objectsOf(quads, instance, target.via).find((o) => o.termType === 'NamedNode' || o.termType === 'BlankNode');
    if (value) return value as Quad['subject'];
  }
  return undefined;
}

/** Constraints no example could be broken on (a `via` target none of them has). */
const unreached: string[] = [];

/**
 * One document per constraint of the official shapes (and per way to break it), deduplicated across the
 * shapes files: each on the first example that has a node the constraint applies to, moved to the
 * constraint's access level if its file is a level's; a class no example has gets a new, bare instance.
 */
function constraintBreakages(): Doc[] {
  const all = [...LEVELS.flatMap((level) => officialConstraints(officialShapes[level], level)), ...officialConstraints(officialShapes.dcatAp, 'dcatAp')];
  const seen = new Set<string>();
  const docs: Doc[] = [];
  for (const c of all) {
    const targetText = `${short(c.target.cls)}${c.target.via ? ` ${short(c.target.via)}` : ''}`;
    const constraintText = `${targetText} ${c.paths.map(short).join(' | ')} sh:${c.component} ${short(c.parameter.value)}`;
    const preferred = c.origin === 'dcatAp' ? EXAMPLES : [...EXAMPLES.filter((e) => e.level === c.origin), ...EXAMPLES.filter((e) => e.level !== c.origin)];
    let base = preferred.find((e) => focusOf(e.quads, c.target) !== undefined);
    let quads: readonly Quad[] | undefined = base?.quads;
    let focus = quads && focusOf(quads, c.target);
    if (!base || !quads || !focus) {
      base = preferred[0];
      if (!base || c.target.via !== undefined) {
        unreached.push(constraintText);
        continue;
      }
      focus = namedNode(`urn:example:new-${short(c.target.cls).replace(':', '-')}`);
      quads = [...base.quads, add(focus, RDF_TYPE, namedNode(c.target.cls))];
    }
    const level = c.origin === 'dcatAp' ? base.level : c.origin;
    if (level !== base.level) quads = atLevel(quads, level);
    for (const [variant, broken] of breakingsOf(c, all, quads, focus)) {
      const signature = `${constraintText} (${variant})`;
      if (seen.has(signature)) continue;
      seen.add(signature);
      docs.push({ label: `${base.name}: ${signature}`, level, quads: broken });
    }
  }
  return docs;
}

// --- the tests ---------------------------------------------------------------------------------------

describe('the import shapes give the official verdict', () => {
  it('on the official examples, which both accept', async () => {
    for (const example of EXAMPLES) {
      const official = await officialVerdict({ label: example.name, level: example.level, quads: example.quads });
      expect(official.results, example.name).toEqual([]);
      expect(await validateRecordGraph(example.quads, example.level), example.name).toEqual([]);
    }
    expect(EXAMPLES.map((e) => e.level)).toEqual(['non-public', 'public', 'public']);
  });

  it('with single triples removed', async () => {
    const docs = removals();
    expect(docs.length).toBeGreaterThan(240);
    expect(await mismatches(docs)).toEqual([]);
  }, 120_000);

  it('on hand-made breakages', async () => {
    const docs = breakages();
    expect(docs.length).toBeGreaterThan(100);
    expect(await mismatches(docs)).toEqual([]);
  }, 60_000);

  it('with each constraint of the official shapes broken', async () => {
    const docs = constraintBreakages();
    expect(unreached).toEqual([]);
    expect(docs.length).toBeGreaterThan(250);
    expect(await mismatches(docs)).toEqual([]);
  }, 120_000);

  // Counts what the comparisons above saw.
  it('having broken every rule of ours, reporting only our own messages', () => {
    expect([...foreignMessages]).toEqual([]);
    expect([...ALL_MESSAGES].filter((m) => !seenMessages.has(m))).toEqual([]);
    // Most documents of the corpus are refused: it tests the rules, not the examples.
    expect(documentsRefused).toBeGreaterThan(documentsCompared / 2);
  });

  it('where the validators reused across documents give what fresh ones give', async () => {
    const [example] = EXAMPLES;
    if (!example) throw new Error('no example');
    const dataset = datasetOf(example.quads);
    const broken = [
      without(example.quads, dropping(dataset, iri('dct:title'), iri('healthdcatap:hdab'))),
      [...example.quads, add(dataset, iri('healthdcatap:numberOfRecords'), literal('x'))],
      without(example.quads, (q) => q.predicate.value === iri('cv:email') || q.predicate.value === iri('cv:contactPage')),
    ];
    for (const quads of broken) {
      const reused = (await officialVerdict({ label: '', level: example.level, quads })).results.map((r) => `${r.focus} ${r.component}`).sort();
      const fresh = [...(await shaclResults(healthDcatShapes(example.level), quads)), ...(await shaclResults(dcatApShapes(), quads))].map((r) => `${r.focusNode} ${r.component}`).sort();
      expect(reused).toEqual(fresh);
      expect(reused.length).toBeGreaterThan(0);
    }
  }, 30_000);
});

describe('describeViolations', () => {
  it('names nodes and properties with prefixes, and says what is wrong in our words', async () => {
    const agora = EXAMPLES.find((e) => e.name === 'AGORA');
    if (!agora) throw new Error('no AGORA');
    const dataset = datasetOf(agora.quads);
    const publisher = objectsOf(agora.quads, dataset, iri('dct:publisher'))[0];
    const [identifier] = objectsOf(agora.quads, dataset, iri('adms:identifier'));
    if (!publisher || !identifier) throw new Error('AGORA changed');
    const quads = [
      ...without(agora.quads, (q) => dropping(publisher, iri('foaf:name'))(q) || dropping(identifier, iri('skos:notation'))(q)),
      add(dataset, iri('healthdcatap:numberOfRecords'), literal('x')),
    ];
    const violations = await validateRecordGraph(quads, 'public');
    const report = describeViolations(violations);
    expect(report.split('\n')).toEqual(
      expect.arrayContaining([
        'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/AGORA/publisher-jrc foaf:name: An agent needs at least one name (foaf:name), given as text.',
        '(unnamed node) skos:notation: An identifier needs exactly one notation (skos:notation), given as a literal.',
        'https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/AGORA healthdcatap:numberOfRecords: A dataset has at most one number of records (healthdcatap:numberOfRecords), an xsd:nonNegativeInteger. (value: "x")',
      ]),
    );
    expect(violations.every((v) => v.severity === 'violation')).toBe(true);
    expect(describeViolations(violations, 1).split('\n')).toHaveLength(2);
    expect(describeViolations(violations, 1)).toMatch(/\.\.\. and \d+ more$/);
  });

  it('shows typed values with prefixes, and rules on the node as a whole without a property', () => {
    const report = describeViolations([
      { severity: 'violation', focusNode: 'http://www.w3.org/ns/dcat#x', path: null, value: null, message: 'Whole-node rule.' },
      { severity: 'warning', focusNode: '_:b1', path: 'http://www.w3.org/2006/vcard/ns#hasURL | http://www.w3.org/2006/vcard/ns#hasEmail', value: '"7"^^http://www.w3.org/2001/XMLSchema#integer', message: 'Either.' },
    ]);
    expect(report).toBe('dcat:x: Whole-node rule.\n[warning] (unnamed node) vcard:hasURL | vcard:hasEmail: Either. (value: "7"^^xsd:integer)');
  });
});

describe('accessLevelOfIri', () => {
  it('knows the three EU access rights and nothing else', () => {
    expect(accessLevelOfIri(ACCESS_RIGHT.public)).toBe('public');
    expect(accessLevelOfIri(ACCESS_RIGHT.restricted)).toBe('restricted');
    expect(accessLevelOfIri(ACCESS_RIGHT['non-public'])).toBe('non-public');
    expect(accessLevelOfIri('http://publications.europa.eu/resource/authority/access-right/CONFIDENTIAL')).toBeUndefined();
    expect(accessLevelOfIri('PUBLIC')).toBeUndefined();
    expect(accessLevelOfIri('')).toBeUndefined();
  });
});
