import { readFile } from 'node:fs/promises';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { randomUUID } from 'node:crypto';
import { ErrorCode, apiError } from '../platform/graphql/errors.js';
import { anonymousCaller, type Caller } from '../platform/identity/caller.js';
import type { Identity } from '../platform/identity/load-identity.js';
import type { Logger } from '../platform/logger.js';
import { listen } from '../platform/server/listen.js';
import { supergraphFile } from './compose.js';
import { createGateway, type GatewayContext } from './create-gateway.js';
import type { AuditWriter } from './policy-plugin.js';
import { restProxy } from './rest-proxy.js';

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
}

/** A running gateway. */
export interface RunningGateway {
  /** Base URL; GraphQL is at `${url}/graphql`. */
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts the gateway: `/graphql` (the supergraph) and `/health`. */
export async function startGateway(options: StartGatewayOptions): Promise<RunningGateway> {
  const supergraphSdl = options.supergraphSdl ?? (await readFile(supergraphFile, 'utf8'));
  const apollo = createGateway({ supergraphSdl, subgraphUrls: options.subgraphUrls, logger: options.logger, gatewayKey: options.identity.gatewayKey, audit: options.audit });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const devJwks = options.identity.devIssuerJwks;
  if (devJwks) {
    app.get('/.well-known/jwks.json', (_req, res) => {
      res.json(devJwks);
    });
  }
  const lineageUrl = options.subgraphUrls.lineage;
  if (lineageUrl) {
    app.use(
      '/api/v1',
      ...restProxy({
        target: `${lineageUrl.replace(/\/graphql$/, '')}/api/v1`,
        subgraph: 'lineage',
        gatewayKey: options.identity.gatewayKey,
        authenticate: (authorization) => authenticate(options.identity, authorization),
        audit: options.audit,
      }),
    );
  }
  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GatewayContext> => ({
        acceptLanguage: req.headers['accept-language'],
        caller: await authenticate(options.identity, req.headers.authorization),
      }),
    }),
  );
  const listening = await listen(app, options.host, options.port);
  options.logger.info({ url: `${listening.url}/graphql` }, 'gateway listening');
  return {
    url: listening.url,
    stop: async () => {
      await listening.close();
      await apollo.stop();
    },
  };
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
