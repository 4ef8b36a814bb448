import jsonld from 'jsonld';
import { Parser, type Quad } from 'n3';

/** The serialisations a record may be pushed in. */
export type RecordFormat = 'turtle' | 'jsonld';

/** A document that is not well-formed in its format; `message` says where, for the sender. */
export class RdfSyntaxError extends Error {}

/**
 * Parses a pushed record into triples. Relative IRIs resolve against `baseIri`. JSON-LD is expanded
 * with its inline context only: a remote `@context` is refused rather than fetched, since the catalogue
 * makes no request a sender could point at another host.
 */
export async function parseRdfDocument(text: string, format: RecordFormat, baseIri: string): Promise<Quad[]> {
  if (format === 'turtle') {
    try {
      return new Parser({ baseIRI: baseIri, format: 'text/turtle' }).parse(text);
    } catch (error) {
      throw new RdfSyntaxError(`The Turtle document is not well-formed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    throw new RdfSyntaxError(`The JSON-LD document is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  let nquads: string;
  try {
    nquads = (await jsonld.toRDF(document as jsonld.JsonLdDocument, {
      base: baseIri,
      format: 'application/n-quads',
      documentLoader: (url: string) => Promise.reject(new Error(`remote contexts are not fetched (${url.slice(0, 200)}); put the context inline`)),
    })) as unknown as string;
  } catch (error) {
    const cause = error instanceof Error ? (((error as { details?: { cause?: Error } }).details?.cause?.message ?? error.message)) : String(error);
    throw new RdfSyntaxError(`The JSON-LD document could not be read: ${cause}`);
  }
  return new Parser({ format: 'N-Quads' }).parse(nquads);
}
