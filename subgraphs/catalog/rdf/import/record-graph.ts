import { DataFactory, Store, termToId, type Literal, type Quad, type Term } from 'n3';
import type { LocalizedJson } from '../../db/schema/dataset.js';
import type { InputProblem } from '../../model/dataset-input.js';
import { isCalendarDate } from '../../../../platform/text/calendar-date.js';
import { PREFIXES } from '../namespaces.js';
import { shortIri } from '../short-iri.js';

const { namedNode } = DataFactory;

/** A subject of the graph: an IRI or a blank node. */
export type Node = Quad['subject'];

function quadKey(q: Quad): string {
  return `${termToId(q.subject)} ${termToId(q.predicate)} ${termToId(q.object)}`;
}

/** How a node is named in a problem: its IRI, or "(unnamed node)" for a blank node. */
export function nodeName(node: Term): string {
  return node.termType === 'BlankNode' ? '(unnamed node)' : node.value;
}

/**
 * Reads a pushed record graph property by property, and remembers which triples the catalogue took: the
 * rest is what the catalogue does not keep, reported back to the sender (`notKept`). Problems found while
 * reading are collected rather than thrown, so one answer lists them all.
 */
export class RecordGraph {
  readonly store: Store;
  readonly problems: InputProblem[] = [];
  /** Keys (`quadKey`) of the triples taken. */
  private readonly taken = new Set<string>();
  /** The nodes read from, by `termToId`. */
  private readonly visited = new Map<string, Node>();
  /** Language-tagged values in languages the catalogue does not hold, as `dct:title@de`. */
  private readonly otherLanguages = new Set<string>();

  constructor(quads: readonly Quad[]) {
    this.store = new Store([...quads]);
  }

  /** Records a problem about `predicate` of `node`. */
  problem(node: Term, predicate: string | null, message: string): void {
    const field = predicate === null ? null : shortIri(predicate);
    this.problems.push({ field, message: node.termType === 'BlankNode' ? message : `${message} (on ${nodeName(node)})` });
  }

  /** The objects of `node predicate`, each marked as taken. */
  objects(node: Node, predicate: string): Term[] {
    this.visited.set(termToId(node), node);
    const quads = this.store.getQuads(node, namedNode(predicate), null, null);
    for (const q of quads) this.taken.add(quadKey(q));
    return quads.map((q) => q.object);
  }

  /**
   * The objects of `node predicate` that `keep` accepts, only those marked as taken: the others stay
   * reported as not kept.
   */
  objectsWhere(node: Node, predicate: string, keep: (object: Term) => boolean): Term[] {
    this.visited.set(termToId(node), node);
    const quads = this.store.getQuads(node, namedNode(predicate), null, null).filter((q) => keep(q.object));
    for (const q of quads) this.taken.add(quadKey(q));
    return quads.map((q) => q.object);
  }

  /**
   * Notes that a vocabulary term the record names was read by IRI: its type is taken, and anything else
   * the record says of it (labels, a country's bounding box...) is reported as not kept.
   */
  visitTerm(term: Node): void {
    this.takeTypes(term);
  }

  /**
   * Marks `node rdf:type` triples as taken: those of `types` (the class the export states again), or all
   * of them when no type is given. Other types stay reported as not kept.
   */
  takeTypes(node: Node, ...types: string[]): void {
    if (types.length === 0) this.objects(node, `${PREFIXES.rdf}type`);
    else this.objectsWhere(node, `${PREFIXES.rdf}type`, (o) => types.includes(o.value));
  }

  /** Gives back the triples `node predicate` taken so far: what they said was not kept after all. */
  release(node: Node, predicate: string): void {
    for (const q of this.store.getQuads(node, namedNode(predicate), null, null)) this.taken.delete(quadKey(q));
  }

  /** Reports a value the catalogue does not keep, such as `foaf:name@de`. */
  report(label: string): void {
    this.otherLanguages.add(label);
  }

  /** The one object of `node predicate`, undefined when absent; a second one is a problem. */
  one(node: Node, predicate: string): Term | undefined {
    const values = this.objects(node, predicate);
    if (values.length > 1) this.problem(node, predicate, `give at most one value, not ${values.length}`);
    return values[0];
  }

  /** IRIs of `node predicate`; a literal where an IRI belongs is a problem. */
  iris(node: Node, predicate: string): string[] {
    return this.objects(node, predicate).flatMap((o) => {
      if (o.termType === 'NamedNode') return [o.value];
      this.problem(node, predicate, `expected an IRI, got ${o.termType === 'Literal' ? `the text "${o.value.slice(0, 60)}"` : 'an unnamed node'}`);
      return [];
    });
  }

  /** The one IRI of `node predicate`, if any. */
  iri(node: Node, predicate: string): string | undefined {
    const [first, ...rest] = this.iris(node, predicate);
    if (rest.length > 0) this.problem(node, predicate, `give at most one IRI, not ${rest.length + 1}`);
    return first;
  }

  /** Resources (IRIs or blank nodes) of `node predicate`; a literal is a problem. */
  nodes(node: Node, predicate: string): Node[] {
    return this.objects(node, predicate).flatMap((o) => {
      if (o.termType === 'NamedNode' || o.termType === 'BlankNode') return [o];
      this.problem(node, predicate, 'expected a resource, got a literal');
      return [];
    });
  }

  /** Plain values (the lexical forms) of `node predicate`; a resource is a problem. */
  strings(node: Node, predicate: string): string[] {
    return this.literals(node, predicate).map((l) => l.value);
  }

  /** The one plain value of `node predicate`, if any. */
  string(node: Node, predicate: string): string | undefined {
    const [first, ...rest] = this.strings(node, predicate);
    if (rest.length > 0) this.problem(node, predicate, `give at most one value, not ${rest.length + 1}`);
    return first;
  }

  /**
   * The French and English values of `node predicate` (a language tag such as `fr-FR` counts as `fr`).
   * Values in other languages are reported as not kept; an untagged value is a problem, since the
   * catalogue holds every text in a named language.
   */
  texts(node: Node, predicate: string): { fr: string[]; en: string[] } {
    const out = { fr: [] as string[], en: [] as string[] };
    for (const literal of this.literals(node, predicate)) {
      const language = literal.language.toLowerCase().split('-')[0] ?? '';
      if (language === 'fr' || language === 'en') out[language].push(literal.value);
      else if (language === '') this.problem(node, predicate, `"${literal.value.slice(0, 60)}" needs a language tag (@fr or @en)`);
      else this.otherLanguages.add(`${shortIri(predicate)}@${language}`);
    }
    return out;
  }

  /** A text with at most one value per language, or undefined when there is none. */
  text(node: Node, predicate: string): LocalizedJson | undefined {
    const { fr, en } = this.texts(node, predicate);
    if (fr.length > 1 || en.length > 1) this.problem(node, predicate, 'give at most one value per language');
    if (fr[0] === undefined && en[0] === undefined) return undefined;
    return { ...(fr[0] !== undefined ? { fr: fr[0] } : {}), ...(en[0] !== undefined ? { en: en[0] } : {}) };
  }

  /** A non-negative integer of `node predicate`, if any. */
  count(node: Node, predicate: string): number | undefined {
    const value = this.string(node, predicate);
    if (value === undefined) return undefined;
    if (!/^\d{1,15}$/.test(value)) {
      this.problem(node, predicate, `expected a non-negative integer, got "${value.slice(0, 30)}"`);
      return undefined;
    }
    return Number(value);
  }

  /** A date (`xsd:date`, or the date of an `xsd:dateTime`; a time zone is dropped) of `node predicate`, as YYYY-MM-DD. */
  date(node: Node, predicate: string): string | undefined {
    const value = this.string(node, predicate);
    if (value === undefined) return undefined;
    const date = /^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+)?(?:Z|[+-]\d{2}:\d{2})?$/.exec(value)?.[1];
    if (date && isCalendarDate(date)) return date;
    this.problem(node, predicate, `expected a date of the calendar (YYYY-MM-DD), got "${value.slice(0, 30)}"`);
    return undefined;
  }

  /** A boolean of `node predicate`, if any. */
  boolean(node: Node, predicate: string): boolean | undefined {
    const value = this.string(node, predicate);
    if (value === undefined) return undefined;
    if (value === 'true' || value === '1') return true;
    if (value === 'false' || value === '0') return false;
    this.problem(node, predicate, `expected true or false, got "${value.slice(0, 30)}"`);
    return undefined;
  }

  /** Subjects typed `type`. */
  subjectsOfType(type: string): Node[] {
    return this.store.getSubjects(namedNode(`${PREFIXES.rdf}type`), namedNode(type), null) as Node[];
  }

  /**
   * What the catalogue does not keep: the prefixed name of every predicate, on a node the record reading
   * visited (the dataset, its agents, distributions, contact points...), of a triple it did not take, once
   * each and sorted, plus the values in other languages (`dct:title@de`). What an untaken property points
   * to is not listed again.
   */
  notKept(): string[] {
    const skipped = new Set<string>(this.otherLanguages);
    for (const node of this.visited.values()) {
      for (const quad of this.store.getQuads(node, null, null, null)) if (!this.taken.has(quadKey(quad))) skipped.add(shortIri(quad.predicate.value));
    }
    return [...skipped].sort();
  }

  private literals(node: Node, predicate: string): Literal[] {
    return this.objects(node, predicate).flatMap((o) => {
      if (o.termType === 'Literal') return [o];
      this.problem(node, predicate, `expected a literal value, got ${o.termType === 'NamedNode' ? `the IRI ${o.value}` : 'an unnamed node'}`);
      return [];
    });
  }
}
