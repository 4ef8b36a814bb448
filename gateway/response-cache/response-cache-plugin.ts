import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { isInternal, type Caller } from '../../platform/identity/caller.js';
import type { GatewayContext } from '../create-gateway.js';
import { documentHashOf } from '../policy-plugin.js';
import { countResolvedFields } from '../rate-limit-plugin.js';
import { replayKey, type AnswerReplay } from './answer-replay.js';
import type { DataGenerations } from './data-generations.js';
import type { OperationSubgraphs } from './operation-subgraphs.js';
import type { ResponseStore } from './response-store.js';

/** Seconds a cached answer lives at most, changes aside (a permit's end is a change no write makes). */
export const DEFAULT_RESPONSE_CACHE_TTL_SECONDS = 30;

/** The response cache as the gateway is given it. */
export interface ResponseCache {
  readonly generations: DataGenerations;
  readonly subgraphs: OperationSubgraphs;
  readonly store: ResponseStore;
  readonly ttlSeconds: number;
  /** Where the answers this gateway builds are also kept for replay before Apollo (`answerReplayMiddleware`). */
  readonly replay?: AnswerReplay | undefined;
}

/**
 * Whose entries a caller may read: every anonymous caller shares one scope (they all see the same
 * thing); a signed-in partner has a scope of its own (subject, organisation and roles, so a change of
 * role or organisation is a new scope); internal roles are never served from the cache, since what
 * they read (the audit trail, applications under review) changes with every request.
 */
export function cacheScope(caller: Caller): string | null {
  if (caller.subject === null) return 'anonymous';
  if (isInternal(caller)) return null;
  return JSON.stringify([caller.subject, caller.organisationId, [...caller.roles].sort()]);
}

/** The header telling a client whether its answer came from the cache (`HIT`) or not (`MISS`). */
export const CACHE_STATUS_HEADER = 'x-cache';

/**
 * Serves a query from the response cache when the same caller scope (`cacheScope`) sent the same
 * document with the same variables, language and public address while the data of every subgraph the
 * answer is built from (`OperationSubgraphs`) stayed at the same generation (`DataGenerations`), and
 * for at most `ttlSeconds`. Only answers without errors are kept. Runs after the limits, the rate limit
 * and the policy checks (which still decide on a cached answer), and the audit trail records cached
 * answers like the others. A query sent by GET is answered with `Cache-Control: public, max-age=<ttl>`
 * when it is an anonymous answer without errors (the same for every anonymous caller, so a CDN may keep
 * it; Express adds the `ETag`), and `private, no-store` otherwise. A mutation moves the subgraphs it touches to a new generation before its
 * answer is sent, so its caller never reads the state from before its own write.
 */
export function responseCachePlugin(cache: ResponseCache): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      /** Set once the query may be cached: the answer's key (`replayKey`), its scope, and what it is built on. */
      let cacheable: { answer: string; scope: string; subgraphs: string[]; generations: string } | undefined;
      let hit = false;
      return {
        async responseForOperation(requestContext) {
          if (requestContext.operation?.operation !== 'query') return null;
          const scope = cacheScope(requestContext.contextValue.caller);
          if (scope === null) return null;
          const subgraphs = [...cache.subgraphs.of(requestContext.schema, requestContext.document)];
          const generations = cache.generations.of(subgraphs);
          if (generations === null) return null;
          const { contextValue, request } = requestContext;
          cacheable = { answer: replayKey(scope, request, contextValue.acceptLanguage, contextValue.forwarded), scope, subgraphs, generations };
          const kept = await cache.store.get(storeKey(cacheable)).catch(() => undefined);
          if (kept === undefined) return null;
          hit = true;
          const headers = new HeaderMap([[CACHE_STATUS_HEADER, 'HIT']]);
          return { http: { status: undefined, headers }, body: { kind: 'single', singleResult: JSON.parse(kept) as FormattedExecutionResult } };
        },
        async willSendResponse(requestContext) {
          const { operation, response } = requestContext;
          if (operation?.operation === 'mutation' && requestContext.document) {
            cache.generations.changed(cache.subgraphs.of(requestContext.schema, requestContext.document));
            return;
          }
          if (requestContext.request.http?.method === 'GET') {
            // What a CDN in front may keep: an anonymous answer without errors, for the cache's lifetime.
            const shared = cacheable?.scope === 'anonymous' && response.body.kind === 'single' && !response.body.singleResult.errors?.length;
            response.http.headers.set('cache-control', shared ? `public, max-age=${cache.ttlSeconds}` : 'private, no-store');
          }
          if (cacheable === undefined || hit) return;
          response.http.headers.set(CACHE_STATUS_HEADER, 'MISS');
          if (response.body.kind !== 'single' || response.body.singleResult.errors?.length) return;
          if (response.http.status !== undefined && response.http.status !== 200) return;
          const body = JSON.stringify(response.body.singleResult);
          await cache.store.set(storeKey(cacheable), body, cache.ttlSeconds).catch(() => undefined);
          // Fresh answers only: one read from the store may be near the end of its lifetime.
          if (cache.replay && requestContext.request.http?.method === 'POST') {
            const { request, source } = requestContext;
            cache.replay.remember(cacheable.answer, {
              body,
              subgraphs: cacheable.subgraphs,
              generations: cacheable.generations,
              fields: countResolvedFields(response.body.singleResult.data),
              operationName: requestContext.operationName ?? request.operationName ?? null,
              documentHash: documentHashOf(source ?? request.query),
            });
          }
        },
      };
    },
  };
}

/** Where an answer is kept in the store: its key and the generations of the data it is built from. */
function storeKey(cacheable: { answer: string; generations: string }): string {
  return createHash('sha256').update(`${cacheable.answer}\n${cacheable.generations}`).digest('base64url');
}
