/**
 * The rows of a batch load arranged as DataLoader needs them: one entry per key, in the order of `keys`,
 * `missing` where no row has that key.
 */
export function inKeyOrder<Key, Row, Missing = null>(
  keys: readonly Key[],
  rows: readonly Row[],
  keyOf: (row: Row) => Key,
  missing: Missing = null as Missing,
): (Row | Missing)[] {
  const byKey = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => byKey.get(key) ?? missing);
}
