import type { Vocabulary } from '../vocabulary/term.js';

/**
 * The IRI of `code` in `vocabulary`. A stored code the vocabulary no longer knows is an internal
 * inconsistency: exporting it under a made-up IRI would publish a false statement, so this throws.
 */
export function vocabularyIri<Code extends string>(vocabulary: Vocabulary<Code>, code: string): string {
  const term = (vocabulary as Readonly<Record<string, { uri: string } | undefined>>)[code];
  if (!term) throw new Error(`code ${code} is not in its vocabulary`);
  return term.uri;
}
