import type express from 'express';
import { formatOfExtension, RDF_FORMATS, type RdfFormat } from '../rdf/rdf-formats.js';

/**
 * The RDF format to answer in: the file extension when the path has one (`.ttl`, `.jsonld`, `.rdf`),
 * else the best match of the `Accept` header, Turtle when any type will do. `application/json` is
 * answered in JSON-LD. `unknown-extension` and `not-acceptable` name the two refusals.
 */
export function negotiateFormat(req: express.Request, extension: string | undefined): RdfFormat | 'unknown-extension' | 'not-acceptable' {
  if (extension !== undefined) return formatOfExtension(extension) ?? 'unknown-extension';
  const best = req.accepts([RDF_FORMATS.turtle.mediaType, RDF_FORMATS.jsonld.mediaType, RDF_FORMATS.rdfxml.mediaType, 'application/json']);
  if (best === false) return 'not-acceptable';
  if (best === 'application/json') return 'jsonld';
  return (Object.keys(RDF_FORMATS) as RdfFormat[]).find((f) => RDF_FORMATS[f].mediaType === best) ?? 'turtle';
}

/** The message of a 406 answer. */
export const NOT_ACCEPTABLE_MESSAGE = `The catalogue is served as ${Object.values(RDF_FORMATS)
  .map((f) => `${f.mediaType} (.${f.extension})`)
  .join(', ')}; ask for one of them in Accept or by extension.`;
