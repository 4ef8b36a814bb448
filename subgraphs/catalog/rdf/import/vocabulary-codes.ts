import type { Vocabulary } from '../../vocabulary/term.js';

const inverses = new WeakMap<object, ReadonlyMap<string, string>>();

/**
 * The code of the term of `vocabulary` whose IRI is `iri`, or undefined when the vocabulary has none: the
 * inverse of `vocabularyIri`. `http:` and `https:` forms of an IRI are taken as the same term, since
 * records in the wild use both for the EU authority tables.
 */
export function codeOfIri<Code extends string>(vocabulary: Vocabulary<Code>, iri: string): Code | undefined {
  let inverse = inverses.get(vocabulary);
  if (!inverse) {
    inverse = new Map(Object.entries<{ uri: string }>(vocabulary).map(([code, term]) => [withoutScheme(term.uri), code]));
    inverses.set(vocabulary, inverse);
  }
  return inverse.get(withoutScheme(iri)) as Code | undefined;
}

function withoutScheme(iri: string): string {
  return iri.replace(/^https?:/, '');
}
