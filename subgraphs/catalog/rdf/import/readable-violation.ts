import type { ShapeViolation } from '../shacl/validate-record-graph.js';
import { shortIri } from './record-graph.js';

/** A SHACL violation as partners read it: prefixed names for IRIs, `(unnamed node)` for blank nodes. */
export function readableViolation(v: ShapeViolation): { focusNode: string; path: string | null; value: string | null; message: string } {
  const name = (term: string) => (term.startsWith('_:') ? '(unnamed node)' : shortIri(term));
  const path = v.path === null ? null : v.path.split(' | ').map(shortIri).join(' | ');
  return { focusNode: name(v.focusNode), path, value: v.value === null ? null : v.value.slice(0, 200), message: v.message };
}
