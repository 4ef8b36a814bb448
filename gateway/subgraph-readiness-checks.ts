import type { ReadinessCheck } from '../platform/server/readiness.js';

/**
 * One readiness check per subgraph, named after it: its `/health` must answer 2xx. The health URL is the
 * subgraph's GraphQL URL with `/graphql` replaced by `/health` (services mount both at the same base).
 * The failure message may name the address: `createReadiness` shows it outside production only.
 */
export function subgraphReadinessChecks(subgraphUrls: Readonly<Record<string, string>>): ReadinessCheck[] {
  return Object.entries(subgraphUrls).map(([name, graphqlUrl]) => {
    const url = healthUrl(graphqlUrl);
    return {
      name,
      probe: async (signal) => {
        let response: Response;
        try {
          response = await fetch(url, { signal });
        } catch (error) {
          // fetch's own message is a bare "fetch failed"; the cause says what failed.
          const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
          throw new Error(`${error instanceof Error ? error.message : String(error)}${cause}`, { cause: error });
        }
        await response.body?.cancel();
        if (!response.ok) throw new Error(`/health answered ${response.status}`);
      },
    };
  });
}

/** `http://host:4001/graphql` → `http://host:4001/health` (a path prefix before `/graphql` is kept). */
export function healthUrl(graphqlUrl: string): string {
  const url = new URL(graphqlUrl);
  url.pathname = `${url.pathname.replace(/\/graphql\/?$/, '').replace(/\/$/, '')}/health`;
  url.search = '';
  url.hash = '';
  return url.toString();
}
