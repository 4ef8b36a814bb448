import { RemoteGraphQLDataSource } from '@apollo/gateway';
import { ErrorCode, apiError } from '../platform/graphql/errors.js';
import { createInternalTokenSigner, REQUEST_ID_HEADER } from '../platform/identity/internal-token.js';
import type { KeyPair } from '../platform/identity/key-pair.js';
import { ONWARD_CALLS, onwardIdentityHeader } from '../platform/identity/onward-identity.js';
import type { Logger } from '../platform/logger.js';
import type { GatewayContext } from './create-gateway.js';
import { createSubgraphFetcher } from './subgraph-fetcher.js';
import type { CallerWrites } from './caller-writes.js';
import { READ_AFTER_HEADER, WRITE_LSN_HEADER } from '../platform/db/read-replica.js';

/** Bounds of the gateway's calls to subgraphs. */
export interface SubgraphCallLimits {
  /** Longest wait for one subgraph call, in milliseconds. */
  timeoutMs: number;
  /** Kept-alive connections per subgraph, at most. */
  maxSockets: number;
}

export const DEFAULT_SUBGRAPH_CALL_LIMITS: SubgraphCallLimits = { timeoutMs: 10_000, maxSockets: 64 };

/**
 * The gateway's connection to one subgraph:
 * - every call carries the caller as the gateway's own short-lived token for that subgraph (plus one for
 *   each subgraph it may ask in turn), and the caller's Accept-Language;
 * - calls go over kept-alive connections, at most `maxSockets` at once, and are abandoned after
 *   `timeoutMs`; identical queries of one caller scope in flight at once are sent once
 *   (`createSubgraphFetcher`);
 * - a call that fails (refused connection, timeout, HTTP error without a GraphQL answer) becomes one
 *   `SUBGRAPH_UNAVAILABLE` error naming the subgraph, never the subgraph's address or the transport's
 *   message; the gateway still answers with what the other subgraphs gave. Errors a subgraph answers in
 *   GraphQL (FORBIDDEN, BAD_USER_INPUT, ...) pass through unchanged;
 * - a caller who wrote lately (`writes`) has its calls carry `X-HMG-Read-After`: where the primary's log
 *   stood after that write, as the subgraph answered it in `X-HMG-Write-LSN`.
 */
export function createSubgraphDataSource(options: {
  name: string;
  url: string;
  gatewayKey: KeyPair;
  logger: Logger;
  limits?: SubgraphCallLimits;
  /** Callers' latest writes, for read-your-writes on subgraphs with a read replica. */
  writes?: CallerWrites | undefined;
}): RemoteGraphQLDataSource<GatewayContext> {
  const limits = options.limits ?? DEFAULT_SUBGRAPH_CALL_LIMITS;
  const sign = createInternalTokenSigner(options.gatewayKey);
  return new RemoteGraphQLDataSource<GatewayContext>({
    url: options.url,
    fetcher: createSubgraphFetcher(options.url, limits) as unknown as RemoteGraphQLDataSource['fetcher'],
    willSendRequest: async ({ request, context }) => {
      if (context.acceptLanguage) request.http?.headers.set('accept-language', context.acceptLanguage);
      for (const [name, value] of Object.entries<string>(context.forwarded ?? {})) request.http?.headers.set(name, value);
      request.http?.headers.set('authorization', `Bearer ${await sign(context.caller, options.name)}`);
      request.http?.headers.set(REQUEST_ID_HEADER, context.caller.requestId);
      const readAfter = options.writes?.readAfter(context.caller.subject);
      if (readAfter) request.http?.headers.set(READ_AFTER_HEADER, readAfter);
      for (const callee of ONWARD_CALLS[options.name] ?? []) {
        request.http?.headers.set(onwardIdentityHeader(callee), `Bearer ${await sign(context.caller, callee)}`);
      }
    },
    didReceiveResponse: ({ response, context }) => {
      const written = response.http?.headers.get(WRITE_LSN_HEADER);
      if (written) options.writes?.noteWrite((context as Partial<GatewayContext>).caller?.subject ?? null, written);
      return response;
    },
    didEncounterError: (error, _fetchRequest, fetchResponse, context) => {
      options.logger.warn(
        { err: error, subgraph: options.name, status: fetchResponse?.status, requestId: (context as Partial<GatewayContext>).caller?.requestId },
        'subgraph call failed',
      );
      throw apiError(ErrorCode.SUBGRAPH_UNAVAILABLE, `The ${options.name} service did not answer; the rest of the answer stands. Retry later.`, {
        subgraph: options.name,
      });
    },
  });
}
