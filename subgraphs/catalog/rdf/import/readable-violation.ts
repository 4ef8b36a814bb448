import type { ShapeViolation } from '../shacl/validate-record-graph.js';
import { nodeText, pathText } from '../short-iri.js';

/** A SHACL violation as partners read it: prefixed names for IRIs, `(unnamed node)` for blank nodes. */
export function readableViolation(v: ShapeViolation): { focusNode: string; path: string | null; value: string | null; message: string } {
  return { focusNode: nodeText(v.focusNode), path: v.path === null ? null : pathText(v.path), value: v.value === null ? null : v.value.slice(0, 200), message: v.message };
}
