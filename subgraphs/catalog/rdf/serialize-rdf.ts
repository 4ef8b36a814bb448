import scribeRdfXml from '@graphy/content.xml.scribe';
import jsonld from 'jsonld';
import { Store, Writer, type Quad } from 'n3';
import { PREFIXES } from './namespaces.js';
import type { RdfFormat } from './rdf-formats.js';

/**
 * Writes `quads` in `format`: Turtle and RDF/XML with the export's prefixes, JSON-LD compacted against an
 * inline context of the same prefixes (nothing is fetched). Duplicate triples are written once, and the
 * triples of one subject together.
 */
export async function serializeRdf(quads: readonly Quad[], format: RdfFormat): Promise<string> {
  const ordered = new Store([...quads]).getQuads(null, null, null, null);
  switch (format) {
    case 'turtle':
      return write(ordered, new Writer({ prefixes: PREFIXES }));
    case 'jsonld': {
      const nquads = await write(ordered, new Writer({ format: 'N-Quads' }));
      const expanded = await jsonld.fromRDF(nquads, { format: 'application/n-quads' });
      return JSON.stringify(await jsonld.compact(expanded, { ...PREFIXES }));
    }
    case 'rdfxml':
      return toRdfXml(ordered);
  }
}

function write(quads: readonly Quad[], writer: Writer): Promise<string> {
  writer.addQuads([...quads]);
  return new Promise((resolve, reject) => writer.end((error, text: string) => (error ? reject(error) : resolve(text))));
}

function toRdfXml(quads: readonly Quad[]): Promise<string> {
  // `rdf:` is declared by the scribe itself.
  const { rdf: _rdf, ...prefixes } = PREFIXES;
  const stream = scribeRdfXml({ prefixes });
  const chunks: string[] = [];
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: string | Buffer) => chunks.push(chunk.toString()));
    stream.on('end', () => resolve(chunks.join('')));
    stream.on('error', reject);
    for (const quad of quads) stream.write(quad);
    stream.end();
  });
}
