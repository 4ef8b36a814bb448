import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen, type Listening } from '../server/listen.js';
import { httpMetrics } from './http-metrics.js';
import { httpRequestDuration, httpRequests } from './metrics.js';

let server: Listening;

beforeAll(async () => {
  const app = express();
  const router = express.Router();
  router.get('/v1/items/:id', (_req, res) => void res.json({ ok: true }));
  router.post('/v1/items', (_req, res) => void res.status(400).json({ ok: false }));
  app.use('/api', httpMetrics('http-test'), router);
  app.use('/proxy', httpMetrics('http-test', '/proxy'), (_req, res) => void res.status(502).end());
  server = await listen(app, '127.0.0.1', 0);
});

afterAll(async () => {
  await server.close(0);
});

async function count(labels: Record<string, string>): Promise<number> {
  const { values } = await httpRequests.get();
  const match = values.filter((v) => v.labels.service === 'http-test' && Object.entries(labels).every(([k, x]) => (v.labels as Record<string, unknown>)[k] === x));
  return match.reduce((n, v) => n + v.value, 0);
}

describe('httpMetrics', () => {
  it('labels requests by route template, never by raw path', async () => {
    await fetch(`${server.url}/api/v1/items/42`);
    await fetch(`${server.url}/api/v1/items/43`);
    await fetch(`${server.url}/api/v1/items`, { method: 'POST' });
    await fetch(`${server.url}/api/nothing/here`);
    await fetch(`${server.url}/proxy/any/path`);
    expect(await count({ method: 'GET', route: '/api/v1/items/:id', status: '200' })).toBe(2);
    expect(await count({ method: 'POST', route: '/api/v1/items', status: '400' })).toBe(1);
    expect(await count({ route: 'unmatched', status: '404' })).toBe(1);
    expect(await count({ route: '/proxy', status: '502' })).toBe(1);
    const { values } = await httpRequestDuration.get();
    const timed = values.find((v) => v.metricName === 'http_request_duration_seconds_count' && v.labels.route === '/api/v1/items/:id');
    expect(timed?.value).toBe(2);
  });
});
