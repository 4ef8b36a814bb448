import { timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { metricsRegistry } from './metrics.js';

/**
 * `GET /metrics`: the process's metrics in Prometheus' text format. With `token`, only requests carrying
 * `Authorization: Bearer <token>` get them (others get 401); without, anyone reaching the port does, so
 * the path must not be exposed publicly.
 */
export function metricsRoute(token?: string): RequestHandler {
  const expected = token === undefined ? undefined : Buffer.from(`Bearer ${token}`);
  return async (req, res) => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      // Constant-time comparison: response timing must not reveal how much of the token was right.
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).setHeader('www-authenticate', 'Bearer').json({ code: 'UNAUTHENTICATED', message: 'A valid metrics token is required.' });
        return;
      }
    }
    res.setHeader('content-type', metricsRegistry.contentType);
    res.setHeader('cache-control', 'no-store');
    res.send(await metricsRegistry.metrics());
  };
}
