/**
 * What text the platform stores: valid Unicode without NUL. PostgreSQL refuses NUL in `text` and `jsonb`,
 * and a lone UTF-16 surrogate has no UTF-8 encoding, so either would fail deep in a statement; they are
 * refused at the edge instead, naming where they were found.
 */

/** Deepest nesting of arrays and objects accepted in a JSON or JSON-LD body. */
export const MAX_JSON_DEPTH = 64;

const UNSAFE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when `text` holds a NUL character or a lone surrogate. */
export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE.test(text);
}

/** The reasons `inspectValue` refuses a value. */
export type ValueProblem = { kind: 'unsafe-text'; path: string } | { kind: 'too-deep'; path: string };

/**
 * Walks `value` (JSON-like: arrays, plain objects, strings, numbers) without recursion, so that any depth
 * is safe to inspect, and answers the first problem: a string or object key with NUL or a lone surrogate,
 * or nesting deeper than `maxDepth`. `root` names the value in the path (`input`, `body`).
 */
export function inspectValue(value: unknown, root: string, maxDepth = MAX_JSON_DEPTH): ValueProblem | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop() as { value: unknown; path: string; depth: number };
    if (typeof item.value === 'string') {
      if (hasUnsafeCharacters(item.value)) return { kind: 'unsafe-text', path: item.path };
      continue;
    }
    if (item.value === null || typeof item.value !== 'object') continue;
    if (item.depth >= maxDepth) return { kind: 'too-deep', path: item.path };
    if (Array.isArray(item.value)) {
      for (let i = item.value.length - 1; i >= 0; i--) stack.push({ value: item.value[i], path: `${item.path}[${i}]`, depth: item.depth + 1 });
      continue;
    }
    const entries = Object.entries(item.value as Record<string, unknown>);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i] as [string, unknown];
      if (hasUnsafeCharacters(key)) return { kind: 'unsafe-text', path: item.path };
      stack.push({ value: child, path: /^[A-Za-z_][\w-]*$/.test(key) ? `${item.path}.${key}` : `${item.path}[${JSON.stringify(key.slice(0, 40))}]`, depth: item.depth + 1 });
    }
  }
  return null;
}

/** A sentence for the sender about a problem `inspectValue` found. */
export function describeProblem(problem: ValueProblem, maxDepth = MAX_JSON_DEPTH): string {
  return problem.kind === 'unsafe-text'
    ? `"${problem.path}" contains a NUL character or a lone surrogate; send valid Unicode text without NUL.`
    : `"${problem.path}" is nested more than ${maxDepth} levels deep.`;
}
