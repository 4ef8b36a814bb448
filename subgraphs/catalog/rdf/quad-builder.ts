import { DataFactory, type BlankNode, type NamedNode, type Quad } from 'n3';
import type { Localized } from '../../../platform/graphql/language.js';
import { xsd } from './namespaces.js';

const { literal, namedNode, quad } = DataFactory;

type Subject = NamedNode | BlankNode;
type Predicate = NamedNode;

/**
 * Collects the triples of one export document. Every `add*` method skips an absent value, so the mapping
 * states what the catalogue knows and nothing else: an unknown fact is left out, never filled in.
 */
export class QuadBuilder {
  readonly quads: Quad[] = [];

  /** Adds one triple. */
  add(subject: Subject, predicate: Predicate, object: NamedNode | BlankNode | ReturnType<typeof literal>): this {
    this.quads.push(quad(subject, predicate, object));
    return this;
  }

  /** Adds `<subject> <predicate> <iri>` when `iri` is given. */
  iri(subject: Subject, predicate: Predicate, iri: string | null | undefined): this {
    if (iri) this.add(subject, predicate, namedNode(iri));
    return this;
  }

  /** Adds one language-tagged literal per language the text exists in. */
  text(subject: Subject, predicate: Predicate, text: Localized | null | undefined): this {
    for (const language of ['fr', 'en'] as const) {
      const value = text?.[language];
      if (value) this.add(subject, predicate, literal(value, language));
    }
    return this;
  }

  /** Adds a plain string literal when `value` is given. */
  string(subject: Subject, predicate: Predicate, value: string | null | undefined): this {
    if (value) this.add(subject, predicate, literal(value));
    return this;
  }

  /** Adds a literal of an XML Schema datatype (`date`, `nonNegativeInteger`, ...) when `value` is given. */
  typed(subject: Subject, predicate: Predicate, value: string | number | boolean | null | undefined, datatype: string): this {
    if (value !== null && value !== undefined && value !== '') this.add(subject, predicate, literal(String(value), xsd(datatype)));
    return this;
  }
}
