/** The RDF serialisations the catalogue export offers. */
export type RdfFormat = 'turtle' | 'jsonld' | 'rdfxml';

/** Each format's media type (what `Accept` asks for and `Content-Type` answers) and its file extension. */
export const RDF_FORMATS: Readonly<Record<RdfFormat, { readonly mediaType: string; readonly extension: string }>> = {
  turtle: { mediaType: 'text/turtle', extension: 'ttl' },
  jsonld: { mediaType: 'application/ld+json', extension: 'jsonld' },
  rdfxml: { mediaType: 'application/rdf+xml', extension: 'rdf' },
};

/** The format of a file extension (`ttl`, `jsonld`, `rdf`), or undefined for any other. */
export function formatOfExtension(extension: string): RdfFormat | undefined {
  return (Object.keys(RDF_FORMATS) as RdfFormat[]).find((f) => RDF_FORMATS[f].extension === extension);
}
