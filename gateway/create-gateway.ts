import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import { noReportingPlugins } from '../platform/no-reporting.js';
import { createFormatError } from '../platform/graphql/format-error.js';
import type { Caller } from '../platform/identity/caller.js';
import type { KeyPair } from '../platform/identity/key-pair.js';
import type { Logger } from '../platform/logger.js';
import { observeSubgraphFetches } from './observe-subgraph-fetches.js';
import { policyAndAuditPlugin, type AuditWriter } from './policy-plugin.js';
import { CallerBudget, type RateLimits } from './caller-budget.js';
import { rateLimitPlugin } from './rate-limit-plugin.js';
import { requestGuardsPlugin } from './request-guards-plugin.js';
import { requestLogPlugin } from './request-log-plugin.js';
import { responseCachePlugin, type ResponseCache } from './response-cache/response-cache-plugin.js';
import { CallerWrites } from './caller-writes.js';
import { createSubgraphDataSource, type SubgraphCallLimits } from './subgraph-data-source.js';

/** What the gateway keeps about one incoming request and forwards to subgraphs. */
export interface GatewayContext {
  /** The caller's Accept-Language, passed on so subgraphs answer in the right language. */
  readonly acceptLanguage: string | undefined;
  /** The verified caller (anonymous without a bearer token). */
  readonly caller: Caller;
  /** The client's address (for anonymous callers' rate limit). */
  readonly clientAddress?: string | undefined;
  /**
   * The gateway's public address as `X-Forwarded-Proto`, `-Host` and `-Prefix`, passed on to subgraphs so
   * that they know their public IRIs (the catalogue recognises its own in pushed records).
   */
  readonly forwarded?: Readonly<Record<string, string>> | undefined;
}

export interface CreateGatewayOptions {
  supergraphSdl: string;
  /** Signs the identity each subgraph request carries. */
  gatewayKey: KeyPair;
  /** Writes the gateway's audit entries; without it nothing is recorded (tests of the catalogue alone). */
  audit?: AuditWriter | undefined;
  /** The GraphQL URL of each subgraph, by name; it replaces the URL written in the supergraph. */
  subgraphUrls: Readonly<Record<string, string>>;
  logger: Logger;
  /** Production: limits not revealed in errors, introspection for internal roles only. */
  production?: boolean | undefined;
  /** The callers' shared budget (with the REST routes); a new one with `rateLimits` (or the defaults) when absent. */
  budget?: CallerBudget | undefined;
  /** Callers' latest writes (read-your-writes across read replicas); this process's memory when absent. */
  writes?: CallerWrites | undefined;
  rateLimits?: RateLimits | undefined;
  subgraphCalls?: SubgraphCallLimits | undefined;
  /** Query limits on (the default); off only to measure what they cost (`npm run bench:gateway`). */
  queryLimits?: boolean | undefined;
  /** Serves repeated queries from this cache (`responseCachePlugin`); none when absent. */
  responseCache?: ResponseCache | undefined;
}

/**
 * The query limits (graphql-armor), applied at validation, before any planning; the document's size in
 * characters and tokens is limited before parsing (`document-limits.ts`). Every registered
 * operation passes them (tested); `exposeLimits` is off in production so a refusal does not tell
 * an attacker how far it may go.
 */
export const QUERY_LIMITS = { maxDepth: 12, maxAliases: 15, maxDirectives: 20, maxCost: 30_000 } as const;

function armorFor(production: boolean) {
  const exposeLimits = !production;
  return new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true, exposeLimits },
    // graphql-armor lets aliases of __typename go uncounted by default; here they count like any other.
    maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [], exposeLimits },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives, exposeLimits },
    // Counted before Apollo parses (document-limits.ts): armor's token plugin throws from a parsing hook,
    // which Apollo answers with a 500, syntax errors included.
    maxTokens: { enabled: false },
    costLimit: { maxCost: QUERY_LIMITS.maxCost, exposeLimits },
    // Production hides every "Did you mean" (hideSuggestions); development keeps them, as help.
    blockFieldSuggestion: { enabled: production },
  });
}

/** graphql-js's hints at names of the schema: fields, arguments, types and enum values. */
const SUGGESTION = / ?Did you mean [^?]*\?/g;

/**
 * In production, removes every suggestion from error messages (validation errors, enum values in
 * variables, unknown arguments), so that nobody maps the schema from its hints.
 */
function hideSuggestionsIf(production: boolean, format: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError) {
  if (!production) return format;
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = format(formatted, error);
    return result.message.includes('Did you mean') ? { ...result, message: result.message.replace(SUGGESTION, '') } : result;
  };
}

/**
 * Builds the gateway's Apollo Server over a supergraph composed ahead of time, with its protections:
 * query limits, no field suggestions, masked errors, CSRF prevention, no batched requests, trusted
 * documents and closed introspection as configured, a per-caller rate limit in resolved fields, the
 * authorisation and audit hooks, and one log line per request.
 */
export function createGateway(options: CreateGatewayOptions): ApolloServer<GatewayContext> {
  const production = options.production ?? false;
  const writes = options.writes ?? new CallerWrites();
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name];
      if (!url) throw new Error(`no URL configured for subgraph ${name}`);
      return observeSubgraphFetches(name, createSubgraphDataSource({ name, url, gatewayKey: options.gatewayKey, logger: options.logger, limits: options.subgraphCalls, writes }));
    },
  });
  const protection = options.queryLimits === false ? { plugins: [], validationRules: [] } : armorFor(production).protect();
  return new ApolloServer<GatewayContext>({
    gateway,
    ...protection,
    // graphql-armor's types come from Apollo Server's CommonJS build; the objects are the same.
    plugins: [
      // Nothing goes to Apollo's services, whatever APOLLO_KEY and APOLLO_GRAPH_REF say.
      ...noReportingPlugins<GatewayContext>(),
      ...(protection.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
      requestGuardsPlugin({ introspectionForAll: !production }),
      rateLimitPlugin(options.budget ?? new CallerBudget(options.rateLimits)),
      policyAndAuditPlugin(options.audit, options.logger),
      // After every check that may refuse a request, so that a cached answer passes them all.
      ...(options.responseCache ? [responseCachePlugin(options.responseCache)] : []),
      // Last, so that its line reports the response as finally sent.
      requestLogPlugin(options.logger),
    ],
    validationRules: [...protection.validationRules],
    // Introspection is decided per caller (requestGuardsPlugin); Apollo's switch would close it to all.
    introspection: true,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Trusted documents replace Apollo's automatic persisted queries, which would register anything.
    persistedQueries: false,
    includeStacktraceInErrorResponses: false,
    formatError: hideSuggestionsIf(
      production,
      createFormatError((formatted, error) => options.logger.error({ err: error, path: formatted.path }, 'unexpected error')),
    ),
    // Shutdown is ours (scripts/start.ts): Apollo's own signal handlers would race with it.
    stopOnTerminationSignals: false,
  });
}
