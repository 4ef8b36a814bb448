/**
 * OpenTelemetry tracing for the process, started on import. Every entry point (`scripts/start*.ts`) imports
 * this module first, right after `no-telemetry`: instrumentation patches `http`, `express` and `pg` when they
 * are loaded, so it must be in place before any module that uses them is evaluated.
 *
 * Off unless the standard switches ask for it (`Config.tracing`: `OTEL_EXPORTER_OTLP_ENDPOINT`,
 * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` or `OTEL_TRACES_EXPORTER`); when off, not even the SDK is loaded.
 * When on, the SDK reads the rest of the standard variables itself: exporter and protocol
 * (`OTEL_EXPORTER_OTLP_PROTOCOL`, default `http/protobuf`), headers, `OTEL_SERVICE_NAME`,
 * `OTEL_RESOURCE_ATTRIBUTES`, `OTEL_TRACES_SAMPLER(_ARG)`, `OTEL_PROPAGATORS` (default W3C trace context
 * and baggage). Only traces are exported: metrics are Prometheus' (`/metrics`) and logs go to stdout.
 */
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import { loadConfig } from '../config.js';

/** The service name when OTEL_SERVICE_NAME (or `service.name` in OTEL_RESOURCE_ATTRIBUTES) says none. */
const DEFAULT_SERVICE_NAME = 'health-metadata-gateway';

/** Probes and scrapes would drown the traces that matter. */
const UNTRACED_PATHS = new Set(['/health', '/ready', '/metrics']);

let stopSdk: (() => Promise<void>) | undefined;

/** Whether tracing was started in this process. */
export function tracingStarted(): boolean {
  return stopSdk !== undefined;
}

/**
 * Flushes the spans still buffered and stops the SDK; a no-op when tracing is off. Call it last in a
 * shutdown sequence, after the servers have stopped, so that their final spans are exported.
 */
export async function shutdownTracing(): Promise<void> {
  const stop = stopSdk;
  stopSdk = undefined;
  await stop?.();
}

function enabled(): boolean {
  try {
    return loadConfig().tracing.enabled;
  } catch {
    // An invalid environment is reported (and the process ended) by the entry point's own loadConfigOrExit.
    return false;
  }
}

/**
 * Loaded synchronously, and only when tracing is on: with a top-level `await`, the entry point's next
 * imports (express, pg, ...) would be evaluated before the instrumentation is in place, since ES modules
 * only wait for an asynchronous module they depend on, not for an earlier sibling.
 */
function startTracing(): void {
  const require = createRequire(import.meta.url);
  const { NodeSDK, resources } = require('@opentelemetry/sdk-node') as typeof import('@opentelemetry/sdk-node');
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { ExpressInstrumentation, ExpressLayerType } = require('@opentelemetry/instrumentation-express') as typeof import('@opentelemetry/instrumentation-express');
  const { PgInstrumentation } = require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const sdk = new NodeSDK({
    // Detected attributes (OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, host, process) override this default.
    resource: resources.defaultResource().merge(resources.resourceFromAttributes({ 'service.name': DEFAULT_SERVICE_NAME })),
    // Empty lists, not absent: absent, the SDK would also start OTLP metric and log exporters by default.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
      }),
      // Route handlers only: a span per middleware is noise, and it would hide the request's server span
      // from the middleware that tags it (serviceSpanAttribute). Express still names that span by route.
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE, ExpressLayerType.ROUTER] }),
      // Statements are recorded without their parameters (the instrumentation's default), and only within
      // a request: migrations and seeding at start-up would otherwise each make a trace of their own.
      new PgInstrumentation({ requireParentSpan: true }),
    ],
  });
  sdk.start();
  // Instrumentation hooks `require`, but the project imports express as an ES module, which bypasses that
  // hook. Requiring it here patches the one shared CommonJS instance that those imports then receive.
  require('express');
  stopSdk = () => sdk.shutdown();
}

if (enabled()) startTracing();
