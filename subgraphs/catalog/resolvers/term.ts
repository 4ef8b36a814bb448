import type { Language } from '../../../platform/graphql/language.js';
import type { Vocabulary } from '../vocabulary/term.js';

/** A vocabulary term as the API returns it. */
export interface TermObject<Code extends string> {
  code: Code;
  uri: string;
  label: string;
}

/**
 * The API form of `code` in `vocabulary`, labelled in `language`. A code the vocabulary does not know
 * (stored before a vocabulary change) is an internal inconsistency and throws rather than inventing a label.
 */
export function termOf<Code extends string>(vocabulary: Vocabulary<Code>, code: string, language: Language): TermObject<Code> {
  const term = (vocabulary as Record<string, Vocabulary<Code>[Code] | undefined>)[code];
  if (!term) throw new Error(`code ${code} is not in its vocabulary`);
  return { code: code as Code, uri: term.uri, label: term[language] };
}

/** `termOf` for each code. */
export function termsOf<Code extends string>(vocabulary: Vocabulary<Code>, codes: readonly string[], language: Language): TermObject<Code>[] {
  return codes.map((code) => termOf(vocabulary, code, language));
}
