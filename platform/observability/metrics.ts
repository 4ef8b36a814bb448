import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Database, PoolStats } from '../db/database.js';

/**
 * The process's Prometheus metrics, in one registry. `npm start` runs every service in one process, so
 * every series of a service carries a `service` label (gateway, catalog, access, lineage), and each port's
 * `/metrics` shows the whole process: scrape one port per process.
 */
export const metricsRegistry = new Registry();

// CPU, memory, event loop lag, GC and handles of the process, once per process.
collectDefaultMetrics({ register: metricsRegistry });

/** Latencies of a metadata query: milliseconds for a lookup up to seconds for a wide search. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * GraphQL requests by operation name and outcome: `success` (no error), `error` (executed, with errors)
 * or `refused` (stopped before execution: unparsable, invalid, over the limits, unauthenticated, ...).
 */
export const graphqlRequests = new Counter({
  name: 'graphql_requests_total',
  help: 'GraphQL requests, by service, operation name and outcome (success, error, refused).',
  labelNames: ['service', 'operation', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Time from the request's arrival at Apollo Server to its response, by the same labels. */
export const graphqlRequestDuration = new Histogram({
  name: 'graphql_request_duration_seconds',
  help: 'GraphQL request duration in seconds, by service, operation name and outcome.',
  labelNames: ['service', 'operation', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/** The gateway's calls to subgraphs, until the response headers arrive (`success` is a 2xx answer). */
export const subgraphFetchDuration = new Histogram({
  name: 'subgraph_fetch_duration_seconds',
  help: "Duration of the gateway's calls to a subgraph in seconds, by subgraph and outcome (success, error).",
  labelNames: ['subgraph', 'outcome'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

/** Subgraph calls that failed: no connection, timeout, or an HTTP error status. */
export const subgraphFetchErrors = new Counter({
  name: 'subgraph_fetch_errors_total',
  help: "The gateway's calls to a subgraph that failed (network error, timeout or non-2xx status), by subgraph.",
  labelNames: ['subgraph'] as const,
  registers: [metricsRegistry],
});

/** REST requests (the OpenLineage API), by route template, never by raw path. */
export const httpRequests = new Counter({
  name: 'http_requests_total',
  help: 'REST requests, by service, method, route and status code.',
  labelNames: ['service', 'method', 'route', 'status'] as const,
  registers: [metricsRegistry],
});

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'REST request duration in seconds, by service, method and route.',
  labelNames: ['service', 'method', 'route'] as const,
  buckets: LATENCY_BUCKETS,
  registers: [metricsRegistry],
});

const observedPools = new Set<() => PoolStats>();

new Gauge({
  name: 'db_pool_connections',
  help: 'PostgreSQL pool connections of the process: total, idle, and waiting (requests queued for a connection).',
  labelNames: ['state'] as const,
  registers: [metricsRegistry],
  collect() {
    // Read at scrape time, summed over the process's pools (one in practice).
    const sum = { total: 0, idle: 0, waiting: 0 };
    for (const stats of observedPools) {
      const s = stats();
      sum.total += s.total;
      sum.idle += s.idle;
      sum.waiting += s.waiting;
    }
    for (const [state, value] of Object.entries(sum)) this.set({ state }, value);
  },
});

/**
 * Reports `database`'s connection pool in `db_pool_connections` until the returned function is called.
 * PGlite has no pool: nothing is reported for it (the gauge stays at 0).
 */
export function observeDatabasePool(database: Database): () => void {
  const stats = database.poolStats;
  if (!stats) return () => undefined;
  observedPools.add(stats);
  return () => observedPools.delete(stats);
}

const observedIntakes = new Set<() => number>();

new Gauge({
  name: 'lineage_events_pending',
  help: 'OpenLineage events this process acknowledged that are not yet applied to the lineage graph.',
  registers: [metricsRegistry],
  collect() {
    let pending = 0;
    for (const count of observedIntakes) pending += count();
    this.set(pending);
  },
});

/** Lineage events applied to the graph by this process's applier (its own and other processes' leftovers). */
export const lineageEventsApplied = new Counter({
  name: 'lineage_events_applied_total',
  help: 'OpenLineage events applied to the lineage graph by this process.',
  registers: [metricsRegistry],
});

/** Lineage events that could not be applied and were set aside (kept in lineage.event with apply_error). */
export const lineageEventsSetAside = new Counter({
  name: 'lineage_events_set_aside_total',
  help: 'OpenLineage events that could not be applied to the lineage graph and were set aside.',
  registers: [metricsRegistry],
});

/** Batches of pending events whose application failed and will be retried (database unavailable, say). */
export const lineageApplyFailures = new Counter({
  name: 'lineage_apply_failures_total',
  help: 'Failed attempts to apply pending OpenLineage events (they stay pending and are retried).',
  registers: [metricsRegistry],
});

/** Reports an intake's pending events in `lineage_events_pending` until the returned function is called. */
export function observeLineageIntake(pending: () => number): () => void {
  observedIntakes.add(pending);
  return () => observedIntakes.delete(pending);
}
