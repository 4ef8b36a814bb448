import { DataFactory, type Quad } from 'n3';
import type { Withdrawal } from '../db/queries/catalogue-export.js';
import type { CatalogueEntry, HolderIndex } from './catalogue-entry.js';
import { catalogueDescription } from './catalogue-description.js';
import { subjectIri, type CatalogueIris } from './catalogue-iris.js';
import { datasetDocumentQuads } from './dataset-document-quads.js';
import { adms, dcat, dcatap, dct, foaf, hydra, rdf } from './namespaces.js';
import { QuadBuilder } from './quad-builder.js';

const { namedNode } = DataFactory;

/** ADMS's status of a withdrawn resource. */
export const ADMS_WITHDRAWN = 'http://purl.org/adms/status/Withdrawn';

/** One page of the catalogue, as the HTTP layer read it. */
export interface CataloguePage {
  readonly entries: readonly CatalogueEntry[];
  readonly holders: HolderIndex;
  /** Datasets withdrawn since the harvest's `modified_since`, on this page (after its datasets). */
  readonly withdrawals: readonly Withdrawal[];
  /** Items (datasets and withdrawals) matching the request's filters, all pages together. */
  readonly total: number;
  /** 1-based. */
  readonly page: number;
  readonly lastPage: number;
  /** The IRI of page `n` in the request's format and with its filters, so a harvester can follow it. */
  pageIri(n: number): string;
}

/**
 * The triples of a catalogue page: the `dcat:Catalog` with the datasets of this page, their descriptions,
 * and Hydra paging as harvesters (CKAN, udata, piveau) follow it: the catalogue is a `hydra:Collection`
 * with `hydra:totalItems`, and its `hydra:view` is this page, a `hydra:PartialCollectionView` linking to
 * the first, previous, next and last pages by absolute IRI. The last page has no `hydra:next`. A
 * withdrawal is stated as the dataset's catalogue record with `adms:status` Withdrawn and the time of the
 * withdrawal, without the dataset.
 */
export function cataloguePageQuads(page: CataloguePage, iris: CatalogueIris): Quad[] {
  const b = new QuadBuilder();
  const catalogue = namedNode(iris.catalogue);
  b.add(catalogue, rdf('type'), dcat('Catalog')).add(catalogue, rdf('type'), hydra('Collection'));
  b.text(catalogue, dct('title'), catalogueDescription.title);
  b.text(catalogue, dct('description'), catalogueDescription.description);
  for (const iri of catalogueDescription.languages) b.iri(catalogue, dct('language'), iri);
  for (const iri of catalogueDescription.applicableLegislation) b.iri(catalogue, dcatap('applicableLegislation'), iri);
  const publisher = namedNode(iris.cataloguePublisher);
  b.add(catalogue, dct('publisher'), publisher).add(publisher, rdf('type'), foaf('Agent'));
  b.string(publisher, foaf('name'), catalogueDescription.publisherName);
  for (const entry of page.entries) {
    b.iri(catalogue, dcat('dataset'), subjectIri(iris, 'dataset', entry.dataset));
    b.iri(catalogue, dcat('record'), iris.record(entry.dataset.id));
  }

  for (const withdrawal of page.withdrawals) {
    // A tombstone: the catalogue record of a dataset that is gone, so incremental harvesters drop it too.
    const record = namedNode(iris.record(withdrawal.id));
    b.add(catalogue, dcat('record'), record);
    b.add(record, rdf('type'), dcat('CatalogRecord'));
    b.iri(record, foaf('primaryTopic'), withdrawal.sourceIri ?? iris.dataset(withdrawal.id));
    b.typed(record, dct('modified'), withdrawal.at.toISOString(), 'dateTime');
    b.iri(record, adms('status'), ADMS_WITHDRAWN);
  }

  b.typed(catalogue, hydra('totalItems'), page.total, 'nonNegativeInteger');
  const view = namedNode(page.pageIri(page.page));
  b.add(catalogue, hydra('view'), view).add(view, rdf('type'), hydra('PartialCollectionView'));
  b.iri(view, hydra('first'), page.pageIri(1));
  b.iri(view, hydra('last'), page.pageIri(page.lastPage));
  if (page.page > 1) b.iri(view, hydra('previous'), page.pageIri(page.page - 1));
  if (page.page < page.lastPage) b.iri(view, hydra('next'), page.pageIri(page.page + 1));

  return datasetDocumentQuads(page.entries, page.holders, iris, b);
}
