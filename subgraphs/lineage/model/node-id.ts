/** A node's typed id: `dataset:<namespace>:<name>` or `job:<namespace>:<name>`. */
export function nodeId(kind: 'DATASET' | 'JOB', namespace: string, name: string): string {
  return `${kind === 'DATASET' ? 'dataset' : 'job'}:${namespace}:${name}`;
}

/**
 * The candidate (kind, namespace, name) readings of a typed id. Namespaces may contain colons
 * (`postgres://host:5432`), so every split point is a candidate; the database says which exists.
 */
export function parseNodeId(id: string): { kind: 'DATASET' | 'JOB'; candidates: { namespace: string; name: string }[] } | null {
  const match = /^(dataset|job):(.+)$/.exec(id);
  if (!match?.[2]) return null;
  const rest = match[2];
  const candidates: { namespace: string; name: string }[] = [];
  for (let i = rest.indexOf(':'); i > 0 && i < rest.length - 1; i = rest.indexOf(':', i + 1)) {
    candidates.push({ namespace: rest.slice(0, i), name: rest.slice(i + 1) });
  }
  return candidates.length > 0 ? { kind: match[1] === 'dataset' ? 'DATASET' : 'JOB', candidates } : null;
}
