import { readFile } from 'node:fs/promises';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { ErrorCode, apiError } from '../platform/graphql/errors.js';
import { anonymousCaller, type Caller } from '../platform/identity/caller.js';
import type { Config } from '../platform/config.js';
import type { Identity } from '../platform/identity/load-identity.js';
import type { Logger } from '../platform/logger.js';
import { listen } from '../platform/server/listen.js';
import { supergraphFile } from './compose.js';
import { createGateway, type GatewayContext } from './create-gateway.js';
import { CallerBudget } from './caller-budget.js';
import { CallerWrites } from './caller-writes.js';
import type { DataGenerations } from './response-cache/data-generations.js';
import { OperationSubgraphs } from './response-cache/operation-subgraphs.js';
import { DEFAULT_RESPONSE_CACHE_TTL_SECONDS } from './response-cache/response-cache-plugin.js';
import { MemoryResponseStore, RedisResponseStore, type ResponseStore } from './response-cache/response-store.js';
import { explorerRouter } from './explorer.js';
import type { AuditWriter } from './policy-plugin.js';
import { forwardedHeaders, restProxy } from './rest-proxy.js';
import { graphqlErrorResponse } from './graphql-error-response.js';
import { httpMetrics } from '../platform/observability/http-metrics.js';
import { MAX_OPERATION_LABELS, metricsPlugin } from '../platform/observability/metrics-plugin.js';
import { BoundedLabels } from '../platform/observability/bounded-labels.js';
import { AnswerReplay } from './response-cache/answer-replay.js';
import { answerReplayMiddleware } from './response-cache/answer-replay-middleware.js';
import { metricsRoute } from '../platform/observability/metrics-route.js';
import { serviceSpanAttribute } from '../platform/observability/service-span-attribute.js';
import { createReadiness } from '../platform/server/readiness.js';
import { subgraphReadinessChecks } from './subgraph-readiness-checks.js';
import { DEFAULT_SUBGRAPH_CALL_LIMITS } from './subgraph-data-source.js';
import { TrustedDocuments, trustedDocumentsGate, trustedDocumentsMiddleware } from './trusted-documents.js';
import { documentLimitsMiddleware } from './document-limits.js';

export interface StartGatewayOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  subgraphUrls: Readonly<Record<string, string>>;
  logger: Logger;
  identity: Identity;
  /** Writes the gateway's audit entries (the access subgraph's audit trail). */
  audit?: AuditWriter | undefined;
  /** Defaults to the committed `gateway/supergraph.graphql`. */
  supergraphSdl?: string;
  /** Production hardening (see `Config.production`); off by default, as in development and tests. */
  production?: boolean;
  /** Bearer token `/metrics` requires (`Config.metricsToken`); absent, `/metrics` is open. */
  metricsToken?: string | undefined;
  /** How long `stop()` lets requests in flight finish (`Config.shutdownGraceMs`); 10 s by default. */
  shutdownGraceMs?: number | undefined;
  /** Request rules (see `Config.gateway`); by default trusted documents are required in production only. */
  rules?: Partial<Config['gateway']>;
  /** Query limits on (the default); off only to measure what they cost. */
  queryLimits?: boolean;
  /**
   * The subgraphs' data generations as heard from the database (`DataGenerations.hear`): with them, the
   * gateway keeps answers (`rules.responseCacheTtlSeconds`, 30 s by default; 0 turns it off) in `store`
   * (by default Redis when `rules.redisUrl` is set, else this process's memory).
   */
  changes?: DataGenerations | undefined;
  store?: ResponseStore | undefined;
}

/** A running gateway. */
export interface RunningGateway {
  /** Base URL; GraphQL is at `${url}/graphql`. */
  readonly url: string;
  /** Where a person starts: the GraphQL endpoint, and the API explorer (development only, absent in production). */
  readonly entryPoints: { readonly graphql: string; readonly explorer?: string };
  stop(): Promise<void>;
}

/**
 * Starts the gateway: `/graphql` (the supergraph), `/health` (alive), `/ready` (every subgraph answers),
 * `/metrics` (Prometheus) and the REST proxy. `stop()` turns `/ready` to 503, refuses new connections, lets
 * requests in flight finish (up to the grace period), then stops Apollo Server.
 */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const supergraphSdl = options.supergraphSdl ?? (await readFile(supergraphFile, 'utf8'));
  const trustedDocuments = await TrustedDocuments.load();
  const required = (options.rules?.trustedDocuments ?? (options.production ? 'required' : 'optional')) === 'required';
  // One budget per caller for GraphQL and the REST routes alike, in Redis (shared by the replicas) with REDIS_URL.
  const budget = new CallerBudget(options.rules?.rateLimits, options.rules?.redisUrl);
  // Callers' latest writes, told to every gateway through Redis with REDIS_URL (read-your-writes).
  const writes = new CallerWrites(options.rules?.redisUrl);
  const ttlSeconds = options.rules?.responseCacheTtlSeconds ?? DEFAULT_RESPONSE_CACHE_TTL_SECONDS;
  // Shared by every gateway with REDIS_URL, else this process's memory; none without the cache.
  const store: ResponseStore | undefined =
    options.changes === undefined || ttlSeconds === 0
      ? undefined
      : (options.store ?? (options.rules?.redisUrl ? new RedisResponseStore(options.rules.redisUrl) : new MemoryResponseStore()));
  // The answers this gateway builds, replayed before Apollo Server while they stay exact (answer-replay.ts).
  const replay = store && options.changes ? new AnswerReplay(options.changes, ttlSeconds) : undefined;
  const operationLabels = new BoundedLabels(MAX_OPERATION_LABELS);
  const apollo = createGateway({
    supergraphSdl,
    subgraphUrls: options.subgraphUrls,
    logger: options.logger,
    gatewayKey: options.identity.gatewayKey,
    audit: options.audit,
    production: options.production,
    budget,
    writes,
    queryLimits: options.queryLimits,
    responseCache: options.changes && store ? { generations: options.changes, subgraphs: new OperationSubgraphs(supergraphSdl), store, ttlSeconds, replay } : undefined,
    subgraphCalls: options.rules?.subgraphTimeoutMs === undefined ? undefined : { ...DEFAULT_SUBGRAPH_CALL_LIMITS, timeoutMs: options.rules.subgraphTimeoutMs },
  });
  apollo.addPlugin(metricsPlugin('gateway', operationLabels));
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer, the client's address (anonymous callers' rate-limit key) is in X-Forwarded-For.
  if (options.rules?.trustProxy !== undefined) app.set('trust proxy', options.rules.trustProxy);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (!options.production) {
    app.use('/explorer', explorerRouter({ graphqlPath: '/graphql' }));
    app.get('/', (_req, res) => {
      res.redirect(302, '/explorer');
    });
  }
  // The development issuer's keys are never published by a production gateway (which refuses to start
  // without an external issuer anyway).
  const devJwks = options.identity.devIssuerJwks;
  if (devJwks && !options.production) {
    app.get('/.well-known/jwks.json', (_req, res) => {
      res.json(devJwks);
    });
  }
  // Operations endpoints: /ready checks every subgraph's /health; neither is meant for the public network.
  const readiness = createReadiness({ checks: subgraphReadinessChecks(options.subgraphUrls), logger: options.logger, production: options.production });
  app.get('/ready', readiness.handler);
  app.get('/metrics', metricsRoute(options.metricsToken));
  app.use(serviceSpanAttribute('gateway'));
  const lineageUrl = options.subgraphUrls.lineage;
  if (lineageUrl) {
    app.use(
      '/api/v1',
      httpMetrics('gateway', '/api/v1'),
      ...restProxy({
        target: `${lineageUrl.replace(/\/graphql$/, '')}/api/v1`,
        subgraph: 'lineage',
        onWrite: () => options.changes?.changed(['lineage']),
        gatewayKey: options.identity.gatewayKey,
        authenticate: (authorization) => authenticate(options.identity, authorization),
        audit: options.audit,
        logger: options.logger,
        budget,
      }),
    );
  }
  // The harvestable DCAT-AP export of the catalog: /catalogue, /catalogue.ttl|.jsonld|.rdf and
  // /catalogue/datasets/<id>, forwarded whole (extension and query) to the catalog's /api.
  const catalogUrl = options.subgraphUrls.catalog;
  if (catalogUrl) {
    app.use(
      '/catalogue{.:format}',
      httpMetrics('gateway', '/catalogue'),
      ...restProxy({
        target: `${catalogUrl.replace(/\/graphql$/, '')}/api`,
        subgraph: 'catalog',
        onWrite: () => options.changes?.changed(['catalog']),
        gatewayKey: options.identity.gatewayKey,
        authenticate: (authorization) => authenticate(options.identity, authorization),
        audit: options.audit,
        logger: options.logger,
        upstreamPath: (req) => req.originalUrl,
        publicUrl: options.rules?.publicUrl,
        budget,
      }),
    );
  }
  app.use(
    '/graphql',
    // The caller first: nobody gets a body read before its token is checked.
    authenticateRequest(options.identity),
    express.json({ limit: '256kb' }),
    trustedDocumentsMiddleware(trustedDocuments),
    // A repeated answer, before the checks its key already decides (answer-replay-middleware.ts).
    ...(replay ? [answerReplayMiddleware({ replay, budget, audit: options.audit, logger: options.logger, operations: operationLabels, forwarded: (req) => forwardedHeaders(req, options.rules?.publicUrl) })] : []),
    documentLimitsMiddleware({ exposeLimits: !options.production }),
    ...(required ? [trustedDocumentsGate(trustedDocuments)] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }): Promise<GatewayContext> => ({
        acceptLanguage: req.headers['accept-language'],
        caller: res.locals.caller as Caller,
        clientAddress: req.ip,
        forwarded: forwardedHeaders(req, options.rules?.publicUrl),
      }),
    }),
  );
  app.use(jsonErrors(options.logger));
  const listening = await listen(app, options.host, options.port);
  options.logger.info({ url: `${listening.url}/graphql` }, 'gateway listening');
  return {
    url: listening.url,
    entryPoints: { graphql: `${listening.url}/graphql`, ...(options.production ? {} : { explorer: `${listening.url}/explorer` }) },
    stop: async () => {
      // Load balancers see 503 at /ready at once; requests in flight finish before Apollo stops.
      readiness.drain();
      await listening.close(options.shutdownGraceMs);
      await apollo.stop();
      if (!options.store) await store?.close?.();
      budget.close();
      writes.close();
    },
  };
}

/** The start-up line a person reads: where to open the explorer (when served) and where GraphQL answers. */
export function readyMessage(entryPoints: RunningGateway['entryPoints']): string {
  return entryPoints.explorer
    ? `ready: open ${entryPoints.explorer} in a browser; GraphQL at ${entryPoints.graphql}`
    : `ready: GraphQL at ${entryPoints.graphql}`;
}

/**
 * The caller of a request: anonymous without an Authorization header; otherwise the bearer token must
 * verify, or the request is refused with 401 `UNAUTHENTICATED` (a bad token never degrades to anonymous).
 */
async function authenticate(identity: Identity, authorization: string | undefined): Promise<Caller> {
  const requestId = randomUUID();
  if (authorization === undefined || authorization === '') return anonymousCaller(requestId);
  const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(authorization.trim());
  if (!match?.[1]) {
    throw apiError(ErrorCode.UNAUTHENTICATED, 'The Authorization header must be "Bearer <token>".', { http: { status: 401 } });
  }
  return identity.callers.verify(match[1], requestId);
}

/**
 * Express middleware: verifies the caller once, before anything reads the document, and keeps it in
 * `res.locals.caller`; a bad token is answered 401 `UNAUTHENTICATED` in the GraphQL error shape.
 */
function authenticateRequest(identity: Identity): express.RequestHandler {
  return async (req, res, next) => {
    try {
      res.locals.caller = await authenticate(identity, req.headers.authorization);
    } catch (error) {
      if (!(error instanceof GraphQLError) || error.extensions.code !== ErrorCode.UNAUTHENTICATED) return next(error);
      const { http: _http, ...extensions } = error.extensions;
      res.status(401).setHeader('www-authenticate', 'Bearer').json({ errors: [{ message: error.message, extensions }] });
      return;
    }
    next();
  };
}

/**
 * The last word on errors outside GraphQL (body parsing, unexpected failures): a JSON answer in the
 * GraphQL error shape with a stable code, never Express's HTML page with its stack trace.
 */
function jsonErrors(logger: Logger): express.ErrorRequestHandler {
  return (error: Error & { type?: string }, _req, res, _next) => {
    const answer = (status: number, code: string, message: string) => graphqlErrorResponse(res, status, code, message);
    if (res.headersSent) return;
    if (error.type === 'entity.too.large') return void answer(413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.');
    if (error.type === 'entity.parse.failed') return void answer(400, 'BAD_REQUEST', 'The request body is not valid JSON.');
    logger.error({ err: error }, 'unexpected error');
    answer(500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  };
}
