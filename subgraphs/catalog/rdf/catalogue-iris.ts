/**
 * The IRIs the export mints, all under the public address of the gateway (`publicBase`, such as
 * `https://health-data.example.org`, without a trailing slash). A dataset's IRI depends on its catalogue
 * id only, so it stays the same across pages, formats and harvests.
 */
export interface CatalogueIris {
  /** The catalogue (`dcat:Catalog`, also the Hydra collection of its datasets). */
  readonly catalogue: string;
  /** The agent that publishes the catalogue itself. */
  readonly cataloguePublisher: string;
  dataset(id: string): string;
  /** The catalogue record of a dataset: when the catalogue listed it and last changed its description. */
  record(datasetId: string): string;
  dataHolder(id: string): string;
}

/**
 * The subject of a dataset or data holder in the export: the IRI its publisher gave it in a pushed record
 * (kept, so that a harvester of both sees one resource), else the catalogue's own.
 */
export function subjectIri(iris: CatalogueIris, kind: 'dataset' | 'dataHolder', row: { id: string; sourceIri: string | null }): string {
  return row.sourceIri ?? iris[kind](row.id);
}

/** The IRIs of the catalogue served at `${publicBase}/catalogue`. */
export function catalogueIris(publicBase: string): CatalogueIris {
  const catalogue = `${publicBase}/catalogue`;
  const dataset = (id: string) => `${catalogue}/datasets/${encodeURIComponent(id)}`;
  return {
    catalogue,
    cataloguePublisher: `${catalogue}#publisher`,
    dataset,
    record: (id) => `${dataset(id)}#record`,
    dataHolder: (id) => `${catalogue}/data-holders/${encodeURIComponent(id)}`,
  };
}
