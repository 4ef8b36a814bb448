import type { RequestHandler } from 'express';
import { httpRequestDuration, httpRequests } from './metrics.js';

/**
 * Counts and times the REST requests that pass through it in `http_requests_total` and
 * `http_request_duration_seconds`. The `route` label is `route` when given (a proxy's mount point), else
 * the Express route template that handled the request (`/api/v1/lineage`), or `unmatched`: never the raw
 * path, which a client could vary without end. Requests the client abandoned count with status `aborted`.
 */
export function httpMetrics(service: string, route?: string): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    let done = false;
    const record = (status: string) => {
      if (done) return;
      done = true;
      // Read when the response ends: by then the router has set the matched route (and its base URL).
      const template = route ?? (req.route ? `${req.baseUrl}${String((req.route as { path: unknown }).path)}` : 'unmatched');
      const labels = { service, method: req.method, route: template };
      httpRequests.inc({ ...labels, status });
      httpRequestDuration.observe(labels, (performance.now() - started) / 1000);
    };
    res.once('finish', () => record(String(res.statusCode)));
    res.once('close', () => record('aborted'));
    next();
  };
}
