import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '../platform/identity/caller.js';
import type { Logger } from '../platform/logger.js';
import type { GatewayContext } from './create-gateway.js';

/**
 * One JSON log line per GraphQL request, when its response is sent: request id, caller (subject,
 * organisation, roles; never a token), operation name, duration, outcome and error codes. Unexpected
 * errors are logged in full elsewhere (`formatError`), with the same request id.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ response, operationName, request }) {
          const errors = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const codes = [...new Set(errors.map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          logRequest(logger, contextValue.caller, operationName ?? request.operationName ?? null, started, response.http.status ?? 200, codes);
        },
      };
    },
  };
}

/** The request's log line (see `requestLogPlugin`); `started` is its `performance.now()`, `extra` more fields. */
export function logRequest(logger: Logger, caller: Caller, operation: string | null, started: number, status: number, errorCodes: readonly string[], extra?: Readonly<Record<string, string>>): void {
  if (!logger.isLevelEnabled('info')) return;
  logger.info(
    {
      // A caller is exactly its request id, subject, organisation and roles.
      ...caller,
      operation,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      status,
      outcome: errorCodes.length === 0 ? 'success' : 'error',
      ...(errorCodes.length > 0 ? { errorCodes } : {}),
      ...extra,
    },
    'graphql request',
  );
}
