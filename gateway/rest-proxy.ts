import http from 'node:http';
import https from 'node:https';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { Caller } from '../platform/identity/caller.js';
import { createInternalTokenSigner, REQUEST_ID_HEADER } from '../platform/identity/internal-token.js';
import type { KeyPair } from '../platform/identity/key-pair.js';
import type { Logger } from '../platform/logger.js';
import { CallerBudget, restCost } from './caller-budget.js';
import type { AuditWriter } from './policy-plugin.js';

/** Longest wait for the subgraph's answer. */
const UPSTREAM_TIMEOUT_MS = 60_000;

interface Upstream {
  status: number;
  type: string | undefined;
  /** Where a created resource is (`Location`), passed on as the subgraph gave it. */
  location?: string | undefined;
  body: Buffer;
}

/** Whether a request method changes something (anything but GET, HEAD and OPTIONS). */
function isWrite(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method);
}

/** Largest request body forwarded. */
export const MAX_REST_BODY_BYTES = 10 * 1024 * 1024;

/**
 * Forwards a REST face of a subgraph (e.g. the OpenLineage API) through the gateway's public port, with
 * the same identity rules as GraphQL: the caller's bearer token is verified here, and the subgraph gets
 * the gateway's own token for it. Before a byte of the body is read, in this order:
 * - the caller is authenticated (401 for a bad token, and for an anonymous write: every REST write needs
 *   a signed-in caller);
 * - a declared `Content-Length` over 10 MB is refused (413 `PAYLOAD_TOO_LARGE`);
 * - the caller's budget, shared with GraphQL, must not be spent, and the caller may have at most
 *   `MAX_REST_IN_FLIGHT` requests in flight (429 `RATE_LIMITED` with `Retry-After` otherwise; the refusal
 *   of a spent budget is held a moment, `REFUSAL_PAUSE`).
 * Each answer then costs the caller `restCost` of the bytes sent and received. Bodies up to 10 MB are
 * passed through untouched, over kept-alive connections (at most 64 per subgraph). An unreachable or
 * silent subgraph gives 502 `SUBGRAPH_UNAVAILABLE`; every request of an authenticated caller is recorded
 * in the audit trail.
 */
export function restProxy(options: {
  target: string;
  subgraph: string;
  gatewayKey: KeyPair;
  authenticate: (authorization: string | undefined) => Promise<Caller>;
  /** Records each request of an authenticated caller in the audit trail. */
  audit?: AuditWriter | undefined;
  /** One line per request (request id, caller, method, path, status, duration; never the token). */
  logger?: Logger | undefined;
  /**
   * The upstream path and query, appended to the target's path; by default the request's path below the
   * mount point (`req.url`).
   */
  upstreamPath?: ((req: express.Request) => string) | undefined;
  /** The gateway's public address (`Config.gateway.publicUrl`), stated to the subgraph in `X-Forwarded-*`. */
  publicUrl?: string | undefined;
  /** The callers' budget, shared with GraphQL; a budget of this proxy's own when absent. */
  budget?: CallerBudget | undefined;
  /** Called once a write (not GET, HEAD or OPTIONS) has succeeded, before its answer is sent. */
  onWrite?: (() => void) | undefined;
}): express.RequestHandler[] {
  const budget = options.budget ?? new CallerBudget();
  const sign = createInternalTokenSigner(options.gatewayKey);
  const target = new URL(options.target);
  const transport = target.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 64 });

  const call = (method: string, path: string, headers: http.OutgoingHttpHeaders, body: Buffer | undefined) =>
    new Promise<Upstream>((resolve, reject) => {
      const request = transport.request(
        { protocol: target.protocol, hostname: target.hostname, port: target.port, path: `${target.pathname.replace(/\/$/, '')}${path}`, method, headers, agent, timeout: UPSTREAM_TIMEOUT_MS },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 502, type: response.headers['content-type'], location: response.headers.location, body: Buffer.concat(chunks) }),
          );
          response.on('error', reject);
        },
      );
      request.on('timeout', () => request.destroy(new Error('upstream timeout')));
      request.on('error', reject);
      request.end(body);
    });

  /** Everything decided on the headers alone, before the body is read. */
  const admit: express.RequestHandler = async (req, res, next) => {
    res.locals.restStarted = performance.now();
    let caller: Caller;
    try {
      caller = await options.authenticate(req.headers.authorization);
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code) : 'UNAUTHENTICATED';
      res.status(401).setHeader('www-authenticate', 'Bearer').json({ code, message: error instanceof Error ? error.message : 'Not authenticated.' });
      return;
    }
    if (isWrite(req.method) && caller.subject === null) {
      res.status(401).setHeader('www-authenticate', 'Bearer').json({ code: 'UNAUTHENTICATED', message: 'Send a bearer token: writing needs a signed-in caller.' });
      return;
    }
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_REST_BODY_BYTES) {
      res.status(413).json({ code: 'PAYLOAD_TOO_LARGE', message: `The body is larger than ${MAX_REST_BODY_BYTES / 1024 / 1024} MB.` });
      return;
    }
    const retryAfter = await budget.exhausted(caller, req.ip);
    if (retryAfter !== null) {
      await budget.pauseRefusal(caller, req.ip);
      res.status(429).setHeader('retry-after', String(retryAfter)).json({ code: 'RATE_LIMITED', message: `Too much work requested; retry in ${retryAfter} s.`, retryAfterSeconds: retryAfter });
      return;
    }
    const release = await budget.acquireSlot(caller, req.ip);
    if (!release) {
      res.status(429).setHeader('retry-after', '1').json({ code: 'RATE_LIMITED', message: 'Too many requests in flight; wait for an answer before sending more.', retryAfterSeconds: 1 });
      return;
    }
    // Given back when the answer is sent or the client goes away, whichever comes first.
    res.on('close', release);
    if (res.destroyed) release();
    res.locals.caller = caller;
    next();
  };

  const forward: express.RequestHandler = async (req, res) => {
    const started = res.locals.restStarted as number;
    const caller = res.locals.caller as Caller;
    const token = await sign(caller, options.subgraph);
    const hasBody = !['GET', 'HEAD'].includes(req.method) && Buffer.isBuffer(req.body);
    let upstream: Upstream;
    try {
      upstream = await call(
        req.method,
        options.upstreamPath?.(req) ?? req.url,
        {
          authorization: `Bearer ${token}`,
          [REQUEST_ID_HEADER]: caller.requestId,
          ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}),
          ...(req.headers.accept ? { accept: req.headers.accept } : {}),
          ...forwardedHeaders(req, options.publicUrl),
        },
        hasBody ? (req.body as Buffer) : undefined,
      );
    } catch {
      upstream = {
        status: 502,
        type: 'application/json',
        body: Buffer.from(JSON.stringify({ code: 'SUBGRAPH_UNAVAILABLE', message: `The ${options.subgraph} service did not answer; retry later.` })),
      };
    }
    if (options.audit && caller.subject !== null) {
      try {
        await options.audit({
          // A caller is exactly its request id, subject, organisation and roles.
          ...caller,
          source: 'gateway',
          action: `${req.method} ${req.baseUrl}${req.path}`,
          outcome: upstream.status < 400 ? 'SUCCESS' : upstream.status === 401 || upstream.status === 403 ? 'DENIED' : 'FAILED',
        });
      } catch {
        // Never answer without the trace. Lineage ingestion is idempotent, so the sender can retry.
        res.status(500).json({ code: 'INTERNAL_SERVER_ERROR', message: 'The request could not be recorded in the audit trail.' });
        return;
      }
    }
    if (isWrite(req.method) && upstream.status < 400) options.onWrite?.();
    res.status(upstream.status);
    if (upstream.type) res.type(upstream.type);
    if (upstream.location) res.location(upstream.location);
    res.send(upstream.body);
    await budget.spend(caller, req.ip, restCost(hasBody ? (req.body as Buffer).length : 0, upstream.body.length));
    options.logger?.info(
      {
        // A caller is exactly its request id, subject, organisation and roles.
        ...caller,
        method: req.method,
        path: `${req.baseUrl}${req.path}`,
        status: upstream.status,
        durationMs: Math.round((performance.now() - started) * 10) / 10,
        outcome: upstream.status < 400 ? 'success' : 'error',
      },
      'rest request',
    );
  };
  return [admit, express.raw({ type: () => true, limit: MAX_REST_BODY_BYTES }), forward];
}

/**
 * The public address the caller reached, for the subgraph to build absolute links on (the catalogue's IRIs
 * and Hydra paging): the configured public URL, else this request's protocol and `Host`.
 */
export function forwardedHeaders(req: express.Request, publicUrl: string | undefined): Record<string, string> {
  if (publicUrl) {
    const url = new URL(publicUrl);
    const prefix = url.pathname.replace(/\/+$/, '');
    return { 'x-forwarded-proto': url.protocol.slice(0, -1), 'x-forwarded-host': url.host, ...(prefix ? { 'x-forwarded-prefix': prefix } : {}) };
  }
  const host = req.get('host');
  return host ? { 'x-forwarded-proto': req.protocol, 'x-forwarded-host': host } : {};
}
