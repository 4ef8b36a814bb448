import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../server/listen.js';
import { metricsRoute } from './metrics-route.js';

let server: Listening | undefined;

afterEach(async () => {
  await server?.close(0);
  server = undefined;
});

async function serve(token?: string): Promise<string> {
  const app = express();
  app.get('/metrics', metricsRoute(token));
  server = await listen(app, '127.0.0.1', 0);
  return `${server.url}/metrics`;
}

describe('GET /metrics', () => {
  it("serves the process's metrics in Prometheus text format", async () => {
    const response = await fetch(await serve());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    expect(text).toContain('# TYPE process_cpu_seconds_total counter');
    expect(text).toContain('# TYPE graphql_requests_total counter');
    expect(text).toContain('# TYPE db_pool_connections gauge');
  });

  it('requires the bearer token when one is configured', async () => {
    const url = await serve('a-metrics-token-of-some-length');
    expect((await fetch(url)).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer a-metrics-token-of-some-lengtX' } })).status).toBe(401);
    expect((await fetch(url, { headers: { authorization: 'Bearer short' } })).status).toBe(401);
    const response = await fetch(url, { headers: { authorization: 'Bearer a-metrics-token-of-some-length' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('graphql_requests_total');
  });
});
