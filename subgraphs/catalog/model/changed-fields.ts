import { canonicalJson } from '../../../platform/canonical-json.js';
import type { DatasetRecord } from './dataset-record.js';

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
  return keys.filter((k) => canonicalJson(a[k]) !== canonicalJson(b[k]));
}
