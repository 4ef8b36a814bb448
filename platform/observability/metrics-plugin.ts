import type { ApolloServerPlugin, GraphQLRequestContext } from '@apollo/server';
import { getOperationAST } from 'graphql';
import { ANONYMOUS, BoundedLabels } from './bounded-labels.js';
import { graphqlRequestDuration, graphqlRequests } from './metrics.js';

/** Distinct operation names kept as labels per service; the rest count as `other`. */
export const MAX_OPERATION_LABELS = 100;

export type Outcome = 'success' | 'error' | 'refused';

/** Error codes of requests refused for what the client sent, not for a failure of ours. */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
]);

interface RequestState {
  readonly started: number;
  executed: boolean;
  failed: boolean;
}

/**
 * Counts and times every GraphQL request of `service` in `graphql_requests_total` and
 * `graphql_request_duration_seconds`, by operation name (bounded, see `BoundedLabels`) and outcome:
 * - `success`: answered without errors;
 * - `error`: executed, with at least one error (partial data included), or failed unexpectedly;
 * - `refused`: stopped before execution for what the client sent — unparsable or invalid document, over
 *   the query limits (also when a plugin refuses by throwing), refused by a plugin before execution, a
 *   malformed HTTP request, or a context that could not be built (e.g. a bad token at the gateway; these
 *   last two are counted but not timed, and have no operation name).
 */
export function metricsPlugin<Context extends object>(service: string, operations = new BoundedLabels(MAX_OPERATION_LABELS)): ApolloServerPlugin<Context> {
  const inFlight = new WeakMap<GraphQLRequestContext<Context>, RequestState>();

  const record = (requestContext: GraphQLRequestContext<Context>, outcome: Outcome, state: RequestState | undefined) => {
    inFlight.delete(requestContext);
    // Only a name read from a parsed document (also when validation refused it): a client's
    // `operationName` field alone, with an unparsable document, could be anything.
    const { document, request } = requestContext;
    const name = requestContext.operationName ?? (document ? getOperationAST(document, request.operationName)?.name?.value : undefined);
    countRequest(service, operations, name, outcome, state?.started);
  };
  const refusedEarly = async () => {
    graphqlRequests.inc({ service, operation: ANONYMOUS, outcome: 'refused' });
  };

  return {
    contextCreationDidFail: refusedEarly,
    invalidRequestWasReceived: refusedEarly,
    // A plugin that throws (graphql-armor refusing a document, for one) ends the request here instead of
    // in willSendResponse.
    async unexpectedErrorProcessingRequest({ requestContext, error }) {
      const state = inFlight.get(requestContext);
      record(requestContext, !state?.executed && isClientError(error) ? 'refused' : 'error', state);
    },
    async requestDidStart(requestContext) {
      const state: RequestState = { started: performance.now(), executed: false, failed: false };
      inFlight.set(requestContext, state);
      return {
        async executionDidStart() {
          state.executed = true;
        },
        async didEncounterErrors() {
          state.failed = true;
        },
        async willSendResponse(requestContext) {
          record(requestContext, !state.failed ? 'success' : state.executed ? 'error' : 'refused', state);
        },
      };
    },
  };
}

/**
 * Whether a request-ending error is about what the client sent: a GraphQL error (of whichever graphql
 * instance) with a client-error code or 4xx status, or without any code, as the syntax errors that
 * `parse` throws inside a plugin come.
 */
function isClientError(error: Error): boolean {
  if (error.name !== 'GraphQLError') return false;
  const extensions = (error as { extensions?: { code?: unknown; http?: { status?: unknown } } }).extensions;
  const code = extensions?.code;
  const status = extensions?.http?.status;
  if (typeof status === 'number') return status >= 400 && status < 500;
  return code === undefined || (typeof code === 'string' && CLIENT_ERROR_CODES.has(code));
}

/**
 * Counts one request of `service` (and times it from `started`, a `performance.now()`), as the plugin
 * does: also for answers given outside Apollo Server (the gateway's answer replay), with the same labels.
 */
export function countRequest(service: string, operations: BoundedLabels, name: string | null | undefined, outcome: Outcome, started?: number): void {
  const labels = { service, operation: operations.label(name), outcome };
  graphqlRequests.inc(labels);
  if (started !== undefined) graphqlRequestDuration.observe(labels, (performance.now() - started) / 1000);
}
