/** The label of requests without an operation name (or whose name is unknown, e.g. unparsable). */
export const ANONYMOUS = 'anonymous';
/** The label of every name past the limit. */
export const OTHER = 'other';

/**
 * Turns client-chosen names (GraphQL operation names) into metric label values of bounded cardinality:
 * the first `limit` distinct names are kept (cut to `maxLength` characters, anything outside
 * `[A-Za-z0-9_]` replaced by `_`), later ones become `other`, and missing ones `anonymous`. A client
 * sending random names can thus add at most `limit` series per metric.
 */
export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(
    private readonly limit = 100,
    private readonly maxLength = 64,
  ) {}

  label(name: string | null | undefined): string {
    if (!name) return ANONYMOUS;
    const clean = name.slice(0, this.maxLength).replace(/[^A-Za-z0-9_]/g, '_');
    if (this.seen.has(clean)) return clean;
    if (this.seen.size >= this.limit) return OTHER;
    this.seen.add(clean);
    return clean;
  }
}
