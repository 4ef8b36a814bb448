// @graphy/content.xml.scribe ships no types: the part the export uses.
declare module '@graphy/content.xml.scribe' {
  import type { Quad } from '@rdfjs/types';
  import type { Transform } from 'node:stream';

  /** An object-mode stream: RDF/JS quads in, RDF/XML text out. */
  export default function scribe(config?: { prefixes?: Record<string, string> }): Transform & { write(quad: Quad): boolean };
}
