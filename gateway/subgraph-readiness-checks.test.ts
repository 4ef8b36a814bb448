import { describe, expect, it } from 'vitest';
import { listen } from '../platform/server/listen.js';
import { healthUrl, subgraphReadinessChecks } from './subgraph-readiness-checks.js';

describe('subgraph readiness checks', () => {
  it("derive each subgraph's /health from its GraphQL URL", () => {
    expect(healthUrl('http://127.0.0.1:4001/graphql')).toBe('http://127.0.0.1:4001/health');
    expect(healthUrl('https://catalog.internal/prefix/graphql/')).toBe('https://catalog.internal/prefix/health');
    expect(healthUrl('http://catalog:4001')).toBe('http://catalog:4001/health');
  });

  it('pass when /health answers 2xx and fail otherwise', async () => {
    const server = await listen((req, res) => {
      res.statusCode = req.url === '/ok/health' ? 200 : 500;
      res.end();
    }, '127.0.0.1', 0);
    try {
      const [ok, failing] = subgraphReadinessChecks({ ok: `${server.url}/ok/graphql`, failing: `${server.url}/bad/graphql` });
      const signal = new AbortController().signal;
      await expect(ok?.probe(signal)).resolves.toBeUndefined();
      await expect(failing?.probe(signal)).rejects.toThrow('/health answered 500');
    } finally {
      await server.close(0);
    }
  });
});
