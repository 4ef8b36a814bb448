import express from 'express';
import { GraphQLError } from 'graphql';
import type { Caller } from '../platform/identity/caller.js';
import { signInternalToken } from '../platform/identity/internal-token.js';
import type { KeyPair } from '../platform/identity/key-pair.js';
import type { AuditWriter } from './policy-plugin.js';

/**
 * Forwards a REST face of a subgraph (e.g. the OpenLineage API) through the gateway's public port, with
 * the same identity rules as GraphQL: the caller's bearer token is verified here, and the subgraph gets
 * the gateway's own token for it. Bodies up to 10 MB, passed through untouched.
 */
export function restProxy(options: {
  target: string;
  subgraph: string;
  gatewayKey: KeyPair;
  authenticate: (authorization: string | undefined) => Promise<Caller>;
  /** Records each request of an authenticated caller in the audit trail. */
  audit?: AuditWriter | undefined;
}): express.RequestHandler[] {
  const forward: express.RequestHandler = async (req, res) => {
    let caller: Caller;
    try {
      caller = await options.authenticate(req.headers.authorization);
    } catch (error) {
      const code = error instanceof GraphQLError ? String(error.extensions.code) : 'UNAUTHENTICATED';
      res.status(401).json({ code, message: error instanceof Error ? error.message : 'Not authenticated.' });
      return;
    }
    const token = await signInternalToken(options.gatewayKey, caller, options.subgraph);
    const hasBody = !['GET', 'HEAD'].includes(req.method);
    const upstream = await fetch(`${options.target}${req.url}`, {
      method: req.method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(req.headers['content-type'] ? { 'content-type': req.headers['content-type'] } : {}),
      },
      ...(hasBody ? { body: Buffer.isBuffer(req.body) ? req.body : undefined } : {}),
      signal: AbortSignal.timeout(60_000),
    });
    const body = Buffer.from(await upstream.arrayBuffer());
    if (options.audit && caller.subject !== null) {
      try {
        await options.audit({
          requestId: caller.requestId,
          subject: caller.subject,
          organisationId: caller.organisationId,
          roles: caller.roles,
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
    res.status(upstream.status);
    const type = upstream.headers.get('content-type');
    if (type) res.type(type);
    res.send(body);
  };
  return [express.raw({ type: () => true, limit: '10mb' }), forward];
}
