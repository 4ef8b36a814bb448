import { touchingMessage } from './check-operations.js';
import { STALE_SUPERGRAPH, type CheckedChange, type SchemaCheckResult } from './run-schema-check.js';

/** Exit codes of `npm run schema:check`, documented in docs/api.md. */
export const EXIT_CODES = { passed: 0, failed: 1, usage: 2 } as const;

const SAFE_CHANGES_SHOWN = 30;

/** 0 when the check passed (warnings allowed), 1 when it failed. */
export function exitCodeOf(result: SchemaCheckResult): 0 | 1 {
  return result.ok ? EXIT_CODES.passed : EXIT_CODES.failed;
}

/**
 * The result for CI systems: the result's fields plus `exitCode`, as one JSON document. Its shape is
 * documented in docs/api.md; add fields rather than change them, since CI scripts read it.
 */
export function jsonReport(result: SchemaCheckResult): string {
  return JSON.stringify({ exitCode: exitCodeOf(result), ...result }, null, 2);
}

/** The JSON printed for a usage error, so that CI always gets a document with `exitCode`. */
export function jsonUsageError(message: string): string {
  return JSON.stringify({ exitCode: EXIT_CODES.usage, ok: false, error: message }, null, 2);
}

/** The result for people: what was compared, what failed and why, warnings, then every change. */
export function textReport(result: SchemaCheckResult): string {
  const lines: string[] = [];
  const { composition } = result;
  lines.push(`Schema check against ${result.base.source}`);
  lines.push(
    composition.ok
      ? `  composition: ${composition.subgraphs.length} subgraph(s) compose (${composition.subgraphs.join(', ')})`
      : `  composition: FAILED`,
  );
  if (result.supergraphUpToDate !== null) {
    lines.push(`  supergraph: ${result.supergraphUpToDate ? 'gateway/supergraph.graphql is up to date' : 'STALE'}`);
  }
  if (composition.ok) {
    const count = (c: CheckedChange['criticality']) => result.changes.filter((change) => change.criticality === c).length;
    lines.push(`  changes: ${count('breaking')} breaking, ${count('dangerous')} dangerous, ${count('safe')} safe`);
    const partners = new Set(result.operations.map((o) => o.partner)).size;
    const broken = result.operations.filter((o) => !o.ok).length;
    lines.push(`  registered operations: ${result.operations.length} of ${partners} partner(s), ${broken} broken`);
  }

  if (result.failures.length > 0) {
    lines.push('', 'Failures:');
    for (const line of composition.errors) lines.push(`- Composition failed: ${line}`);
    if (result.supergraphUpToDate === false) lines.push(`- ${STALE_SUPERGRAPH}`);
    for (const e of result.operationFileErrors) lines.push(`- ${e.file}: ${e.message}`);
    for (const o of result.operations.filter((op) => !op.ok)) {
      lines.push(`- ${o.partner}: operation ${o.operation} (${o.file}) breaks`);
      for (const error of o.errors) lines.push(`    invalid: ${error}`);
      for (const c of o.changes.filter((change) => change.criticality === 'breaking')) lines.push(`    breaking change: ${touchingMessage(c)}`);
    }
  }
  if (result.warnings.length > 0) {
    lines.push('', 'Warnings:');
    for (const w of result.warnings) lines.push(`- ${w}`);
  }
  // Breaking changes are listed above: under the operations they break, or as warnings.
  for (const criticality of ['dangerous', 'safe'] as const) {
    const changes = result.changes.filter((c) => c.criticality === criticality);
    if (changes.length === 0) continue;
    lines.push('', `${criticality === 'dangerous' ? 'Dangerous' : 'Safe'} changes:`);
    // A new subgraph adds a change per type, field and argument: past a screenful, --json has them all.
    const shown = criticality === 'safe' ? changes.slice(0, SAFE_CHANGES_SHOWN) : changes;
    for (const c of shown) {
      const users = c.operations.map((o) => `${o.partner}/${o.operation}`).join(', ');
      lines.push(`- ${c.message}${users ? ` (used by ${users})` : ''}`);
    }
    if (shown.length < changes.length) lines.push(`- ... and ${changes.length - shown.length} more (--json lists them all)`);
  }
  lines.push('', result.ok ? `Schema check passed${result.warnings.length ? ' with warnings' : ''}.` : 'Schema check FAILED.');
  return lines.join('\n');
}
