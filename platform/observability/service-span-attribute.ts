import { trace } from '@opentelemetry/api';
import type { RequestHandler } from 'express';

/** The span attribute naming which service of the process handled a request. */
export const SERVICE_SPAN_ATTRIBUTE = 'hmg.service';

/**
 * Marks the request's server span with the service that handles it (`hmg.service`): `npm start` runs
 * every service in one process, under one OpenTelemetry `service.name`. A no-op when tracing is off.
 */
export function serviceSpanAttribute(service: string): RequestHandler {
  return (_req, _res, next) => {
    trace.getActiveSpan()?.setAttribute(SERVICE_SPAN_ATTRIBUTE, service);
    next();
  };
}
