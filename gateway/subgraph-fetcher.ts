import http from 'node:http';
import https from 'node:https';

/** What the gateway's data source calls to reach a subgraph: `fetch`'s shape, as Apollo Gateway expects. */
export type SubgraphFetcher = (url: string, init: { method?: string; headers?: unknown; body?: unknown }) => Promise<Response>;

/** A subgraph's answer, read whole, so that several waiting requests can each be given a copy. */
interface Answer {
  status: number;
  headers: [string, string][];
  body: string;
}

/** Headers that differ between requests that are otherwise the same and do not change the answer. */
const NOT_IN_KEY = new Set(['x-request-id', 'content-length']);

/**
 * Calls one subgraph over kept-alive connections (at most `maxSockets`), each call abandoned after
 * `timeoutMs`. Identical queries in flight at once are sent once: a query with the same body and the
 * same headers as one already waiting for its answer (the same caller scope, since the identity tokens are
 * among the headers; the request id aside) waits for that answer instead, and each gets its own copy.
 * Mutations are always sent. A failed call fails every request waiting on it.
 */
export function createSubgraphFetcher(subgraphUrl: string, limits: { maxSockets: number; timeoutMs: number }): SubgraphFetcher & { close(): Promise<void> } {
  const origin = new URL(subgraphUrl);
  const transport = origin.protocol === 'https:' ? https : http;
  // node:http, so that tracing's HTTP instrumentation sees each call and passes the trace on.
  const agent = new transport.Agent({ keepAlive: true, maxSockets: limits.maxSockets });
  const inFlight = new Map<string, Promise<Answer>>();

  const send = (url: string, method: string, headers: Record<string, string>, body: string | undefined): Promise<Answer> =>
    new Promise<Answer>((resolve, reject) => {
      const request = transport.request(url, { method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          clearTimeout(timer);
          const answerHeaders: [string, string][] = [];
          for (const [name, value] of Object.entries(response.headers)) {
            if (value === undefined) continue;
            for (const one of Array.isArray(value) ? value : [value]) answerHeaders.push([name, one]);
          }
          resolve({ status: response.statusCode ?? 502, headers: answerHeaders, body: Buffer.concat(chunks).toString('utf8') });
        });
        response.on('error', reject);
      });
      const timer = setTimeout(() => request.destroy(new Error(`no answer within ${limits.timeoutMs} ms`)), limits.timeoutMs);
      request.on('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body);
    });

  const fetcher = async (url: string, init: { method?: string; headers?: unknown; body?: unknown }): Promise<Response> => {
    const headers = headerRecord(init.headers);
    const body = typeof init.body === 'string' ? init.body : undefined;
    const method = init.method ?? 'POST';
    let answer: Answer;
    if (body !== undefined && isQuery(body)) {
      const key = JSON.stringify([url, method, body, Object.entries(headers).filter(([name]) => !NOT_IN_KEY.has(name)).sort()]);
      let pending = inFlight.get(key);
      if (!pending) {
        pending = send(url, method, headers, body).finally(() => inFlight.delete(key));
        inFlight.set(key, pending);
      }
      answer = await pending;
    } else {
      answer = await send(url, method, headers, body);
    }
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  };
  return Object.assign(fetcher, { close: async () => agent.destroy() });
}

/** Headers of any shape `fetch` accepts, as a plain object with lower-case names. */
function headerRecord(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers) return record;
  const entries: Iterable<[string, string]> =
    typeof (headers as { entries?: unknown }).entries === 'function' ? (headers as { entries(): Iterable<[string, string]> }).entries() : Object.entries(headers as Record<string, string>);
  for (const [name, value] of entries) record[name.toLowerCase()] = String(value);
  return record;
}

/** Whether a GraphQL request body holds a query (not a mutation or subscription). */
function isQuery(body: string): boolean {
  try {
    const query = (JSON.parse(body) as { query?: unknown }).query;
    return typeof query === 'string' && /^\s*(?:query\b|\{)/.test(query);
  } catch {
    return false;
  }
}
