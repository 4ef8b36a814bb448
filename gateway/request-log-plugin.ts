import type { ApolloServerPlugin } from '@apollo/server';
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
          const caller = contextValue.caller;
          logger.info(
            {
              // A caller is exactly its request id, subject, organisation and roles.
              ...caller,
              operation: operationName ?? request.operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              status: response.http.status ?? 200,
              outcome: errors.length === 0 ? 'success' : 'error',
              ...(codes.length > 0 ? { errorCodes: codes } : {}),
            },
            'graphql request',
          );
        },
      };
    },
  };
}
