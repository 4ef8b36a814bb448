import { DataFactory } from 'n3';
import type { DatasetRecordInput } from '../../model/dataset-record.js';
import { accessRights } from '../../vocabulary/access-rights.js';
import { codingSystems } from '../../vocabulary/coding-systems.js';
import { countries } from '../../vocabulary/countries.js';
import { dataThemes } from '../../vocabulary/data-themes.js';
import { fileTypes } from '../../vocabulary/file-types.js';
import { frequencies } from '../../vocabulary/frequencies.js';
import { healthCategories } from '../../vocabulary/health-categories.js';
import { healthThemes } from '../../vocabulary/health-themes.js';
import { legalBases } from '../../vocabulary/legal-bases.js';
import { legislation } from '../../vocabulary/legislation.js';
import { personalData } from '../../vocabulary/personal-data.js';
import { purposes } from '../../vocabulary/purposes.js';
import type { Vocabulary } from '../../vocabulary/term.js';
import { adms, dcat, dcatap, dct, dpv, foaf, geodcatap, healthdcatap, locn, rdfs, skos, vcard } from '../namespaces.js';
import { readAgent, type AgentFacts } from './read-agent.js';
import type { Node, RecordGraph } from './record-graph.js';
import { codeOfIri } from './vocabulary-codes.js';

/** The roles in which a dataset names an agent, as the record's fields name them. */
export type AgentRole = 'publisher' | 'custodian' | 'accessBody';

/** The property by which a dataset names its agent in each role. */
export const AGENT_PROPERTIES: Readonly<Record<AgentRole, string>> = {
  publisher: dct('publisher').value,
  custodian: geodcatap('custodian').value,
  accessBody: healthdcatap('hdab').value,
};

/** A dataset record read from RDF: everything but its id and the data holder ids of its agents. */
export type DatasetFields = Omit<DatasetRecordInput, 'id' | 'publisher' | 'custodian' | 'accessBody' | 'iri'>;

/** What `readDataset` found. */
export interface DatasetReading {
  /** The dataset's IRI; null for an unnamed node. */
  readonly iri: string | null;
  readonly fields: DatasetFields;
  readonly agents: Partial<Record<AgentRole, AgentFacts>>;
}

type Distribution = NonNullable<DatasetFields['distributions']>[number];

const MEDIA_TYPES = /^https?:\/\/www\.iana\.org\/assignments\/media-types\/([a-z]+\/[a-z0-9.+-]+)$/i;

/** The codes of `vocabulary` for the IRIs of `node predicate`; an IRI outside it is a problem naming it. */
function codes<Code extends string>(graph: RecordGraph, node: Node, predicate: string, vocabulary: Vocabulary<Code>, name: string): Code[] {
  return graph.iris(node, predicate).flatMap((iri) => {
    const code = codeOfIri(vocabulary, iri);
    if (code === undefined) graph.problem(node, predicate, `${iri} is not in the catalogue's ${name} vocabulary`);
    else graph.visitTerm(DataFactory.namedNode(iri));
    return code === undefined ? [] : [code];
  });
}

function code<Code extends string>(graph: RecordGraph, node: Node, predicate: string, vocabulary: Vocabulary<Code>, name: string): Code | undefined {
  const found = codes(graph, node, predicate, vocabulary, name);
  if (found.length > 1) graph.problem(node, predicate, 'give one value');
  return found[0];
}

/** The one node of `node predicate`, its `rdf:type` `type` taken. */
function oneNode(graph: RecordGraph, node: Node, predicate: string, type: string): Node | undefined {
  const nodes = graph.nodes(node, predicate);
  if (nodes.length > 1) graph.problem(node, predicate, `give one, not ${nodes.length}`);
  if (nodes[0]) graph.takeTypes(nodes[0], type);
  return nodes[0];
}

/** `value`, or, when the node said nothing the catalogue keeps, undefined with `node predicate` given back. */
function keptOrReleased<T>(graph: RecordGraph, node: Node, predicate: string, value: T | undefined): T | undefined {
  if (value === undefined || (typeof value === 'object' && value !== null && Object.keys(value).length === 0)) {
    graph.release(node, predicate);
    return undefined;
  }
  return value;
}

function without<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A distribution (or sample, or analytics output): title, description, access and download URLs, format,
 * media type, size, rights statement and licence. Its `dcatap:applicableLegislation` is the dataset's (the
 * export states the dataset's on each distribution), so only legislation the dataset also names is taken;
 * any other stays reported as not kept.
 */
function readDistribution(graph: RecordGraph, node: Node, datasetLegislation: ReadonlySet<string>): Distribution {
  graph.takeTypes(node, dcat('Distribution').value);
  const mediaTypeIri = graph.iri(node, dcat('mediaType').value);
  const mediaType = mediaTypeIri === undefined ? undefined : MEDIA_TYPES.exec(mediaTypeIri)?.[1];
  if (mediaTypeIri !== undefined && mediaType === undefined) graph.problem(node, dcat('mediaType').value, `${mediaTypeIri} is not an IANA media type IRI`);
  const downloads = graph.iris(node, dcat('downloadURL').value);
  if (downloads.length > 1) graph.problem(node, dcat('downloadURL').value, 'the catalogue keeps one download URL per distribution');
  const rights = oneNode(graph, node, dct('rights').value, dct('RightsStatement').value);
  graph.objectsWhere(node, dcatap('applicableLegislation').value, (o) => datasetLegislation.has(o.value));
  return without({
    title: graph.text(node, dct('title').value),
    description: graph.text(node, dct('description').value),
    accessUrl: graph.iri(node, dcat('accessURL').value),
    downloadUrl: downloads[0],
    format: code(graph, node, dct('format').value, fileTypes, 'file-type'),
    mediaType,
    byteSize: graph.count(node, dcat('byteSize').value),
    rights: rights ? keptOrReleased(graph, node, dct('rights').value, graph.text(rights, rdfs('label').value)) : undefined,
    license: graph.iri(node, dct('license').value),
  }) as Distribution;
}

/**
 * Purposes or legal bases: a term of the catalogue's vocabulary by IRI (its own description, if any, is
 * the vocabulary's), else a resource the publisher describes (`dct:description`, with `dct:source`).
 */
function readTerms<Code extends string>(graph: RecordGraph, s: Node, predicate: string, vocabulary: Vocabulary<Code>) {
  const coded: Code[] = [];
  const described: { description: ReturnType<RecordGraph['text']>; source?: string }[] = [];
  for (const term of graph.nodes(s, predicate)) {
    const known = term.termType === 'NamedNode' ? codeOfIri(vocabulary, term.value) : undefined;
    if (known !== undefined) {
      graph.visitTerm(term);
      coded.push(known);
      continue;
    }
    graph.takeTypes(term, predicate === dpv('hasPurpose').value ? dpv('Purpose').value : dpv('LegalBasis').value);
    const description = graph.text(term, dct('description').value);
    if (description === undefined) {
      graph.problem(term, predicate, `describe ${term.termType === 'NamedNode' ? term.value : 'it'} with dct:description, or use a term the catalogue knows`);
      continue;
    }
    described.push(without({ description, source: graph.iri(term, dct('source').value) }));
  }
  return { coded, described };
}

function readAgentOf(graph: RecordGraph, s: Node, predicate: string): AgentFacts | undefined {
  const agent = oneNode(graph, s, predicate, foaf('Agent').value);
  return agent ? readAgent(graph, agent) : undefined;
}

/**
 * Reads the dataset `s` of a HealthDCAT-AP Release 8 record into the catalogue's record fields: what
 * docs/catalogue-import.md lists as kept. Values outside the catalogue's vocabularies, wrong kinds of
 * value and extra values of single-valued properties are problems on `graph`; properties the catalogue
 * does not keep are left untaken (reported by `graph.notKept()`).
 */
export function readDataset(graph: RecordGraph, s: Node): DatasetReading {
  graph.takeTypes(s, dcat('Dataset').value);
  const legislationCodes = codes(graph, s, dcatap('applicableLegislation').value, legislation, 'legislation');
  const legislationIris = new Set(legislationCodes.map((c) => legislation[c].uri));

  const contact = oneNode(graph, s, dcat('contactPoint').value, vcard('Kind').value);
  const contactEmail = contact ? graph.objects(contact, vcard('hasEmail').value)[0]?.value.replace(/^mailto:/i, '') : undefined;
  const contactNames = contact ? graph.objects(contact, vcard('fn').value).filter((o) => o.termType === 'Literal') : [];
  // One name per contact point, kept without its language tag.
  for (const extra of contactNames.slice(1)) graph.report(`vcard:fn${extra.termType === 'Literal' && extra.language ? `@${extra.language}` : ''}`);
  const contactName = contactNames[0]?.value;
  const temporal = oneNode(graph, s, dct('temporal').value, dct('PeriodOfTime').value);
  const retention = oneNode(graph, s, healthdcatap('retentionPeriod').value, dct('PeriodOfTime').value);
  const provenance = oneNode(graph, s, dct('provenance').value, dct('ProvenanceStatement').value);

  const spatial: string[] = [];
  let spatialDetail: ReturnType<RecordGraph['text']>;
  for (const place of graph.nodes(s, dct('spatial').value)) {
    const country = place.termType === 'NamedNode' ? codeOfIri(countries, place.value) : undefined;
    if (country !== undefined) {
      graph.visitTerm(place);
      spatial.push(country);
      continue;
    }
    graph.takeTypes(place, dct('Location').value);
    const name = graph.text(place, locn('geographicName').value);
    if (name === undefined || spatialDetail !== undefined) {
      graph.problem(place, dct('spatial').value, 'give countries of the EU country table, and at most one place described by locn:geographicName');
      continue;
    }
    spatialDetail = name;
  }

  const identifiers = graph.nodes(s, adms('identifier').value).flatMap((node) => {
    graph.takeTypes(node, adms('Identifier').value);
    const notation = graph.string(node, skos('notation').value);
    if (notation === undefined) graph.problem(node, adms('identifier').value, 'an identifier needs its skos:notation');
    return notation === undefined ? [] : [without({ notation, schemaAgency: graph.string(node, adms('schemaAgency').value) })];
  });
  const legal = readTerms(graph, s, dpv('hasLegalBasis').value, legalBases);
  const purpose = readTerms(graph, s, dpv('hasPurpose').value, purposes);
  const keywords = graph.texts(s, dcat('keyword').value);

  const fields: DatasetFields = without({
    identifier: graph.string(s, dct('identifier').value),
    title: graph.text(s, dct('title').value),
    description: graph.text(s, dct('description').value),
    keywords: { fr: keywords.fr, en: keywords.en },
    themes: codes(graph, s, dcat('theme').value, dataThemes, 'data-theme'),
    healthCategories: codes(graph, s, healthdcatap('healthCategory').value, healthCategories, 'health-category'),
    healthThemes: codes(graph, s, healthdcatap('healthTheme').value, healthThemes, 'health-theme'),
    accessRights: code(graph, s, dct('accessRights').value, accessRights, 'access-right'),
    applicableLegislation: legislationCodes,
    contactPoint: contact
      ? without({ name: contactName, email: contactEmail, url: graph.iri(contact, vcard('hasURL').value) })
      : undefined,
    temporal: temporal
      ? keptOrReleased(graph, s, dct('temporal').value, without({ start: graph.date(temporal, dcat('startDate').value), end: graph.date(temporal, dcat('endDate').value) }))
      : undefined,
    spatial,
    spatialDetail,
    codingSystems: codes(graph, s, healthdcatap('hasCodingSystem').value, codingSystems, 'coding-system'),
    codeValues: graph.strings(s, healthdcatap('hasCodeValues').value),
    numberOfRecords: graph.count(s, healthdcatap('numberOfRecords').value),
    numberOfUniqueIndividuals: graph.count(s, healthdcatap('numberOfUniqueIndividuals').value),
    minTypicalAge: graph.count(s, healthdcatap('minTypicalAge').value),
    maxTypicalAge: graph.count(s, healthdcatap('maxTypicalAge').value),
    populationCoverage: graph.text(s, healthdcatap('populationCoverage').value),
    personalData: codes(graph, s, dpv('hasPersonalData').value, personalData, 'personal-data'),
    legalBasis: legal.coded,
    otherLegalBases: legal.described,
    purposes: purpose.coded,
    otherPurposes: purpose.described,
    retentionPeriod: retention ? graph.text(retention, dct('description').value) : undefined,
    retentionDates: retention
      ? without({ start: graph.date(retention, dcat('startDate').value), end: graph.date(retention, dcat('endDate').value) })
      : undefined,
    frequency: code(graph, s, dct('accrualPeriodicity').value, frequencies, 'frequency'),
    issued: graph.date(s, dct('issued').value),
    modified: graph.date(s, dct('modified').value),
    version: graph.string(s, dcat('version').value),
    landingPage: graph.iri(s, dcat('landingPage').value),
    otherIdentifiers: identifiers,
    datasetType: graph.iri(s, dct('type').value),
    provenance: provenance ? keptOrReleased(graph, s, dct('provenance').value, graph.text(provenance, rdfs('label').value)) : undefined,
    distributions: graph.nodes(s, dcat('distribution').value).map((n) => readDistribution(graph, n, legislationIris)),
    samples: graph.nodes(s, adms('sample').value).map((n) => readDistribution(graph, n, legislationIris)),
    analytics: graph.nodes(s, healthdcatap('analytics').value).map((n) => readDistribution(graph, n, legislationIris)),
  }) as DatasetFields;
  if (fields.retentionDates && Object.keys(fields.retentionDates).length === 0) delete fields.retentionDates;
  if (retention && fields.retentionPeriod === undefined && fields.retentionDates === undefined) graph.release(s, healthdcatap('retentionPeriod').value);
  if (fields.temporal && Object.keys(fields.temporal).length === 0) delete fields.temporal;

  const agents: Partial<Record<AgentRole, AgentFacts>> = without({
    publisher: readAgentOf(graph, s, AGENT_PROPERTIES.publisher),
    custodian: readAgentOf(graph, s, AGENT_PROPERTIES.custodian),
    accessBody: readAgentOf(graph, s, AGENT_PROPERTIES.accessBody),
  });
  return { iri: s.termType === 'NamedNode' ? s.value : null, fields, agents };
}
