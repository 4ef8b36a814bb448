import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { graphqlRequestDuration, graphqlRequests } from './metrics.js';
import { metricsPlugin } from './metrics-plugin.js';

const service = 'plugin-test';

const server = new ApolloServer({
  typeDefs: 'type Query { ok: Boolean, fail: Boolean }',
  resolvers: {
    Query: {
      ok: () => true,
      fail: () => {
        throw new Error('boom');
      },
    },
  },
  plugins: [metricsPlugin(service)],
});

async function count(operation: string, outcome: string): Promise<number> {
  const { values } = await graphqlRequests.get();
  return values.find((v) => v.labels.service === service && v.labels.operation === operation && v.labels.outcome === outcome)?.value ?? 0;
}

async function timed(operation: string, outcome: string): Promise<number> {
  const { values } = await graphqlRequestDuration.get();
  const sample = values.find(
    (v) => v.metricName === 'graphql_request_duration_seconds_count' && v.labels.service === service && v.labels.operation === operation && v.labels.outcome === outcome,
  );
  return sample?.value ?? 0;
}

describe('metricsPlugin', () => {
  it('counts and times requests by operation name and outcome', async () => {
    await server.executeOperation({ query: 'query Fine { ok }' });
    await server.executeOperation({ query: 'query Fine { ok }' });
    await server.executeOperation({ query: 'query Failing { fail }' });
    await server.executeOperation({ query: '{ ok }' });
    expect(await count('Fine', 'success')).toBe(2);
    expect(await timed('Fine', 'success')).toBe(2);
    expect(await count('Failing', 'error')).toBe(1);
    expect(await count('anonymous', 'success')).toBe(1);
  });

  it('counts documents stopped before execution as refused', async () => {
    await server.executeOperation({ query: 'query Broken {' });
    await server.executeOperation({ query: 'query Invalid { missing }' });
    // Unparsable: no name can be read, so the client's operationName is not used as a label.
    expect(await count('anonymous', 'refused')).toBe(1);
    expect(await count('Broken', 'refused')).toBe(0);
    expect(await count('Invalid', 'refused')).toBe(1);
  });
});

describe('metricsPlugin, when another plugin throws', () => {
  // graphql-armor refuses an over-long document by throwing from its own plugin, not with a response.
  const thrower: ApolloServerPlugin = {
    async requestDidStart({ request }) {
      if (request.query?.includes('refuseMe')) throw new GraphQLError('Syntax Error: too many tokens.');
      if (request.query?.includes('crashMe')) throw new Error('a bug');
    },
  };
  const guarded = new ApolloServer({
    typeDefs: 'type Query { ok: Boolean }',
    resolvers: { Query: { ok: () => true } },
    plugins: [metricsPlugin('throwing-test'), thrower],
    // Apollo logs each such failure; the test expects them.
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });

  async function outcomes(): Promise<Record<string, number>> {
    const { values } = await graphqlRequests.get();
    return Object.fromEntries(values.filter((v) => v.labels.service === 'throwing-test').map((v) => [String(v.labels.outcome), v.value]));
  }

  it('counts a GraphQL error as refused and any other failure as an error', async () => {
    await guarded.executeOperation({ query: '{ refuseMe: ok }' }).catch(() => undefined);
    await guarded.executeOperation({ query: '{ crashMe: ok }' }).catch(() => undefined);
    expect(await outcomes()).toEqual({ refused: 1, error: 1 });
  });
});
