import { DataFactory, type NamedNode } from 'n3';
import type { LocalizedJson } from '../db/schema/dataset.js';
import { fileTypes } from '../vocabulary/file-types.js';
import { dcat, dcatap, dct, rdf, rdfs } from './namespaces.js';
import type { QuadBuilder } from './quad-builder.js';
import { vocabularyIri } from './vocabulary-iri.js';

const { blankNode } = DataFactory;

/** What the export states about one distribution; a catalogue row or one the export derives. */
export interface DistributionFacts {
  readonly title: LocalizedJson;
  readonly description?: LocalizedJson | null | undefined;
  readonly accessUrl: string;
  readonly downloadUrl?: string | null | undefined;
  readonly format?: string | null | undefined;
  readonly mediaType?: string | null | undefined;
  readonly byteSize?: number | null | undefined;
  readonly rights?: LocalizedJson | null | undefined;
  readonly license?: string | null | undefined;
}

/**
 * Describes a `dcat:Distribution` at `subject`; `label` names its blank nodes (unique in the document). HealthDCAT-AP asks every distribution for its applicable
 * legislation; a distribution carries its dataset's data, so it is subject to the dataset's legislation,
 * which is what `legislation` gives. Rights are a `dct:RightsStatement`, as DCAT-AP 3 requires.
 */
export function addDistributionQuads(b: QuadBuilder, subject: NamedNode, facts: DistributionFacts, legislation: readonly string[], label: string): void {
  b.add(subject, rdf('type'), dcat('Distribution'));
  b.text(subject, dct('title'), facts.title);
  b.text(subject, dct('description'), facts.description);
  b.iri(subject, dcat('accessURL'), facts.accessUrl);
  b.iri(subject, dcat('downloadURL'), facts.downloadUrl);
  if (facts.format) b.iri(subject, dct('format'), vocabularyIri(fileTypes, facts.format));
  if (facts.mediaType) b.iri(subject, dcat('mediaType'), `http://www.iana.org/assignments/media-types/${facts.mediaType}`);
  b.typed(subject, dcat('byteSize'), facts.byteSize, 'nonNegativeInteger');
  if (facts.rights?.fr || facts.rights?.en) {
    const rights = blankNode(`b-${label}-rights`);
    b.add(subject, dct('rights'), rights).add(rights, rdf('type'), dct('RightsStatement'));
    b.text(rights, rdfs('label'), facts.rights);
  }
  b.iri(subject, dct('license'), facts.license);
  for (const iri of legislation) b.iri(subject, dcatap('applicableLegislation'), iri);
}
