import type { DatasetRecord } from './dataset-record.js';

/** JSON with object keys sorted, so that two equal values always print the same. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

/**
 * The top-level fields of a dataset record whose values differ between `before` and `after`, in the
 * order of `after`'s fields then `before`'s. A field absent on one side and present on the other counts as
 * changed; key order inside nested objects does not. Without `before` (a creation), every field `after`
 * gives is listed.
 */
export function changedFields(before: DatasetRecord | null, after: DatasetRecord): string[] {
  const a = after as unknown as Record<string, unknown>;
  if (before === null) return Object.keys(a).filter((k) => a[k] !== undefined);
  const b = before as unknown as Record<string, unknown>;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.filter((k) => canonical(a[k]) !== canonical(b[k]));
}
