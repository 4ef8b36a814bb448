import { readFile } from 'node:fs/promises';
import type { ApolloServer } from '@apollo/server';
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairInMemory } from '../platform/identity/key-pair.js';
import { createLogger } from '../platform/logger.js';
import { createSubgraphApollo } from '../platform/server/start-subgraph.js';
import { catalogService } from '../subgraphs/catalog/service.js';
import { supergraphFile } from './compose.js';
import { createGateway } from './create-gateway.js';

/** The Apollo features that send data to Apollo's services. */
const REPORTING = ['UsageReporting', 'SchemaReporting', 'InlineTrace'];

type InternalPlugin = { __internal_plugin_id__?: string; __is_disabled_plugin__?: boolean };

/** The reporting plugins a started server actually runs (not the "disabled" markers). */
function activeReporting(server: ApolloServer<never>): string[] {
  const plugins = (server as unknown as { internals: { plugins: InternalPlugin[] } }).internals.plugins;
  return plugins.filter((p) => REPORTING.includes(p.__internal_plugin_id__ ?? '') && !p.__is_disabled_plugin__).map((p) => p.__internal_plugin_id__ ?? '');
}

const saved = { key: process.env.APOLLO_KEY, graphRef: process.env.APOLLO_GRAPH_REF, schemaReporting: process.env.APOLLO_SCHEMA_REPORTING };
afterEach(() => {
  delete process.env.APOLLO_KEY;
  delete process.env.APOLLO_GRAPH_REF;
  delete process.env.APOLLO_SCHEMA_REPORTING;
  if (saved.key !== undefined) process.env.APOLLO_KEY = saved.key;
  if (saved.graphRef !== undefined) process.env.APOLLO_GRAPH_REF = saved.graphRef;
  if (saved.schemaReporting !== undefined) process.env.APOLLO_SCHEMA_REPORTING = saved.schemaReporting;
});

describe('nothing is reported to Apollo, whatever the environment holds', () => {
  it('installs no usage, schema or trace reporting in the gateway with APOLLO_KEY and APOLLO_GRAPH_REF set', async () => {
    Object.assign(process.env, { APOLLO_KEY: 'service:probe:0123456789abcdef', APOLLO_GRAPH_REF: 'probe@current', APOLLO_SCHEMA_REPORTING: 'true' });
    const gateway = createGateway({
      supergraphSdl: await readFile(supergraphFile, 'utf8'),
      gatewayKey: await generateKeyPairInMemory('probe'),
      subgraphUrls: { catalog: 'http://127.0.0.1:9/graphql', access: 'http://127.0.0.1:9/graphql', lineage: 'http://127.0.0.1:9/graphql' },
      logger: createLogger('silent'),
    });
    await gateway.start();
    try {
      expect(activeReporting(gateway as unknown as ApolloServer<never>)).toEqual([]);
    } finally {
      await gateway.stop();
    }
  });

  it('installs none in a subgraph either', async () => {
    Object.assign(process.env, { APOLLO_KEY: 'service:probe:0123456789abcdef', APOLLO_GRAPH_REF: 'probe@current', APOLLO_SCHEMA_REPORTING: 'true' });
    const subgraph = createSubgraphApollo(catalogService, createLogger('silent'));
    await subgraph.start();
    try {
      expect(activeReporting(subgraph as unknown as ApolloServer<never>)).toEqual([]);
    } finally {
      await subgraph.stop();
    }
  });
});
