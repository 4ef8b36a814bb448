import { accessRights } from '../../vocabulary/access-rights.js';
import { PREFIXES } from '../namespaces.js';

/**
 * The rules a pushed HealthDCAT-AP record must meet before the catalogue stores it, as a table: one entry
 * per kind of node, one line per property. `rules-to-shapes.ts` turns the table into a SHACL shapes graph.
 *
 * The rules are those of HealthDCAT-AP Release 8 for the record's access level together with those of
 * DCAT-AP 3 that apply to the classes a record may hold, without DCAT-AP's class-range checks (which
 * depend on the EU vocabularies being loaded). Range checks HealthDCAT-AP itself makes (a contact point
 * typed `cv:ContactPoint`, opening hours typed `time:TemporalEntity`...) are kept.
 */

/** The access levels a dataset may be published at; each has its own rules for the dataset itself. */
export type AccessLevel = 'public' | 'restricted' | 'non-public';

/** Prefixes the rules are written with. */
export const RULE_PREFIXES = {
  ...PREFIXES,
  csvw: 'http://www.w3.org/ns/csvw#',
  time: 'http://www.w3.org/2006/time#',
  spdx: 'http://spdx.org/rdf/terms#',
  prov: 'http://www.w3.org/ns/prov#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
} as const;

/** A term named with one of `RULE_PREFIXES`, as `dct:title`. */
export type PrefixedName = `${keyof typeof RULE_PREFIXES}:${string}`;

/** A term named either with a prefix or by its full IRI. */
export type TermName = PrefixedName | `http://${string}` | `https://${string}`;

/** What a value must be: an IRI, a literal, or a resource (an IRI or a blank node). */
export type ValueKind = 'iri' | 'literal' | 'resource';

/** How serious a broken rule is; only `violation` makes a record invalid. */
export type Severity = 'violation' | 'warning' | 'info';

/** The kinds of node the rules describe. */
export type ShapeName =
  | 'Catalog'
  | 'CatalogRecord'
  | 'DataService'
  | 'Dataset'
  | 'DatasetSeries'
  | 'Distribution'
  | 'AccessibleDistribution'
  | 'Relationship'
  | 'Agent'
  | 'AccessAgent'
  | 'PublisherAgent'
  | 'VcardContact'
  | 'ContactPoint'
  | 'TemporalEntity'
  | 'VariableGroup'
  | 'VariableTable'
  | 'Variable'
  | 'LicenceDocument'
  | 'Location'
  | 'PeriodOfTime'
  | 'Checksum'
  | 'Concept'
  | 'ConceptScheme'
  | 'Identifier';

/** Checks on the values of one property (all optional; absent means "not checked"). */
export interface ValueChecks {
  /** At least this many values. */
  readonly min?: number;
  /** At most this many values. */
  readonly max?: number;
  readonly kind?: ValueKind;
  /** Every value is a literal of this datatype. */
  readonly datatype?: PrefixedName;
  /** One of the values is this IRI (or this boolean). */
  readonly hasValue?: TermName | boolean;
  /** Every value is typed with this class (`rdf:type`, or a subclass of it). */
  readonly class?: PrefixedName;
  /** Every value meets the rules of this kind of node. */
  readonly node?: ShapeName;
}

/** A rule on one property, or on any of several (`['vcard:hasURL', 'vcard:hasEmail']`: values of either count). */
export interface PropertyRule extends ValueChecks {
  readonly path: PrefixedName | readonly PrefixedName[];
  /** What the sender is told when the rule is broken. */
  readonly message: string;
  /** `violation` unless said otherwise. */
  readonly severity?: Severity;
}

/** A condition on the node itself: met when at least one of the alternatives holds, each a list of checks. */
export interface EitherRule {
  readonly anyOf: ReadonlyArray<ReadonlyArray<ValueChecks & { readonly path: PrefixedName }>>;
  readonly message: string;
  readonly severity?: Severity;
}

/** The rules of one kind of node. */
export interface ShapeRules {
  /** The class whose every instance is checked; without it the rules apply only where another rule sends a value (`node`). */
  readonly targetClass?: PrefixedName;
  readonly properties: readonly PropertyRule[];
  readonly either?: EitherRule;
}

const AN_IRI = 'an IRI';
const A_NODE = 'an IRI or a blank node';

/** The rules every record meets, whatever its access level. */
export const SHARED_RULES: Readonly<Record<ShapeName, ShapeRules>> = {
  Dataset: {
    targetClass: 'dcat:Dataset',
    properties: [
      { path: 'dct:title', min: 1, kind: 'literal', message: 'A dataset needs at least one title (dct:title), given as text.' },
      { path: 'dct:description', min: 1, kind: 'literal', message: 'A dataset needs at least one description (dct:description), given as text.' },
      { path: 'dct:identifier', min: 1, kind: 'literal', message: 'A dataset needs at least one identifier (dct:identifier), given as text.' },
      { path: 'dct:alternative', kind: 'literal', message: 'An alternative title (dct:alternative) is text.' },
      { path: 'adms:identifier', kind: 'resource', message: `Another identifier (adms:identifier) is ${A_NODE}, not text.` },
      { path: 'adms:versionNotes', kind: 'literal', message: 'Version notes (adms:versionNotes) are text.' },
      { path: 'dcat:version', max: 1, kind: 'literal', message: 'A dataset has at most one version (dcat:version), given as text.' },
      { path: 'dct:accessRights', max: 1, kind: 'resource', message: `A dataset has at most one access right (dct:accessRights), ${A_NODE}.` },
      { path: 'dcatap:applicableLegislation', min: 1, kind: 'iri', message: `A dataset needs at least one applicable legislation (dcatap:applicableLegislation), each ${AN_IRI}.` },
      { path: 'dcat:theme', min: 1, kind: 'iri', message: `A dataset needs at least one theme (dcat:theme), each ${AN_IRI}.` },
      { path: 'healthdcatap:healthCategory', min: 1, kind: 'iri', message: `A dataset needs at least one health category (healthdcatap:healthCategory), each ${AN_IRI}.` },
      { path: 'healthdcatap:healthTheme', kind: 'resource', message: `A health theme (healthdcatap:healthTheme) is ${A_NODE}.` },
      { path: 'dcat:keyword', kind: 'literal', message: 'A keyword (dcat:keyword) is text.' },
      { path: 'dct:type', kind: 'resource', message: `A dataset type (dct:type) is ${A_NODE}.` },
      { path: 'dct:language', kind: 'resource', message: `A language (dct:language) is ${A_NODE}.` },
      { path: 'dct:accrualPeriodicity', max: 1, kind: 'resource', message: `A dataset has at most one update frequency (dct:accrualPeriodicity), ${A_NODE}.` },
      { path: 'dct:issued', max: 1, kind: 'literal', message: 'A dataset has at most one release date (dct:issued), given as a literal.' },
      { path: 'dct:modified', max: 1, kind: 'literal', message: 'A dataset has at most one modification date (dct:modified), given as a literal.' },
      { path: 'dct:publisher', max: 1, kind: 'resource', node: 'PublisherAgent', message: `A dataset has at most one publisher (dct:publisher), ${A_NODE} with exactly one contact point (cv:contactPoint) and at most one publisher note (dct:description).` },
      { path: 'dct:creator', kind: 'resource', message: `A creator (dct:creator) is ${A_NODE}.` },
      { path: 'healthdcatap:hdab', min: 1, max: 1, kind: 'resource', node: 'AccessAgent', message: `A dataset needs exactly one health data access body (healthdcatap:hdab), ${A_NODE} with exactly one contact point (cv:contactPoint).` },
      { path: 'healthdcatap:hdabCoordinator', max: 1, kind: 'resource', node: 'AccessAgent', message: `A dataset has at most one access body coordinator (healthdcatap:hdabCoordinator), ${A_NODE} with exactly one contact point (cv:contactPoint).` },
      { path: 'geodcatap:custodian', max: 1, kind: 'resource', node: 'AccessAgent', message: `A dataset has at most one data holder (geodcatap:custodian), ${A_NODE} with exactly one contact point (cv:contactPoint).` },
      { path: 'dcat:contactPoint', kind: 'resource', message: `A contact point (dcat:contactPoint) is ${A_NODE}.` },
      { path: 'dcat:distribution', min: 1, kind: 'resource', node: 'AccessibleDistribution', message: `A dataset needs at least one distribution (dcat:distribution), each ${A_NODE} with an applicable legislation (dcatap:applicableLegislation).` },
      { path: 'adms:sample', kind: 'resource', node: 'AccessibleDistribution', message: `A sample (adms:sample) is a distribution, ${A_NODE} with an applicable legislation (dcatap:applicableLegislation).` },
      { path: 'healthdcatap:analytics', node: 'AccessibleDistribution', message: 'An analytics distribution (healthdcatap:analytics) needs an applicable legislation (dcatap:applicableLegislation).' },
      { path: 'dcat:landingPage', kind: 'resource', message: `A landing page (dcat:landingPage) is ${A_NODE}.` },
      { path: 'foaf:page', kind: 'resource', message: `A dataset documentation page (foaf:page) is ${A_NODE}.` },
      { path: 'dct:conformsTo', kind: 'resource', message: `A standard the dataset conforms to (dct:conformsTo) is ${A_NODE}.` },
      { path: 'dct:relation', kind: 'resource', message: `A related resource (dct:relation) is ${A_NODE}.` },
      { path: 'dct:isReferencedBy', kind: 'resource', message: `A resource referencing the dataset (dct:isReferencedBy) is ${A_NODE}.` },
      { path: 'dct:source', kind: 'resource', message: `A source dataset (dct:source) is ${A_NODE}.` },
      { path: 'dcat:hasVersion', kind: 'resource', message: `A version of the dataset (dcat:hasVersion) is ${A_NODE}.` },
      { path: 'dcat:inSeries', kind: 'resource', message: `A dataset series (dcat:inSeries) is ${A_NODE}.` },
      { path: 'dcat:qualifiedRelation', kind: 'resource', message: `A qualified relation (dcat:qualifiedRelation) is ${A_NODE}.` },
      { path: 'prov:qualifiedAttribution', kind: 'resource', message: `A qualified attribution (prov:qualifiedAttribution) is ${A_NODE}.` },
      { path: 'prov:wasGeneratedBy', kind: 'resource', message: `The activity that generated the dataset (prov:wasGeneratedBy) is ${A_NODE}.` },
      { path: 'dct:provenance', kind: 'resource', message: `A provenance statement (dct:provenance) is ${A_NODE}.` },
      { path: 'dct:spatial', kind: 'resource', message: `A dataset geographical coverage (dct:spatial) is ${A_NODE}.` },
      { path: 'dct:temporal', kind: 'resource', message: `A dataset temporal coverage (dct:temporal) is ${A_NODE}.` },
      { path: 'dcat:spatialResolutionInMeters', max: 1, kind: 'literal', datatype: 'xsd:decimal', message: 'A dataset has at most one spatial resolution (dcat:spatialResolutionInMeters), an xsd:decimal.' },
      { path: 'dcat:temporalResolution', max: 1, kind: 'literal', datatype: 'xsd:duration', message: 'A dataset has at most one temporal resolution (dcat:temporalResolution), an xsd:duration.' },
      { path: 'dpv:hasPurpose', kind: 'resource', message: `A purpose (dpv:hasPurpose) is ${A_NODE}.` },
      { path: 'healthdcatap:hasStructuredData', min: 1, max: 1, datatype: 'xsd:boolean', message: 'A dataset needs exactly one statement of whether it holds structured data (healthdcatap:hasStructuredData), an xsd:boolean.' },
      { path: 'healthdcatap:hasVariables', node: 'VariableGroup', message: 'A variables description (healthdcatap:hasVariables) needs a title (dct:title) and at least one table (csvw:table).' },
      { path: 'healthdcatap:hasCodeValues', kind: 'literal', message: 'A code value (healthdcatap:hasCodeValues) is text.' },
      { path: 'healthdcatap:hasCodingSystem', kind: 'resource', message: `A coding system (healthdcatap:hasCodingSystem) is ${A_NODE}.` },
      { path: 'healthdcatap:minTypicalAge', max: 1, datatype: 'xsd:nonNegativeInteger', message: 'A dataset has at most one minimum typical age (healthdcatap:minTypicalAge), an xsd:nonNegativeInteger.' },
      { path: 'healthdcatap:maxTypicalAge', max: 1, datatype: 'xsd:nonNegativeInteger', message: 'A dataset has at most one maximum typical age (healthdcatap:maxTypicalAge), an xsd:nonNegativeInteger.' },
      { path: 'healthdcatap:numberOfRecords', max: 1, datatype: 'xsd:nonNegativeInteger', message: 'A dataset has at most one number of records (healthdcatap:numberOfRecords), an xsd:nonNegativeInteger.' },
      { path: 'healthdcatap:numberOfUniqueIndividuals', max: 1, datatype: 'xsd:nonNegativeInteger', message: 'A dataset has at most one number of unique individuals (healthdcatap:numberOfUniqueIndividuals), an xsd:nonNegativeInteger.' },
      { path: 'healthdcatap:populationCoverage', kind: 'literal', message: 'A population coverage (healthdcatap:populationCoverage) is text.' },
      // Counted only: a period's own rules are those of dct:PeriodOfTime, checked where it is typed so.
      { path: 'healthdcatap:retentionPeriod', max: 1, message: 'A dataset has at most one retention period (healthdcatap:retentionPeriod).' },
    ],
    either: {
      anyOf: [
        [{ path: 'healthdcatap:hasStructuredData', hasValue: true }, { path: 'healthdcatap:hasVariables', min: 1 }],
        [{ path: 'healthdcatap:hasStructuredData', hasValue: false }],
        [{ path: 'healthdcatap:hasStructuredData', max: 0 }],
      ],
      message: 'A dataset that holds structured data (healthdcatap:hasStructuredData true) describes its variables (healthdcatap:hasVariables); otherwise healthdcatap:hasStructuredData is true or false.',
    },
  },

  Distribution: {
    targetClass: 'dcat:Distribution',
    properties: [
      { path: 'dcat:accessURL', min: 1, kind: 'resource', message: `A distribution needs at least one access URL (dcat:accessURL), ${A_NODE}.` },
      { path: 'dcat:downloadURL', kind: 'resource', message: `A download URL (dcat:downloadURL) is ${A_NODE}.` },
      { path: 'dcat:accessService', kind: 'resource', message: `An access service (dcat:accessService) is ${A_NODE}.` },
      { path: 'dct:title', kind: 'literal', message: 'A distribution title (dct:title) is text.' },
      { path: 'dct:description', kind: 'literal', message: 'A distribution description (dct:description) is text.' },
      { path: 'dct:format', max: 1, kind: 'resource', message: `A distribution has at most one format (dct:format), ${A_NODE}.` },
      { path: 'dcat:mediaType', max: 1, kind: 'resource', message: `A distribution has at most one media type (dcat:mediaType), ${A_NODE}.` },
      { path: 'dcat:compressFormat', max: 1, kind: 'resource', message: `A distribution has at most one compression format (dcat:compressFormat), ${A_NODE}.` },
      { path: 'dcat:packageFormat', max: 1, kind: 'resource', message: `A distribution has at most one packaging format (dcat:packageFormat), ${A_NODE}.` },
      { path: 'dcat:byteSize', max: 1, kind: 'literal', datatype: 'xsd:nonNegativeInteger', message: 'A distribution has at most one byte size (dcat:byteSize), an xsd:nonNegativeInteger.' },
      { path: 'spdx:checksum', max: 1, kind: 'resource', message: `A distribution has at most one checksum (spdx:checksum), ${A_NODE}.` },
      { path: 'dct:license', max: 1, kind: 'resource', message: `A distribution has at most one licence (dct:license), ${A_NODE}.` },
      { path: 'dct:rights', max: 1, kind: 'resource', message: `A distribution has at most one rights statement (dct:rights), ${A_NODE}.` },
      { path: 'odrl:hasPolicy', max: 1, kind: 'resource', message: `A distribution has at most one policy (odrl:hasPolicy), ${A_NODE}.` },
      { path: 'adms:status', max: 1, kind: 'resource', message: `A distribution has at most one status (adms:status), ${A_NODE}.` },
      { path: 'dcatap:availability', max: 1, kind: 'resource', message: `A distribution has at most one planned availability (dcatap:availability), ${A_NODE}.` },
      { path: 'dct:issued', max: 1, kind: 'literal', message: 'A distribution has at most one release date (dct:issued), given as a literal.' },
      { path: 'dct:modified', max: 1, kind: 'literal', message: 'A distribution has at most one modification date (dct:modified), given as a literal.' },
      { path: 'dct:language', kind: 'resource', message: `A distribution language (dct:language) is ${A_NODE}.` },
      { path: 'dct:conformsTo', kind: 'resource', message: `A schema the distribution conforms to (dct:conformsTo) is ${A_NODE}.` },
      { path: 'foaf:page', kind: 'resource', message: `A distribution documentation page (foaf:page) is ${A_NODE}.` },
      { path: 'dcat:spatialResolutionInMeters', max: 1, kind: 'literal', datatype: 'xsd:decimal', message: 'A distribution has at most one spatial resolution (dcat:spatialResolutionInMeters), an xsd:decimal.' },
      { path: 'dcat:temporalResolution', max: 1, kind: 'literal', datatype: 'xsd:duration', message: 'A distribution has at most one temporal resolution (dcat:temporalResolution), an xsd:duration.' },
    ],
  },
  /** What HealthDCAT-AP adds for a distribution: checked on every one, and on the dataset's distributions, samples and analytics whatever their type. */
  AccessibleDistribution: {
    targetClass: 'dcat:Distribution',
    properties: [
      { path: 'dcatap:applicableLegislation', min: 1, kind: 'iri', message: `A distribution needs at least one applicable legislation (dcatap:applicableLegislation), each ${AN_IRI}.` },
    ],
  },

  Agent: {
    targetClass: 'foaf:Agent',
    properties: [
      { path: 'foaf:name', min: 1, kind: 'literal', message: 'An agent needs at least one name (foaf:name), given as text.' },
      { path: 'dct:type', max: 1, kind: 'resource', message: `An agent has at most one type (dct:type), ${A_NODE}.` },
    ],
  },
  /** An access body, its coordinator or a data holder, as the dataset names them. */
  AccessAgent: {
    properties: [
      { path: 'cv:contactPoint', min: 1, max: 1, class: 'cv:ContactPoint', message: 'This agent needs exactly one contact point (cv:contactPoint), typed cv:ContactPoint.' },
    ],
  },
  /** The dataset's publisher, as the dataset names it. */
  PublisherAgent: {
    properties: [
      { path: 'cv:contactPoint', min: 1, max: 1, class: 'cv:ContactPoint', message: 'The publisher needs exactly one contact point (cv:contactPoint), typed cv:ContactPoint.' },
      { path: 'dct:description', max: 1, kind: 'literal', message: 'The publisher has at most one publisher note (dct:description), given as text.' },
    ],
  },
  VcardContact: {
    targetClass: 'vcard:Kind',
    properties: [
      { path: 'vcard:hasURL', max: 1, kind: 'iri', message: `A contact point has at most one web page (vcard:hasURL), ${AN_IRI}.` },
      { path: 'vcard:hasEmail', max: 1, kind: 'iri', message: `A contact point has at most one e-mail address (vcard:hasEmail), ${AN_IRI} such as mailto:...` },
      { path: ['vcard:hasURL', 'vcard:hasEmail'], min: 1, message: 'A contact point needs a web page (vcard:hasURL) or an e-mail address (vcard:hasEmail).' },
    ],
  },
  ContactPoint: {
    targetClass: 'cv:ContactPoint',
    properties: [
      { path: 'cv:email', kind: 'literal', message: 'An e-mail address (cv:email) is text.' },
      { path: 'cv:contactPage', kind: 'iri', message: `A contact page (cv:contactPage) is ${AN_IRI}.` },
      { path: 'cv:telephone', kind: 'literal', message: 'A telephone number (cv:telephone) is text.' },
      { path: 'cv:openingHours', kind: 'resource', class: 'time:TemporalEntity', message: `Opening hours (cv:openingHours) are ${A_NODE} typed time:TemporalEntity.` },
      { path: 'cv:specialOpeningHoursSpecification', kind: 'resource', class: 'time:TemporalEntity', message: `Special opening hours (cv:specialOpeningHoursSpecification) are ${A_NODE} typed time:TemporalEntity.` },
      { path: ['cv:email', 'cv:contactPage'], min: 1, message: 'A contact point needs an e-mail address (cv:email) or a contact page (cv:contactPage).' },
    ],
  },
  TemporalEntity: {
    targetClass: 'time:TemporalEntity',
    properties: [
      { path: 'dct:description', min: 1, kind: 'literal', message: 'Opening hours need at least one description (dct:description), given as text.' },
      { path: 'cv:frequency', kind: 'iri', class: 'dct:Frequency', message: `A frequency (cv:frequency) is ${AN_IRI} typed dct:Frequency.` },
    ],
  },

  VariableGroup: {
    targetClass: 'csvw:TableGroup',
    properties: [
      { path: 'csvw:table', min: 1, message: 'A variables description needs at least one table (csvw:table).' },
      { path: 'dct:title', min: 1, kind: 'literal', message: 'A variables description needs at least one title (dct:title), given as text.' },
    ],
  },
  VariableTable: {
    targetClass: 'csvw:Table',
    properties: [
      { path: 'csvw:url', max: 1, kind: 'iri', message: `A table has at most one URL (csvw:url), ${AN_IRI}.` },
      { path: 'dct:title', min: 1, kind: 'literal', message: 'A table needs at least one title (dct:title), given as text.' },
      { path: 'dcat:keyword', kind: 'literal', message: 'A table keyword (dcat:keyword) is text.' },
      { path: 'csvw:column', min: 1, kind: 'resource', message: `A table needs at least one column (csvw:column), each ${A_NODE}.` },
      { path: 'csvw:column', node: 'Variable', message: 'A column (csvw:column) needs one name (csvw:name), a title (csvw:title), a description (dct:description) and one datatype (csvw:datatype).' },
    ],
  },
  Variable: {
    targetClass: 'csvw:Column',
    properties: [
      { path: 'csvw:name', min: 1, max: 1, kind: 'literal', message: 'A column needs exactly one name (csvw:name), given as text.' },
      { path: 'csvw:title', min: 1, kind: 'literal', message: 'A column needs at least one title (csvw:title), given as text.' },
      { path: 'dct:description', min: 1, kind: 'literal', message: 'A column needs at least one description (dct:description), given as text.' },
      { path: 'csvw:datatype', min: 1, max: 1, kind: 'literal', message: 'A column needs exactly one datatype (csvw:datatype), given as text such as "string" or "integer".' },
      { path: 'csvw:propertyUrl', max: 1, kind: 'iri', message: `A column has at most one property URL (csvw:propertyUrl), ${AN_IRI}.` },
    ],
  },

  Identifier: {
    targetClass: 'adms:Identifier',
    properties: [{ path: 'skos:notation', min: 1, max: 1, kind: 'literal', message: 'An identifier needs exactly one notation (skos:notation), given as a literal.' }],
  },
  PeriodOfTime: {
    targetClass: 'dct:PeriodOfTime',
    properties: [
      { path: 'dcat:startDate', max: 1, kind: 'literal', message: 'A period has at most one start date (dcat:startDate), given as a literal.' },
      { path: 'dcat:endDate', max: 1, kind: 'literal', message: 'A period has at most one end date (dcat:endDate), given as a literal.' },
      { path: 'time:hasBeginning', max: 1, kind: 'resource', message: `A period has at most one beginning (time:hasBeginning), ${A_NODE}.` },
      { path: 'time:hasEnd', max: 1, kind: 'resource', message: `A period has at most one end (time:hasEnd), ${A_NODE}.` },
    ],
  },
  Location: {
    targetClass: 'dct:Location',
    properties: [
      { path: 'dcat:bbox', max: 1, kind: 'literal', message: 'A location has at most one bounding box (dcat:bbox), given as a literal.' },
      { path: 'dcat:centroid', max: 1, kind: 'literal', message: 'A location has at most one centroid (dcat:centroid), given as a literal.' },
      { path: 'locn:geometry', max: 1, kind: 'resource', message: `A location has at most one geometry (locn:geometry), ${A_NODE}.` },
    ],
  },
  LicenceDocument: {
    targetClass: 'dct:LicenseDocument',
    properties: [{ path: 'dct:type', kind: 'resource', message: `A licence type (dct:type) is ${A_NODE}.` }],
  },
  Checksum: {
    targetClass: 'spdx:Checksum',
    properties: [
      { path: 'spdx:algorithm', min: 1, max: 1, kind: 'resource', message: `A checksum needs exactly one algorithm (spdx:algorithm), ${A_NODE}.` },
      { path: 'spdx:checksumValue', min: 1, max: 1, kind: 'literal', datatype: 'xsd:hexBinary', message: 'A checksum needs exactly one value (spdx:checksumValue), an xsd:hexBinary.' },
    ],
  },
  Concept: {
    targetClass: 'skos:Concept',
    properties: [{ path: 'skos:prefLabel', min: 1, kind: 'literal', message: 'A concept needs at least one preferred label (skos:prefLabel), given as text.' }],
  },
  ConceptScheme: {
    targetClass: 'skos:ConceptScheme',
    properties: [{ path: 'dct:title', min: 1, kind: 'literal', message: 'A concept scheme needs at least one title (dct:title), given as text.' }],
  },
  Relationship: {
    targetClass: 'dcat:Relationship',
    properties: [
      { path: 'dct:relation', min: 1, kind: 'resource', message: `A qualified relation needs at least one related resource (dct:relation), ${A_NODE}.` },
      { path: 'dcat:hadRole', min: 1, kind: 'resource', message: `A qualified relation needs at least one role (dcat:hadRole), ${A_NODE}.` },
    ],
  },

  Catalog: {
    targetClass: 'dcat:Catalog',
    properties: [
      { path: 'dct:title', min: 1, kind: 'literal', message: 'A catalogue needs at least one title (dct:title), given as text.' },
      { path: 'dct:description', min: 1, kind: 'literal', message: 'A catalogue needs at least one description (dct:description), given as text.' },
      { path: 'dct:publisher', min: 1, max: 1, kind: 'resource', message: `A catalogue needs exactly one publisher (dct:publisher), ${A_NODE}.` },
      { path: 'dcatap:applicableLegislation', min: 1, kind: 'iri', message: `A catalogue needs at least one applicable legislation (dcatap:applicableLegislation), each ${AN_IRI}.` },
      { path: 'dct:creator', max: 1, kind: 'resource', message: `A catalogue has at most one creator (dct:creator), ${A_NODE}.` },
      { path: 'foaf:homepage', max: 1, kind: 'resource', message: `A catalogue has at most one home page (foaf:homepage), ${A_NODE}.` },
      { path: 'dct:license', max: 1, kind: 'resource', message: `A catalogue has at most one licence (dct:license), ${A_NODE}.` },
      { path: 'dct:rights', max: 1, kind: 'resource', message: `A catalogue has at most one rights statement (dct:rights), ${A_NODE}.` },
      { path: 'dct:issued', max: 1, kind: 'literal', message: 'A catalogue has at most one release date (dct:issued), given as a literal.' },
      { path: 'dct:modified', max: 1, kind: 'literal', message: 'A catalogue has at most one modification date (dct:modified), given as a literal.' },
      { path: 'dcat:dataset', kind: 'resource', message: `A catalogued dataset (dcat:dataset) is ${A_NODE}.` },
      { path: 'dcat:service', kind: 'resource', message: `A catalogued data service (dcat:service) is ${A_NODE}.` },
      { path: 'dcat:catalog', kind: 'resource', message: `A catalogued catalogue (dcat:catalog) is ${A_NODE}.` },
      { path: 'dcat:record', kind: 'resource', message: `A catalogue record (dcat:record) is ${A_NODE}.` },
      { path: 'dct:hasPart', kind: 'resource', message: `A part of the catalogue (dct:hasPart) is ${A_NODE}.` },
      { path: 'dcat:themeTaxonomy', kind: 'resource', message: `A theme taxonomy (dcat:themeTaxonomy) is ${A_NODE}.` },
      { path: 'dct:language', kind: 'resource', message: `A catalogue language (dct:language) is ${A_NODE}.` },
      { path: 'dct:spatial', kind: 'resource', message: `A catalogue geographical coverage (dct:spatial) is ${A_NODE}.` },
      { path: 'dct:temporal', kind: 'resource', message: `A catalogue temporal coverage (dct:temporal) is ${A_NODE}.` },
    ],
  },
  CatalogRecord: {
    targetClass: 'dcat:CatalogRecord',
    properties: [
      { path: 'foaf:primaryTopic', min: 1, max: 1, kind: 'resource', message: `A catalogue record needs exactly one primary topic (foaf:primaryTopic), ${A_NODE}.` },
      { path: 'dct:modified', min: 1, max: 1, kind: 'literal', message: 'A catalogue record needs exactly one modification date (dct:modified), given as a literal.' },
      { path: 'dct:issued', max: 1, kind: 'literal', message: 'A catalogue record has at most one listing date (dct:issued), given as a literal.' },
      { path: 'adms:status', max: 1, kind: 'resource', message: `A catalogue record has at most one change type (adms:status), ${A_NODE}.` },
      { path: 'dct:source', max: 1, kind: 'resource', message: `A catalogue record has at most one source record (dct:source), ${A_NODE}.` },
      { path: 'dct:title', kind: 'literal', message: 'A catalogue record title (dct:title) is text.' },
      { path: 'dct:description', kind: 'literal', message: 'A catalogue record description (dct:description) is text.' },
      { path: 'dct:conformsTo', kind: 'resource', message: `An application profile (dct:conformsTo) is ${A_NODE}.` },
      { path: 'dct:language', kind: 'resource', message: `A catalogue record language (dct:language) is ${A_NODE}.` },
    ],
  },
  DataService: {
    targetClass: 'dcat:DataService',
    properties: [
      { path: 'dct:title', min: 1, kind: 'literal', message: 'A data service needs at least one title (dct:title), given as text.' },
      { path: 'dcat:endpointURL', min: 1, kind: 'resource', message: `A data service needs at least one endpoint URL (dcat:endpointURL), ${A_NODE}.` },
      { path: 'dct:accessRights', max: 1, kind: 'resource', message: `A data service has at most one access right (dct:accessRights), ${A_NODE}.` },
      { path: 'dct:license', max: 1, kind: 'resource', message: `A data service has at most one licence (dct:license), ${A_NODE}.` },
      { path: 'dct:publisher', max: 1, kind: 'resource', message: `A data service has at most one publisher (dct:publisher), ${A_NODE}.` },
      { path: 'dct:description', kind: 'literal', message: 'A data service description (dct:description) is text.' },
      { path: 'dcat:keyword', kind: 'literal', message: 'A data service keyword (dcat:keyword) is text.' },
      { path: 'dcat:endpointDescription', kind: 'resource', message: `An endpoint description (dcat:endpointDescription) is ${A_NODE}.` },
      { path: 'dcat:servesDataset', kind: 'resource', message: `A served dataset (dcat:servesDataset) is ${A_NODE}.` },
      { path: 'dcat:contactPoint', kind: 'resource', message: `A data service contact point (dcat:contactPoint) is ${A_NODE}.` },
      { path: 'dcat:landingPage', kind: 'resource', message: `A data service landing page (dcat:landingPage) is ${A_NODE}.` },
      { path: 'dcat:theme', kind: 'resource', message: `A data service theme (dcat:theme) is ${A_NODE}.` },
      { path: 'dcatap:applicableLegislation', kind: 'resource', message: `An applicable legislation (dcatap:applicableLegislation) is ${A_NODE}.` },
      { path: 'dct:conformsTo', kind: 'resource', message: `A standard the data service conforms to (dct:conformsTo) is ${A_NODE}.` },
      { path: 'dct:format', kind: 'resource', message: `A data service format (dct:format) is ${A_NODE}.` },
      { path: 'foaf:page', kind: 'resource', message: `A data service documentation page (foaf:page) is ${A_NODE}.` },
    ],
  },
  DatasetSeries: {
    targetClass: 'dcat:DatasetSeries',
    properties: [
      { path: 'dct:title', min: 1, kind: 'literal', message: 'A dataset series needs at least one title (dct:title), given as text.' },
      { path: 'dct:description', min: 1, kind: 'literal', message: 'A dataset series needs at least one description (dct:description), given as text.' },
      { path: 'dcatap:applicableLegislation', min: 1, kind: 'iri', message: `A dataset series needs at least one applicable legislation (dcatap:applicableLegislation), each ${AN_IRI}.` },
      { path: 'dct:publisher', max: 1, kind: 'resource', message: `A dataset series has at most one publisher (dct:publisher), ${A_NODE}.` },
      { path: 'dct:accrualPeriodicity', max: 1, kind: 'resource', message: `A dataset series has at most one update frequency (dct:accrualPeriodicity), ${A_NODE}.` },
      { path: 'dct:issued', max: 1, kind: 'literal', message: 'A dataset series has at most one release date (dct:issued), given as a literal.' },
      { path: 'dct:modified', max: 1, kind: 'literal', message: 'A dataset series has at most one modification date (dct:modified), given as a literal.' },
      { path: 'dcat:contactPoint', kind: 'resource', message: `A dataset series contact point (dcat:contactPoint) is ${A_NODE}.` },
      { path: 'dct:spatial', kind: 'resource', message: `A dataset series geographical coverage (dct:spatial) is ${A_NODE}.` },
      { path: 'dct:temporal', kind: 'resource', message: `A dataset series temporal coverage (dct:temporal) is ${A_NODE}.` },
    ],
  },
};

/** What the dataset itself must meet at each access level, beyond the shared rules. */
export const DATASET_RULES_BY_LEVEL: Readonly<Record<AccessLevel, readonly PropertyRule[]>> = {
  public: [
    { path: 'dct:accessRights', min: 1, max: 1, hasValue: accessRights.PUBLIC.uri, message: 'A public dataset states exactly one access right (dct:accessRights): the EU access right PUBLIC.' },
  ],
  restricted: [
    { path: 'dct:accessRights', min: 1, max: 1, hasValue: accessRights.RESTRICTED.uri, message: 'A restricted dataset states exactly one access right (dct:accessRights): the EU access right RESTRICTED.' },
  ],
  'non-public': [
    { path: 'dct:accessRights', min: 1, max: 1, hasValue: accessRights.NON_PUBLIC.uri, message: 'A non-public dataset states exactly one access right (dct:accessRights): the EU access right NON_PUBLIC.' },
    { path: 'dcat:contactPoint', min: 1, message: 'A non-public dataset needs at least one contact point (dcat:contactPoint).' },
    { path: 'dcat:keyword', min: 1, message: 'A non-public dataset needs at least one keyword (dcat:keyword).' },
    { path: 'dct:type', min: 1, message: 'A non-public dataset needs at least one dataset type (dct:type).' },
    { path: 'dct:provenance', min: 1, message: 'A non-public dataset needs at least one provenance statement (dct:provenance).' },
  ],
};

/** Every rule a record of `level` meets, by kind of node. */
export function recordRules(level: AccessLevel): Readonly<Record<ShapeName, ShapeRules>> {
  const dataset = SHARED_RULES.Dataset;
  return { ...SHARED_RULES, Dataset: { ...dataset, properties: [...dataset.properties, ...DATASET_RULES_BY_LEVEL[level]] } };
}
