import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { currentLsn, WRITE_LSN_HEADER } from '../db/read-replica.js';
import { isMutationRequest } from '../graphql/operation-kind.js';
import { noReportingPlugins } from '../no-reporting.js';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import type { CryptoKey } from 'jose';
import type { Database } from '../db/database.js';
import { pingDatabase } from '../db/ping-database.js';
import { ChangeSequencer } from '../db/change-sequencer.js';
import type { Caller } from '../identity/caller.js';
import { createInternalTokenVerifier, REQUEST_ID_HEADER, requestIdOf } from '../identity/internal-token.js';
import { ErrorCode } from '../graphql/errors.js';
import { createFormatError } from '../graphql/format-error.js';
import { refuseUnsafeTextArguments } from '../graphql/refuse-unsafe-text.js';
import type { Logger } from '../logger.js';
import { httpMetrics } from '../observability/http-metrics.js';
import { metricsPlugin } from '../observability/metrics-plugin.js';
import { metricsRoute } from '../observability/metrics-route.js';
import { serviceSpanAttribute } from '../observability/service-span-attribute.js';
import { listen } from './listen.js';
import { createReadiness } from './readiness.js';
import { refuseUnsafeUrl } from './refuse-unsafe-url.js';
import type { SubgraphService } from './subgraph-service.js';

/** A running subgraph. */
export interface RunningSubgraph {
  readonly name: string;
  /** The GraphQL endpoint, e.g. http://127.0.0.1:4001/graphql. */
  readonly url: string;
  stop(): Promise<void>;
}

export interface StartSubgraphOptions {
  database: Database;
  host: string;
  /** 0 picks a free port. */
  port: number;
  logger: Logger;
  /** The gateway's public key: the only signer whose identity tokens the subgraph accepts. */
  gatewayPublicKey: CryptoKey;
  /** Production: `/ready` names failing checks without their details. */
  production?: boolean | undefined;
  /** Bearer token `/metrics` requires (`Config.metricsToken`); absent, `/metrics` is open. */
  metricsToken?: string | undefined;
  /** How long `stop()` lets requests in flight finish (`Config.shutdownGraceMs`); 10 s by default. */
  shutdownGraceMs?: number | undefined;
  /** Numbered change events are kept this many days (CHANGE_RETENTION_DAYS; default 90). */
  changeRetentionDays?: number | undefined;
}

/** Builds the Apollo Server of a subgraph, without any HTTP (tests call `executeOperation` on it). */
export function createSubgraphApollo<Context extends object>(service: SubgraphService<Context>, logger: Logger, database?: Database): ApolloServer<Context> {
  return new ApolloServer<Context>({
    schema: refuseUnsafeTextArguments(buildSubgraphSchema([{ typeDefs: service.typeDefs, resolvers: service.resolvers }])),
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (scripts/start.ts): Apollo's own signal handlers would race with it.
    stopOnTerminationSignals: false,
    // Nothing is reported anywhere (traces are a usage-reporting feature).
    plugins: [...noReportingPlugins<Context>(), metricsPlugin(service.name), ...(database?.replica ? [writeLsnPlugin<Context>(database, logger)] : [])],
    formatError: createFormatError(
      (formatted, error) => logger.error({ err: error, path: formatted.path, subgraph: service.name }, 'unexpected error'),
      (formatted, sqlState) => logger.warn({ sqlState, path: formatted.path, subgraph: service.name }, 'value refused by the database'),
    ),
  });
}

/**
 * Starts a subgraph over HTTP: `/graphql`, `/health` (alive), `/ready` (the database answers), `/metrics`
 * (Prometheus), and its REST endpoints under `/api`. The database must already be migrated. `stop()` turns
 * `/ready` to 503, refuses new connections, lets requests in flight finish (up to the grace period), then
 * stops Apollo Server; the database is the caller's to close.
 */
export async function startSubgraph<Context extends object>(
  service: SubgraphService<Context>,
  options: StartSubgraphOptions,
): Promise<RunningSubgraph> {
  const log = options.logger.child({ subgraph: service.name });
  const apollo = createSubgraphApollo(service, log, options.database);
  const app = express();
  app.disable('x-powered-by');
  await apollo.start();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', subgraph: service.name });
  });
  const readiness = createReadiness({
    checks: [{ name: 'database', probe: () => pingDatabase(options.database) }],
    logger: log,
    production: options.production,
  });
  app.get('/ready', readiness.handler);
  app.get('/metrics', metricsRoute(options.metricsToken));
  app.use(serviceSpanAttribute(service.name));
  // One verifier (and its cache of verified tokens) for the REST and GraphQL faces alike.
  const gatewayIdentity = requireGatewayIdentity(options.gatewayPublicKey, service.name);
  if (service.http) {
    app.use('/api', httpMetrics(service.name), gatewayIdentity, refuseUnsafeUrl(), service.http(options.database, { logger: log }));
  }
  app.use(
    '/graphql',
    gatewayIdentity,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) =>
        service.createContext(options.database, { headers: req.headers, caller: res.locals.caller as Caller, writes: isMutationRequest(req.body) }),
    }),
  );
  // Anything unexpected: a JSON 500 without details (they go to the log).
  app.use((error: Error, _req: express.Request, res: express.Response, _next: express.NextFunction) => {
    log.error({ err: error }, 'unexpected error');
    if (!res.headersSent) res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' });
  });
  const sequencer = service.changeChannel ? new ChangeSequencer(options.database, service.schema, log, options.changeRetentionDays) : undefined;
  // A database that does not answer yet must not stop the subgraph from starting (its /ready says so).
  await sequencer?.start(service.changeChannel as string).catch((error: unknown) => log.warn({ err: error }, 'the change outbox will not be numbered by this process'));
  const stopBackground = service.startBackground?.(options.database, { logger: log });
  const l = await listen(app, options.host, options.port);
  log.info({ url: `${l.url}/graphql` }, 'subgraph listening');
  return {
    name: service.name,
    url: `${l.url}/graphql`,
    stop: async () => {
      readiness.drain();
      await l.close(options.shutdownGraceMs);
      await apollo.stop();
      await stopBackground?.();
      await sequencer?.stop();
      await service.close?.(options.database);
    },
  };
}

/**
 * Refuses (401, `UNAUTHENTICATED`) every request that does not carry a valid identity token signed by the
 * gateway for this subgraph — `_service` and `_entities` included — and keeps the caller it names.
 */
function requireGatewayIdentity(publicKey: CryptoKey, audience: string): express.RequestHandler {
  const verify = createInternalTokenVerifier(publicKey, audience);
  return (req, res, next) => {
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : '';
    verify(token, requestIdOf(req.headers[REQUEST_ID_HEADER])).then(
      (caller) => {
        res.locals.caller = caller;
        next();
      },
      (error: Error) => {
        res.status(401).json({ errors: [{ message: error.message, extensions: { code: ErrorCode.UNAUTHENTICATED } }] });
      },
    );
  };
}

/**
 * With a read replica: a mutation's answer says where the primary's log stood after it
 * (`X-HMG-Write-LSN`), for the gateway to send back as `X-HMG-Read-After` with the caller's next
 * requests, whichever replica serves them (read-your-writes). Failing to say is logged, never an error.
 */
function writeLsnPlugin<Context extends object>(database: Database, logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ operation, response }) {
          if (operation?.operation !== 'mutation') return;
          try {
            response.http.headers.set(WRITE_LSN_HEADER, await currentLsn(database.db));
          } catch (error) {
            logger.warn({ err: error }, 'could not read where the log stands after a write');
          }
        },
      };
    },
  };
}
