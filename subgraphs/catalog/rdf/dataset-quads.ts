import { DataFactory, type NamedNode } from 'n3';
import { accessRights } from '../vocabulary/access-rights.js';
import { codingSystems } from '../vocabulary/coding-systems.js';
import { countries } from '../vocabulary/countries.js';
import { dataThemes } from '../vocabulary/data-themes.js';
import { frequencies } from '../vocabulary/frequencies.js';
import { healthCategories } from '../vocabulary/health-categories.js';
import { healthThemes } from '../vocabulary/health-themes.js';
import { legalBases } from '../vocabulary/legal-bases.js';
import { legislation } from '../vocabulary/legislation.js';
import { personalData } from '../vocabulary/personal-data.js';
import { purposes } from '../vocabulary/purposes.js';
import type { DescribedTermJson } from '../db/schema/dataset.js';
import type { Vocabulary } from '../vocabulary/term.js';
import type { CatalogueEntry, HolderIndex } from './catalogue-entry.js';
import { subjectIri, type CatalogueIris } from './catalogue-iris.js';
import { accessRequestDistribution } from './access-request-distribution.js';
import { addDistributionQuads } from './distribution-quads.js';
import { adms, dcat, dcatap, dct, dpv, foaf, geodcatap, healthdcatap, locn, rdf, rdfs, skos, vcard } from './namespaces.js';
import type { QuadBuilder } from './quad-builder.js';
import { vocabularyIri } from './vocabulary-iri.js';

const { blankNode, namedNode } = DataFactory;

/**
 * Describes one dataset in DCAT-AP 3 with the HealthDCAT-AP Release 8 extension, plus its catalogue record.
 * Coded values become the IRIs of their official vocabularies (EU Publications Office authorities,
 * HealthDCAT-AP authorities, DPV, ELI); agents are referenced by IRI and described once per document by
 * `addAgentQuads`. What the record does not know is left out, with two derivations documented in
 * docs/catalogue-export.md: a dataset whose record lists no distribution gets one "access on request"
 * distribution pointing where access is asked for, and `healthdcatap:hasStructuredData` is false because
 * the catalogue publishes no variable-level description (HealthDCAT-AP requires `hasVariables` with true). A dataset or
 * agent pushed with its own IRI keeps it; distributions get the catalogue's IRIs.
 */
export function addDatasetQuads(b: QuadBuilder, entry: CatalogueEntry, holders: HolderIndex, iris: CatalogueIris): void {
  const d = entry.dataset;
  const details = d.details;
  const s = namedNode(subjectIri(iris, 'dataset', d));
  const agent = (id: string) => {
    const holder = holders.get(id);
    return holder ? subjectIri(iris, 'dataHolder', holder) : iris.dataHolder(id);
  };
  // Blank node labels are unique per dataset (so that a page of several datasets keeps them apart) and are
  // XML names, as RDF/XML requires.
  const node = (name: string) => blankNode(`b-${d.id}-${name}`);
  const codes = <Code extends string>(predicate: NamedNode, vocabulary: Vocabulary<Code>, list: readonly string[]) => {
    for (const code of list) b.iri(s, predicate, vocabularyIri(vocabulary, code));
  };

  b.add(s, rdf('type'), dcat('Dataset'));
  b.string(s, dct('identifier'), d.identifier);
  (details.otherIdentifiers ?? []).forEach((other, i) => {
    const identifier = node(`identifier-${i + 1}`);
    b.add(s, adms('identifier'), identifier).add(identifier, rdf('type'), adms('Identifier'));
    b.string(identifier, skos('notation'), other.notation);
    b.string(identifier, adms('schemaAgency'), other.schemaAgency);
  });

  b.text(s, dct('title'), { fr: d.titleFr, en: d.titleEn });
  b.text(s, dct('description'), { fr: d.descriptionFr, en: d.descriptionEn });
  for (const keyword of d.keywordsFr) b.text(s, dcat('keyword'), { fr: keyword });
  for (const keyword of d.keywordsEn) b.text(s, dcat('keyword'), { en: keyword });
  codes(dcat('theme'), dataThemes, d.themes);
  codes(healthdcatap('healthCategory'), healthCategories, d.healthCategories);
  codes(healthdcatap('healthTheme'), healthThemes, d.healthThemes);
  b.iri(s, dct('accessRights'), vocabularyIri(accessRights, d.accessRights));
  const legislationIris = d.applicableLegislation.map((code) => vocabularyIri(legislation, code));
  for (const iri of legislationIris) b.iri(s, dcatap('applicableLegislation'), iri);

  b.iri(s, dct('publisher'), agent(d.publisherId));
  if (d.custodianId) b.iri(s, geodcatap('custodian'), agent(d.custodianId));
  if (d.accessBodyId) b.iri(s, healthdcatap('hdab'), agent(d.accessBodyId));

  const contact = node('contact');
  b.add(s, dcat('contactPoint'), contact).add(contact, rdf('type'), vcard('Kind'));
  b.string(contact, vcard('fn'), d.contactPoint.name);
  b.iri(contact, vcard('hasURL'), d.contactPoint.url);
  if (d.contactPoint.email) b.iri(contact, vcard('hasEmail'), `mailto:${d.contactPoint.email}`);

  if (d.temporalStart || d.temporalEnd) {
    const period = node('temporal');
    b.add(s, dct('temporal'), period).add(period, rdf('type'), dct('PeriodOfTime'));
    b.typed(period, dcat('startDate'), d.temporalStart, 'date');
    b.typed(period, dcat('endDate'), d.temporalEnd, 'date');
  }
  codes(dct('spatial'), countries, d.spatial);
  if (d.spatialDetail?.fr || d.spatialDetail?.en) {
    const place = node('place');
    b.add(s, dct('spatial'), place).add(place, rdf('type'), dct('Location'));
    b.text(place, locn('geographicName'), d.spatialDetail);
  }

  codes(healthdcatap('hasCodingSystem'), codingSystems, d.codingSystems);
  for (const code of details.codeValues ?? []) b.string(s, healthdcatap('hasCodeValues'), code);
  b.typed(s, healthdcatap('numberOfRecords'), d.numberOfRecords, 'nonNegativeInteger');
  b.typed(s, healthdcatap('numberOfUniqueIndividuals'), d.numberOfUniqueIndividuals, 'nonNegativeInteger');
  b.typed(s, healthdcatap('minTypicalAge'), d.minTypicalAge, 'nonNegativeInteger');
  b.typed(s, healthdcatap('maxTypicalAge'), d.maxTypicalAge, 'nonNegativeInteger');
  b.text(s, healthdcatap('populationCoverage'), d.populationCoverage);
  codes(dpv('hasPersonalData'), personalData, d.personalData);
  codes(dpv('hasLegalBasis'), legalBases, d.legalBasis);
  const described = (predicate: NamedNode, type: NamedNode, terms: readonly DescribedTermJson[] | undefined, name: string) =>
    (terms ?? []).forEach((term, i) => {
      const subject = node(`${name}-${i + 1}`);
      b.add(s, predicate, subject).add(subject, rdf('type'), type);
      b.text(subject, dct('description'), term.description);
      b.iri(subject, dct('source'), term.source);
    });
  described(dpv('hasLegalBasis'), dpv('LegalBasis'), details.otherLegalBases, 'legal-basis');
  described(dpv('hasPurpose'), dpv('Purpose'), details.otherPurposes, 'purpose');
  for (const code of d.purposes) {
    // The purposes are points of EHDS Art. 53(1), not DPV concepts: typed and labelled so they read alone.
    const purpose = namedNode(vocabularyIri(purposes, code));
    b.add(s, dpv('hasPurpose'), purpose).add(purpose, rdf('type'), dpv('Purpose'));
    const term = purposes[code as keyof typeof purposes];
    b.text(purpose, skos('prefLabel'), { fr: term.fr, en: term.en });
    b.iri(purpose, dct('source'), legislation.EHDS.uri);
  }
  if (d.retentionPeriod?.fr || d.retentionPeriod?.en || details.retentionStart || details.retentionEnd) {
    // The retention rule as the record gives it: described in words, bounded by dates, or both.
    const retention = node('retention');
    b.add(s, healthdcatap('retentionPeriod'), retention).add(retention, rdf('type'), dct('PeriodOfTime'));
    b.text(retention, dct('description'), d.retentionPeriod);
    b.typed(retention, dcat('startDate'), details.retentionStart, 'date');
    b.typed(retention, dcat('endDate'), details.retentionEnd, 'date');
  }
  if (d.frequency) b.iri(s, dct('accrualPeriodicity'), vocabularyIri(frequencies, d.frequency));
  b.typed(s, dct('issued'), d.issued, 'date');
  b.typed(s, dct('modified'), d.modified, 'date');
  b.string(s, dcat('version'), d.version);
  b.iri(s, dcat('landingPage'), d.landingPage);
  b.typed(s, healthdcatap('hasStructuredData'), false, 'boolean');
  b.iri(s, dct('type'), details.datasetType);
  if (details.provenance?.fr || details.provenance?.en) {
    const provenance = node('provenance');
    b.add(s, dct('provenance'), provenance).add(provenance, rdf('type'), dct('ProvenanceStatement'));
    b.text(provenance, rdfs('label'), details.provenance);
  }

  const distributions = entry.distributions.length > 0 ? entry.distributions : [accessRequestDistribution(d, holders)].filter((x) => x !== null);
  distributions.forEach((facts, i) => {
    const subject = namedNode(`${iris.dataset(d.id)}#distribution-${i + 1}`);
    b.add(s, dcat('distribution'), subject);
    addDistributionQuads(b, subject, facts, legislationIris, `${d.id}-distribution-${i + 1}`);
  });
  entry.samples.forEach((facts, i) => {
    const subject = namedNode(`${iris.dataset(d.id)}#sample-${i + 1}`);
    b.add(s, adms('sample'), subject);
    addDistributionQuads(b, subject, facts, legislationIris, `${d.id}-sample-${i + 1}`);
  });
  entry.analytics.forEach((facts, i) => {
    const subject = namedNode(`${iris.dataset(d.id)}#analytics-${i + 1}`);
    b.add(s, healthdcatap('analytics'), subject);
    addDistributionQuads(b, subject, facts, legislationIris, `${d.id}-analytics-${i + 1}`);
  });

  const record = namedNode(iris.record(d.id));
  b.add(record, rdf('type'), dcat('CatalogRecord')).add(record, foaf('primaryTopic'), s);
  b.typed(record, dct('issued'), d.createdAt.toISOString(), 'dateTime');
  b.typed(record, dct('modified'), d.updatedAt.toISOString(), 'dateTime');
  if (d.harvestSourceId !== null && d.sourceIri !== null) {
    // A harvested record says so (DCAT-AP's catalogue record `dct:source`: the record it was made from),
    // so that a harvester of this catalogue takes it from its origin rather than for one of ours.
    const original = blankNode(`source-${d.seq}`);
    b.add(record, dct('source'), original).add(original, rdf('type'), dcat('CatalogRecord')).add(original, foaf('primaryTopic'), namedNode(d.sourceIri));
  }
}
