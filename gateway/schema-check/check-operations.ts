import { validate, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { SchemaChange } from './compare-schemas.js';
import type { OperationRef, RegisteredOperation } from './load-operations.js';
import { schemaCoordinatesOf, type CoordinateUsage } from './schema-coordinates.js';

/** A change that touches an operation. */
export interface TouchingChange extends SchemaChange {
  /** The variable (`$filter`) through which alone the operation can send what changed; null when its document uses it. */
  readonly throughVariable: string | null;
}

/** What the new schema does to one registered operation. */
export interface OperationCheck extends OperationRef {
  /** False when the operation no longer validates or a breaking change touches it. */
  readonly ok: boolean;
  /** Why the new API schema refuses the operation, as graphql-js says it, with line and column. */
  readonly errors: readonly string[];
  /** The breaking and dangerous changes that touch what the operation uses. */
  readonly changes: readonly TouchingChange[];
}

/**
 * Changes whose coordinate is something new under a member the operation uses: they matter through
 * that member (a required argument added to a selected field, a value added to an enum the operation
 * reads, a changed default of an argument it leaves out).
 */
const CHANGED_UNDER_PARENT = new Set([
  'FIELD_ARGUMENT_ADDED',
  'FIELD_ARGUMENT_DEFAULT_CHANGED',
  'INPUT_FIELD_ADDED',
  'INPUT_FIELD_DEFAULT_VALUE_CHANGED',
  'ENUM_VALUE_ADDED',
]);

/**
 * How an operation whose coordinates are `used` (see `schemaCoordinatesOf`) meets `change`: undefined
 * when it does not, else the variable through which alone it does (null for the document itself).
 */
export function usageOf(change: SchemaChange, used: CoordinateUsage): string | null | undefined {
  if (!change.path) return undefined;
  const coordinate = CHANGED_UNDER_PARENT.has(change.type) ? change.path.slice(0, change.path.lastIndexOf('.')) : change.path;
  return used.get(coordinate);
}

/** True when `a` and `b` describe the same change (a touching change and the change it comes from). */
export function sameChange(a: SchemaChange, b: SchemaChange): boolean {
  return a.type === b.type && a.path === b.path && a.message === b.message;
}

/** A change's message, saying when the operation meets it only through what a variable can carry. */
export function touchingMessage(change: TouchingChange): string {
  return change.throughVariable ? `${change.message} (the operation can send it in ${change.throughVariable})` : change.message;
}

/**
 * Checks each registered operation against the new API schema `next`: it must validate, and no
 * breaking change may touch the coordinates it uses. What an operation uses is read on the `base`
 * schema, where removed fields and arguments still exist, and on `next`, for operations registered
 * with the schema change that needs them.
 */
export function checkOperations(
  operations: readonly RegisteredOperation[],
  base: GraphQLSchema,
  next: GraphQLSchema,
  changes: readonly SchemaChange[],
): OperationCheck[] {
  const relevant = changes.filter((c) => c.criticality !== 'safe');
  return operations.map(({ partner, operation, file, document }) => {
    const errors = validate(next, document).map(describe);
    const used = schemaCoordinatesOf(base, document);
    for (const [coordinate, variable] of schemaCoordinatesOf(next, document)) {
      if (variable === null || !used.has(coordinate)) used.set(coordinate, variable);
    }
    const touching: TouchingChange[] = [];
    for (const change of relevant) {
      const throughVariable = usageOf(change, used);
      if (throughVariable !== undefined) touching.push({ ...change, throughVariable });
    }
    const ok = errors.length === 0 && !touching.some((c) => c.criticality === 'breaking');
    return { partner, operation, file, ok, errors, changes: touching };
  });
}

function describe(error: GraphQLError): string {
  const at = error.locations?.map((l) => `${l.line}:${l.column}`).join(', ');
  return at ? `${error.message} (line ${at})` : error.message;
}
