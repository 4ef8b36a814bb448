import type { Term } from '@rdfjs/types';
import { Store, type Quad } from 'n3';
import SHACLValidator from 'rdf-validate-shacl';
import { accessRights } from '../../vocabulary/access-rights.js';
import { nodeText, pathText, shortIri } from '../short-iri.js';
import type { AccessLevel, Severity } from './record-rules.js';
import { recordShapes, type RecordShapes } from './rules-to-shapes.js';

export type { AccessLevel } from './record-rules.js';

const SH = 'http://www.w3.org/ns/shacl#';
const XSD_STRING = 'http://www.w3.org/2001/XMLSchema#string';
const RDF_LANG_STRING = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#langString';

const LEVELS: ReadonlyMap<string, AccessLevel> = new Map([
  [accessRights.PUBLIC.uri, 'public'],
  [accessRights.RESTRICTED.uri, 'restricted'],
  [accessRights.NON_PUBLIC.uri, 'non-public'],
]);

/** The access level of an EU access-right IRI, or undefined for any other value. */
export function accessLevelOfIri(iri: string): AccessLevel | undefined {
  return LEVELS.get(iri);
}

/**
 * One broken rule. Nodes and values are written as in N-Triples without angle brackets: an IRI as itself, a
 * blank node as `_:label`, a literal as `"text"`, `"text"@en` or `"1"^^http://www.w3.org/2001/XMLSchema#integer`.
 */
export interface ShapeViolation {
  severity: Severity;
  focusNode: string;
  /** The property's IRI (`a | b` for a rule on any of several), null for a rule on the node as a whole. */
  path: string | null;
  /** The offending value, when the rule is about one value. */
  value: string | null;
  /** The rule's message; for a value failing the rules of another kind of node, followed by "Here: " and the rules it broke. */
  message: string;
}

const SEVERITIES: Readonly<Record<string, Severity>> = { [`${SH}Violation`]: 'violation', [`${SH}Warning`]: 'warning', [`${SH}Info`]: 'info' };

/** A level's shapes and a validator over them. */
interface LevelCheck {
  readonly shapes: RecordShapes;
  readonly validator: SHACLValidator;
}

/**
 * Built on first use. A validator is reused across records: building one costs far more than a validation,
 * and once its (empty) imports are resolved a validation runs synchronously, so overlapping calls do not
 * interleave.
 */
const checksByLevel = new Map<AccessLevel, LevelCheck>();

function checkOf(level: AccessLevel): LevelCheck {
  let check = checksByLevel.get(level);
  if (check === undefined) {
    const shapes = recordShapes(level);
    check = { shapes, validator: new SHACLValidator(shapes.store) };
    checksByLevel.set(level, check);
  }
  return check;
}

function termText(term: Term): string {
  if (term.termType === 'BlankNode') return `_:${term.value}`;
  if (term.termType !== 'Literal') return term.value;
  const text = JSON.stringify(term.value);
  if (term.language) return `${text}@${term.language}`;
  const datatype = term.datatype.value;
  return datatype === XSD_STRING || datatype === RDF_LANG_STRING ? text : `${text}^^${datatype}`;
}

/**
 * Validates a record graph (its triples, or a store already holding them) against the catalogue's import
 * shapes for `level`; empty when it conforms. Shapes graphs are built once per level and cached.
 */
export async function validateRecordGraph(data: readonly Quad[] | Store, level: AccessLevel): Promise<ShapeViolation[]> {
  const { shapes, validator } = checkOf(level);
  const report = await validator.validate(data instanceof Store ? data : new Store([...data]));
  return report.results.map((result) => {
    const source = result.sourceShape ? shapes.sources.get(result.sourceShape.value) : undefined;
    const path = result.path?.termType === 'NamedNode' ? result.path.value : (source?.path ?? null);
    const focusNode = result.focusNode ? termText(result.focusNode) : '';
    const value = result.value ? termText(result.value) : null;
    const message = source?.message ?? result.message.map((m) => m.value).join(' ');
    // A value that fails the rules of another kind of node (`node`) comes with the rules it broke.
    const reasons = new Set(result.detail.flatMap((d) => (d.sourceShape ? [shapes.sources.get(d.sourceShape.value)?.message ?? ''] : [])).filter((m) => m !== ''));
    return {
      severity: (result.severity && SEVERITIES[result.severity.value]) ?? 'violation',
      focusNode,
      path,
      // A rule on the node as a whole names the node itself as its value: nothing to add.
      value: path === null && value === focusNode ? null : value,
      message: reasons.size > 0 ? `${message} Here: ${[...reasons].join(' ')}` : message,
    };
  });
}

function valueText(value: string): string {
  if (!value.startsWith('"')) return nodeText(value);
  const typed = /^(".*")\^\^(\S+)$/s.exec(value);
  const text = typed?.[1] !== undefined && typed[2] !== undefined ? `${typed[1]}^^${shortIri(typed[2])}` : value;
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/**
 * A readable report: one line per violation, "<focus> <path>: <message> (value: ...)", IRIs shortened
 * with the usual prefixes (dcat:, dct:, foaf:, vcard:, cv:, healthdcatap:, dpv:, adms:, skos:, xsd:,
 * dcatap:, geodcatap:, csvw:, time:...), blank nodes shown as "(unnamed node)". At most `max` lines, then
 * a count of the rest.
 */
export function describeViolations(violations: readonly ShapeViolation[], max = 50): string {
  const lines = violations.slice(0, max).map((v) => {
    const path = v.path === null ? '' : ` ${pathText(v.path)}`;
    const value = v.value === null ? '' : ` (value: ${valueText(v.value)})`;
    const severity = v.severity === 'violation' ? '' : `[${v.severity}] `;
    return `${severity}${nodeText(v.focusNode)}${path}: ${v.message}${value}`;
  });
  if (violations.length > max) lines.push(`... and ${violations.length - max} more`);
  return lines.join('\n');
}
