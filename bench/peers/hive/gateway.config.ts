/**
 * Hive Gateway as `npm run bench:peers` runs it, in front of the project's subgraphs. Benchmark only:
 * - the subgraphs accept only the gateway's identity tokens, so each subgraph request gets the headers
 *   this project's gateway would send for the same caller (its token, and those for the peers the
 *   subgraph may call), read from BENCH_ONWARD_TOKENS, a JSON file the benchmark rewrites before the
 *   tokens expire: `{ "<Authorization header or 'anonymous'>": { "<subgraph>": { header: value } } }`.
 *   Hive Gateway itself verifies no caller token;
 * - the registered operations are its persisted documents (BENCH_DOCUMENTS: `{ "<sha256>": source }`),
 *   other documents still allowed, as this project's gateway allows them outside production;
 * - with BENCH_RESPONSE_CACHE=1, its response cache, keyed per Authorization header (anonymous callers
 *   share entries), as its documentation recommends for per-user data.
 */
import { readFileSync } from 'node:fs';
import { defineConfig } from '@graphql-hive/gateway';

const tokensFile = process.env.BENCH_ONWARD_TOKENS ?? '';
const documents = JSON.parse(readFileSync(process.env.BENCH_DOCUMENTS ?? '', 'utf8')) as Record<string, string>;

type Headers = Record<string, Record<string, Record<string, string>>>;
let read = { at: 0, headers: {} as Headers };
/** The identity headers, read again at most once a second. */
function identityHeaders(): Headers {
  const now = Date.now();
  if (now - read.at > 1000) read = { at: now, headers: JSON.parse(readFileSync(tokensFile, 'utf8')) as Headers };
  return read.headers;
}

export const gatewayConfig = defineConfig({
  logging: 'error',
  propagateHeaders: {
    fromClientToSubgraphs({ request, subgraphName }) {
      return identityHeaders()[request.headers.get('authorization') ?? 'anonymous']?.[subgraphName.toLowerCase()] ?? {};
    },
  },
  persistedDocuments: {
    getPersistedOperation: (id: string) => documents[id] ?? null,
    allowArbitraryDocuments: true,
  },
  ...(process.env.BENCH_RESPONSE_CACHE === '1'
    ? { responseCaching: { session: (request: Request) => request.headers.get('authorization') ?? null } }
    : {}),
});
