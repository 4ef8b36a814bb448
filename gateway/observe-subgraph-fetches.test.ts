import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { subgraphFetchDuration, subgraphFetchErrors } from '../platform/observability/metrics.js';
import { listen, type Listening } from '../platform/server/listen.js';
import { observeSubgraphFetches } from './observe-subgraph-fetches.js';

let server: Listening;

beforeAll(async () => {
  server = await listen(
    (req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/fail') res.statusCode = 500;
      res.end(JSON.stringify({ data: { __typename: 'Query' } }));
    },
    '127.0.0.1',
    0,
  );
});

afterAll(async () => {
  await server.close(0);
});

function call(dataSource: RemoteGraphQLDataSource<Record<string, never>>) {
  return dataSource.process({
    // GraphQLDataSourceRequestKind.HEALTH_CHECK, which the package does not export.
    kind: 'health check',
    request: { query: '{ __typename }' },
    context: {},
  } as GraphQLDataSourceProcessOptions<Record<string, never>>);
}

async function fetches(subgraph: string, outcome: string): Promise<number> {
  const { values } = await subgraphFetchDuration.get();
  return (
    values.find((v) => v.metricName === 'subgraph_fetch_duration_seconds_count' && v.labels.subgraph === subgraph && v.labels.outcome === outcome)?.value ?? 0
  );
}

async function errors(subgraph: string): Promise<number> {
  const { values } = await subgraphFetchErrors.get();
  return values.find((v) => v.labels.subgraph === subgraph)?.value ?? 0;
}

describe('observeSubgraphFetches', () => {
  it("times a data source's successful calls", async () => {
    const dataSource = observeSubgraphFetches('fetch-ok', new RemoteGraphQLDataSource<Record<string, never>>({ url: `${server.url}/ok` }));
    await call(dataSource);
    await call(dataSource);
    expect(await fetches('fetch-ok', 'success')).toBe(2);
    expect(await errors('fetch-ok')).toBe(0);
  });

  it('counts HTTP errors and unreachable subgraphs as errors, and still lets the data source fail', async () => {
    const failing = observeSubgraphFetches('fetch-failing', new RemoteGraphQLDataSource<Record<string, never>>({ url: `${server.url}/fail` }));
    await expect(call(failing)).rejects.toThrow();
    const closed = await listen((_req, res) => res.end(), '127.0.0.1', 0);
    await closed.close(0);
    const unreachable = observeSubgraphFetches('fetch-unreachable', new RemoteGraphQLDataSource<Record<string, never>>({ url: `${closed.url}/graphql` }));
    await expect(call(unreachable)).rejects.toThrow();
    expect(await fetches('fetch-failing', 'error')).toBe(1);
    expect(await errors('fetch-failing')).toBe(1);
    expect(await fetches('fetch-unreachable', 'error')).toBe(1);
    expect(await errors('fetch-unreachable')).toBe(1);
  });
});
