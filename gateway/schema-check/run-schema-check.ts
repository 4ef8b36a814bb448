import type { GraphQLSchema } from 'graphql';
import { composeSupergraph } from '../compose.js';
import type { SubgraphSdl } from '../subgraphs.js';
import { apiSchemaOf } from './api-schema.js';
import { checkOperations, sameChange, touchingMessage, type OperationCheck } from './check-operations.js';
import { compareSchemas, type SchemaChange } from './compare-schemas.js';
import type { LoadedOperations, OperationFileError, OperationRef } from './load-operations.js';

/** The schema the new one is compared with. */
export interface BaseSchema {
  /** Where it comes from, for the report: `git main`, `file old.graphql`, ... */
  readonly source: string;
  readonly schema: GraphQLSchema;
  /** Why the base is not the one asked for, when the check fell back to another. */
  readonly note: string | null;
}

export interface SchemaCheckInput {
  readonly subgraphs: readonly SubgraphSdl[];
  readonly base: BaseSchema;
  readonly operations: LoadedOperations;
  /** The committed supergraph file's text ('' when missing); leave out to skip the staleness check. */
  readonly committedSupergraph?: string;
}

/** A change with the registered operations it touches (breaking and dangerous changes only). */
export interface CheckedChange extends SchemaChange {
  readonly operations: readonly OperationRef[];
}

export interface SchemaCheckResult {
  /** True when nothing failed; warnings do not fail the check. */
  readonly ok: boolean;
  readonly base: { readonly source: string; readonly note: string | null };
  readonly composition: { readonly ok: boolean; readonly subgraphs: readonly string[]; readonly errors: readonly string[] };
  /** Null when not checked (composition failed, or no committed supergraph was given). */
  readonly supergraphUpToDate: boolean | null;
  /** Every change from the base API schema to the new one; empty when composition failed. */
  readonly changes: readonly CheckedChange[];
  /** Every registered operation; empty when composition failed. */
  readonly operations: readonly OperationCheck[];
  /** Registry files that are not valid registrations. */
  readonly operationFileErrors: readonly OperationFileError[];
  /** One line per reason the check failed. */
  readonly failures: readonly string[];
  /** One line per thing worth a look that does not fail the check. */
  readonly warnings: readonly string[];
}

/** The message the staleness check has always given. */
export const STALE_SUPERGRAPH = 'gateway/supergraph.graphql is stale: run `npm run compose` and commit the result.';

/**
 * Composes the subgraphs and checks the result: the committed supergraph must be what composition gives,
 * every registry file must be a valid registration, and every registered operation must validate on the
 * new API schema without a breaking change touching it. Breaking changes that touch no registered
 * operation are warnings. Reads no file and runs no process: the caller supplies everything.
 */
export async function runSchemaCheck(input: SchemaCheckInput): Promise<SchemaCheckResult> {
  const failures: string[] = [];
  const warnings: string[] = [];
  const base = { source: input.base.source, note: input.base.note };
  if (input.base.note) warnings.push(input.base.note);
  for (const e of input.operations.errors) failures.push(`${e.file}: ${e.message}`);

  const subgraphs = input.subgraphs.map((s) => s.name);
  const composed = composeSupergraph(input.subgraphs);
  if (!composed.ok) {
    failures.unshift(...composed.errors.map((e) => `Composition failed: ${e}`));
    return {
      ok: false,
      base,
      composition: { ok: false, subgraphs, errors: composed.errors },
      supergraphUpToDate: null,
      changes: [],
      operations: [],
      operationFileErrors: input.operations.errors,
      failures,
      warnings,
    };
  }

  const supergraphUpToDate = input.committedSupergraph === undefined ? null : input.committedSupergraph === composed.supergraphSdl;
  if (supergraphUpToDate === false) failures.push(STALE_SUPERGRAPH);

  const next = apiSchemaOf(composed.supergraphSdl);
  const changes = await compareSchemas(input.base.schema, next);
  const operations = checkOperations(input.operations.operations, input.base.schema, next, changes);
  const checked = changes.map((change): CheckedChange => ({
    ...change,
    operations: operations.filter((o) => o.changes.some((c) => sameChange(c, change))).map(({ partner, operation, file }) => ({ partner, operation, file })),
  }));

  for (const o of operations.filter((op) => !op.ok)) {
    const reasons = [...o.errors, ...o.changes.filter((c) => c.criticality === 'breaking').map((c) => `breaking change: ${touchingMessage(c)}`)];
    failures.push(`${o.partner}'s operation ${o.operation} (${o.file}) breaks: ${reasons.join('; ')}`);
  }
  for (const c of checked.filter((change) => change.criticality === 'breaking' && change.operations.length === 0)) {
    warnings.push(`Breaking change that no registered operation uses: ${c.message}`);
  }

  return {
    ok: failures.length === 0,
    base,
    composition: { ok: true, subgraphs, errors: [] },
    supergraphUpToDate,
    changes: checked,
    operations,
    operationFileErrors: input.operations.errors,
    failures,
    warnings,
  };
}
