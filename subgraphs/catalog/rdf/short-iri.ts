import { PREFIXES } from './namespaces.js';

/** The prefixes readers of records and reports know, beyond those the export writes. */
const READ_PREFIXES: Readonly<Record<string, string>> = {
  ...PREFIXES,
  csvw: 'http://www.w3.org/ns/csvw#',
  time: 'http://www.w3.org/2006/time#',
  spdx: 'http://spdx.org/rdf/terms#',
  prov: 'http://www.w3.org/ns/prov#',
  dqv: 'http://www.w3.org/ns/dqv#',
  odrl: 'http://www.w3.org/ns/odrl/2/',
  oa: 'http://www.w3.org/ns/oa#',
  eli: 'http://data.europa.eu/eli/ontology#',
};

/**
 * `dct:title` for `http://purl.org/dc/terms/title`: an IRI as a reader of a record knows it, by the
 * longest matching prefix. An IRI no prefix fits, or whose rest is not a plain name, stays whole.
 */
export function shortIri(iri: string): string {
  let best: [string, string] | undefined;
  for (const [prefix, base] of Object.entries(READ_PREFIXES)) {
    if (iri.startsWith(base) && (best === undefined || base.length > best[1].length)) best = [prefix, base];
  }
  if (best === undefined) return iri;
  const local = iri.slice(best[1].length);
  return /^[A-Za-z_][\w.-]*$/.test(local) ? `${best[0]}:${local}` : iri;
}

/** A node of a report: its short IRI, or `(unnamed node)` for a blank node (`_:label`). */
export function nodeText(node: string): string {
  return node.startsWith('_:') ? '(unnamed node)' : shortIri(node);
}

/** A report's property path: each IRI of an alternative (`a | b`) shortened. */
export function pathText(path: string): string {
  return path.split(' | ').map(shortIri).join(' | ');
}
