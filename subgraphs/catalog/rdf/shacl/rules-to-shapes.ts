import { DataFactory, Store, type BlankNode, type NamedNode, type Quad, type Term } from 'n3';
import {
  RULE_PREFIXES,
  recordRules,
  type AccessLevel,
  type EitherRule,
  type PrefixedName,
  type PropertyRule,
  type Severity,
  type ShapeName,
  type TermName,
  type ValueChecks,
  type ValueKind,
} from './record-rules.js';

const { namedNode, blankNode, literal, quad } = DataFactory;

const SH = 'http://www.w3.org/ns/shacl#';
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const XSD = 'http://www.w3.org/2001/XMLSchema#';
const sh = (local: string) => namedNode(SH + local);

/** Where the shapes the catalogue builds are named: `<base>Dataset`, `<base>Dataset/3` for its third rule. */
export const SHAPES_BASE = 'urn:x-health-catalogue:record-shapes:';

const NODE_KINDS: Readonly<Record<ValueKind, NamedNode>> = { iri: sh('IRI'), literal: sh('Literal'), resource: sh('BlankNodeOrIRI') };
const SEVERITIES: Readonly<Record<Severity, NamedNode>> = { violation: sh('Violation'), warning: sh('Warning'), info: sh('Info') };

/** What a shape of the graph stands for: the rule that reports through it. */
export interface RuleSource {
  /** The property's IRI, `a | b` for a rule on any of several properties, null for a rule on the node itself. */
  readonly path: string | null;
  readonly message: string;
  readonly severity: Severity;
}

/** A SHACL shapes graph built from the rule table, and the rule behind each shape that reports. */
export interface RecordShapes {
  readonly store: Store;
  /** By shape IRI. */
  readonly sources: ReadonlyMap<string, RuleSource>;
}

/** The full IRI of a term of the rules. */
export function expandTerm(name: TermName): string {
  if (/^https?:\/\//.test(name)) return name;
  const colon = name.indexOf(':');
  const base = RULE_PREFIXES[name.slice(0, colon) as keyof typeof RULE_PREFIXES];
  return base + name.slice(colon + 1);
}

function shapeIri(name: ShapeName): NamedNode {
  return namedNode(SHAPES_BASE + name);
}

/** Builds the quads of one graph, with RDF lists as SHACL writes them. */
class GraphBuilder {
  readonly quads: Quad[] = [];

  add(subject: NamedNode | BlankNode, predicate: NamedNode, object: Term): void {
    this.quads.push(quad(subject, predicate, object as Quad['object']));
  }

  list(items: readonly Term[]): NamedNode | BlankNode {
    let rest: NamedNode | BlankNode = namedNode(`${RDF}nil`);
    for (const item of [...items].reverse()) {
      const cell = blankNode();
      this.add(cell, namedNode(`${RDF}first`), item);
      this.add(cell, namedNode(`${RDF}rest`), rest);
      rest = cell;
    }
    return rest;
  }

  /** The value checks of a property shape. */
  checks(shape: NamedNode | BlankNode, checks: ValueChecks): void {
    const count = (n: number) => literal(String(n), namedNode(`${XSD}integer`));
    if (checks.min !== undefined) this.add(shape, sh('minCount'), count(checks.min));
    if (checks.max !== undefined) this.add(shape, sh('maxCount'), count(checks.max));
    if (checks.kind !== undefined) this.add(shape, sh('nodeKind'), NODE_KINDS[checks.kind]);
    if (checks.datatype !== undefined) this.add(shape, sh('datatype'), namedNode(expandTerm(checks.datatype)));
    if (checks.class !== undefined) this.add(shape, sh('class'), namedNode(expandTerm(checks.class)));
    if (checks.node !== undefined) this.add(shape, sh('node'), shapeIri(checks.node));
    if (typeof checks.hasValue === 'boolean') this.add(shape, sh('hasValue'), literal(String(checks.hasValue), namedNode(`${XSD}boolean`)));
    else if (checks.hasValue !== undefined) this.add(shape, sh('hasValue'), namedNode(expandTerm(checks.hasValue)));
  }

  /** `sh:path`: one property, or an alternative path over several. */
  path(shape: NamedNode | BlankNode, path: PrefixedName | readonly PrefixedName[]): void {
    if (typeof path === 'string') {
      this.add(shape, sh('path'), namedNode(expandTerm(path)));
      return;
    }
    const alternatives = blankNode();
    this.add(alternatives, sh('alternativePath'), this.list(path.map((p) => namedNode(expandTerm(p)))));
    this.add(shape, sh('path'), alternatives);
  }
}

function propertyShape(graph: GraphBuilder, owner: NamedNode, iri: NamedNode, rule: PropertyRule): RuleSource {
  const severity = rule.severity ?? 'violation';
  graph.add(owner, sh('property'), iri);
  graph.add(iri, namedNode(`${RDF}type`), sh('PropertyShape'));
  graph.path(iri, rule.path);
  graph.checks(iri, rule);
  graph.add(iri, sh('severity'), SEVERITIES[severity]);
  graph.add(iri, sh('message'), literal(rule.message, 'en'));
  const path = typeof rule.path === 'string' ? expandTerm(rule.path) : rule.path.map(expandTerm).join(' | ');
  return { path, message: rule.message, severity };
}

/** A rule on the node itself, stated on its node shape: it passes when one of the alternatives does. */
function eitherConstraint(graph: GraphBuilder, owner: NamedNode, rule: EitherRule): RuleSource {
  const severity = rule.severity ?? 'violation';
  const alternatives = rule.anyOf.map((conditions) => {
    const alternative = blankNode();
    for (const condition of conditions) {
      const property = blankNode();
      graph.add(alternative, sh('property'), property);
      graph.path(property, condition.path);
      graph.checks(property, condition);
    }
    return alternative;
  });
  graph.add(owner, sh('or'), graph.list(alternatives));
  graph.add(owner, sh('severity'), SEVERITIES[severity]);
  graph.add(owner, sh('message'), literal(rule.message, 'en'));
  return { path: null, message: rule.message, severity };
}

/**
 * The SHACL shapes graph of `level`: one node shape per kind of node of the table (targeting its class, if
 * it has one), one property shape per rule, each carrying the rule's message and severity.
 */
export function recordShapes(level: AccessLevel): RecordShapes {
  const graph = new GraphBuilder();
  const sources = new Map<string, RuleSource>();
  const rules = recordRules(level);
  for (const name of Object.keys(rules) as ShapeName[]) {
    const shape = rules[name];
    const iri = shapeIri(name);
    graph.add(iri, namedNode(`${RDF}type`), sh('NodeShape'));
    if (shape.targetClass !== undefined) graph.add(iri, sh('targetClass'), namedNode(expandTerm(shape.targetClass)));
    shape.properties.forEach((rule, index) => {
      const property = namedNode(`${iri.value}/${index + 1}`);
      sources.set(property.value, propertyShape(graph, iri, property, rule));
    });
    if (shape.either !== undefined) sources.set(iri.value, eitherConstraint(graph, iri, shape.either));
  }
  return { store: new Store(graph.quads), sources };
}
