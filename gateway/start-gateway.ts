import { readFile } from 'node:fs/promises';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Logger } from '../platform/logger.js';
import { listen } from '../platform/server/listen.js';
import { supergraphFile } from './compose.js';
import { createGateway, type GatewayContext } from './create-gateway.js';

export interface StartGatewayOptions {
  host: string;
  /** 0 picks a free port. */
  port: number;
  subgraphUrls: Readonly<Record<string, string>>;
  logger: Logger;
  /** Defaults to the committed `gateway/supergraph.graphql`. */
  supergraphSdl?: string;
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
  const apollo = createGateway({ supergraphSdl, subgraphUrls: options.subgraphUrls, logger: options.logger });
  await apollo.start();
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '256kb' }),
    expressMiddleware(apollo, {
      context: async ({ req }): Promise<GatewayContext> => ({ acceptLanguage: req.headers['accept-language'] }),
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
