import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { createFormatError } from '../platform/graphql/format-error.js';
import type { Caller } from '../platform/identity/caller.js';
import { signInternalToken } from '../platform/identity/internal-token.js';
import type { KeyPair } from '../platform/identity/key-pair.js';
import type { Logger } from '../platform/logger.js';
import { ONWARD_CALLS, onwardIdentityHeader } from '../platform/identity/onward-identity.js';
import { policyAndAuditPlugin, type AuditWriter } from './policy-plugin.js';

/** What the gateway keeps about one incoming request and forwards to subgraphs. */
export interface GatewayContext {
  /** The caller's Accept-Language, passed on so subgraphs answer in the right language. */
  readonly acceptLanguage: string | undefined;
  /** The verified caller (anonymous without a bearer token). */
  readonly caller: Caller;
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
}

/**
 * Query limits applied before any planning: deep, wide or costly documents are refused with a
 * GraphQL error instead of reaching the subgraphs.
 */
const armor = new ApolloArmor({
  maxDepth: { n: 12 },
  maxAliases: { n: 15 },
  maxDirectives: { n: 20 },
  maxTokens: { n: 2000 },
  costLimit: { maxCost: 5000 },
  blockFieldSuggestion: { enabled: true },
});

/** Builds the gateway's Apollo Server over a supergraph composed ahead of time. */
export function createGateway(options: CreateGatewayOptions): ApolloServer<GatewayContext> {
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    buildService: ({ name }) => {
      const url = options.subgraphUrls[name];
      if (!url) throw new Error(`no URL configured for subgraph ${name}`);
      return new RemoteGraphQLDataSource<GatewayContext>({
        url,
        willSendRequest: async ({ request, context }) => {
          if (context.acceptLanguage) request.http?.headers.set('accept-language', context.acceptLanguage);
          // Every subgraph call carries the caller as the gateway's own short-lived token for that subgraph.
          request.http?.headers.set('authorization', `Bearer ${await signInternalToken(options.gatewayKey, context.caller, name)}`);
          // Subgraphs that ask other subgraphs (as the same caller) get a token for each of those.
          for (const callee of ONWARD_CALLS[name] ?? []) {
            request.http?.headers.set(onwardIdentityHeader(callee), `Bearer ${await signInternalToken(options.gatewayKey, context.caller, callee)}`);
          }
        },
      });
    },
  });
  const protection = armor.protect();
  return new ApolloServer<GatewayContext>({
    gateway,
    ...protection,
    // graphql-armor's types come from Apollo Server's CommonJS build; the objects are the same.
    plugins: [
      ...(protection.plugins as unknown as ApolloServerPlugin<GatewayContext>[]),
      policyAndAuditPlugin(options.audit, options.logger),
    ],
    validationRules: [...protection.validationRules],
    formatError: createFormatError((formatted, error) => options.logger.error({ err: error, path: formatted.path }, 'unexpected error')),
    // Shutdown is ours (scripts/start.ts): Apollo's own signal handlers would race with it.
    stopOnTerminationSignals: false,
  });
}
