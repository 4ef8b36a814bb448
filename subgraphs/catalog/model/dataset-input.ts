import type { z } from 'zod';
import { datasetRecord, type DatasetRecord } from './dataset-record.js';

/** A problem found in a curation input: where (a dotted path such as `distributions.0.accessUrl`) and what. */
export interface InputProblem {
  field: string | null;
  message: string;
}

/** Most problems one `INVALID_RECORD` error lists in its message. */
export const MAX_REPORTED_PROBLEMS = 5;

/** A copy of a GraphQL input value with every `null` left out, as the record schema expects optional fields. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

function problemsOf(error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => ({ field: issue.path.length > 0 ? issue.path.join('.') : null, message: issue.message }));
}

/**
 * Maps a GraphQL `DatasetInput` (nulls for absent values) to the record shape and validates it with
 * `datasetRecord`, defaults applied. `id` overrides the input's own id (an update names the dataset in its
 * argument); an input id that differs from it is refused, since an update never renames a dataset. On
 * failure, the problems are returned in the schema's order, the first one first.
 */
export function parseDatasetInput(
  input: unknown,
  id?: string,
): { ok: true; record: DatasetRecord } | { ok: false; problems: InputProblem[] } {
  const raw = withoutNulls(input) as Record<string, unknown>;
  if (id !== undefined && raw.id !== undefined && raw.id !== id) {
    return { ok: false, problems: [{ field: 'id', message: `the id cannot change (the dataset is "${id}")` }] };
  }
  const parsed = datasetRecord.safeParse(id === undefined ? raw : { ...raw, id });
  if (!parsed.success) return { ok: false, problems: problemsOf(parsed.error) };
  return { ok: true, record: withoutNulls(parsed.data) as DatasetRecord };
}

/** One message for the first problems of an input, each as `path: message`. */
export function describeProblems(problems: readonly InputProblem[]): string {
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS).map((p) => (p.field ? `${p.field}: ${p.message}` : p.message));
  const more = problems.length - shown.length;
  return shown.join('; ') + (more > 0 ? ` (and ${more} more)` : '');
}
