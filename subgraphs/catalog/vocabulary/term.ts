/** A term of a controlled vocabulary: its IRI and its labels in the catalogue's two languages. */
export interface Term {
  readonly uri: string;
  readonly en: string;
  readonly fr: string;
}

/** A controlled vocabulary: the map from each code to its term. Codes are the GraphQL enum values. */
export type Vocabulary<Code extends string> = Readonly<Record<Code, Term>>;

/** The codes of a vocabulary, in declaration order. */
export function codesOf<Code extends string>(vocabulary: Vocabulary<Code>): Code[] {
  return Object.keys(vocabulary) as Code[];
}

/** True when `code` belongs to `vocabulary`. */
export function isCodeOf<Code extends string>(vocabulary: Vocabulary<Code>, code: string): code is Code {
  return Object.prototype.hasOwnProperty.call(vocabulary, code);
}
