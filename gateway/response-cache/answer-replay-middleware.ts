import type express from 'express';
import { isAuthenticated, type Caller } from '../../platform/identity/caller.js';
import type { Logger } from '../../platform/logger.js';
import type { BoundedLabels } from '../../platform/observability/bounded-labels.js';
import { countRequest } from '../../platform/observability/metrics-plugin.js';
import type { CallerBudget } from '../caller-budget.js';
import { gatewayAuditEntry, unrecordedAnswer, type AuditWriter } from '../policy-plugin.js';
import { logRequest } from '../request-log-plugin.js';
import { replayKey, type AnswerReplay, type ReplayRequest } from './answer-replay.js';
import { CACHE_STATUS_HEADER, cacheScope } from './response-cache-plugin.js';

/** What the log line of a replayed answer adds. */
const REPLAYED = { cache: 'replay' } as const;

export interface AnswerReplayOptions {
  readonly replay: AnswerReplay;
  readonly budget: CallerBudget;
  readonly audit: AuditWriter | undefined;
  readonly logger: Logger;
  /** The gateway's operation labels in `graphql_requests_total` (shared with its metrics plugin). */
  readonly operations: BoundedLabels;
  /** The public address passed on to subgraphs for this request (`forwardedHeaders`). */
  forwarded(req: express.Request): Readonly<Record<string, string>> | undefined;
}

/**
 * Express middleware at `/graphql`, once the caller is known and a registered document named by hash or
 * id is resolved (`trustedDocumentsMiddleware`), before the document limits, the trusted-documents gate
 * and Apollo Server. A POSTed query whose answer this gateway built for the same caller scope, and which
 * is still exact (`AnswerReplay`), is answered at once, without parsing, validating or planning it
 * again. What a replay skips are checks whose outcome its key fixes: the document limits, the gate (the
 * document and the caller's organisation and roles), the query limits, the field policy and
 * introspection (the document and the roles); an entry exists only for a request that passed them all.
 * What every request must still pay is paid as in Apollo Server: the caller's budget is checked and
 * charged the answer's resolved fields (a spent budget goes on to Apollo Server, which refuses it with
 * 429); a signed-in caller's request is written to the audit trail before it is answered (refused with
 * 500 when it cannot be); it is logged (with `cache: "replay"`) and counted in the metrics. Anything
 * else goes on unchanged.
 */
export function answerReplayMiddleware(options: AnswerReplayOptions): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' || req.body === null || typeof req.body !== 'object' || Array.isArray(req.body)) return next();
    const caller = res.locals.caller as Caller;
    const scope = cacheScope(caller);
    if (scope === null) return next();
    const entry = options.replay.find(replayKey(scope, req.body as ReplayRequest, req.headers['accept-language'], options.forwarded(req)));
    if (entry === undefined) return next();
    const started = performance.now();
    const answer = async () => {
      if ((await options.budget.exhausted(caller, req.ip)) !== null) return next();
      if (options.audit && isAuthenticated(caller)) {
        try {
          await options.audit(gatewayAuditEntry(caller, entry.operationName, entry.documentHash, 'SUCCESS'));
        } catch (error) {
          options.logger.error({ err: error, requestId: caller.requestId }, 'audit entry could not be written');
          res.status(500).json(unrecordedAnswer());
          logRequest(options.logger, caller, entry.operationName, started, 500, ['INTERNAL_SERVER_ERROR'], REPLAYED);
          countRequest('gateway', options.operations, entry.operationName, 'error', started);
          return;
        }
      }
      await options.budget.spend(caller, req.ip, entry.fields);
      // As Apollo Server sends it: the JSON and a line feed.
      res.status(200).set({ [CACHE_STATUS_HEADER]: 'HIT', 'cache-control': 'no-store', 'content-type': 'application/json; charset=utf-8' }).send(`${entry.body}\n`);
      logRequest(options.logger, caller, entry.operationName, started, 200, [], REPLAYED);
      countRequest('gateway', options.operations, entry.operationName, 'success', started);
    };
    answer().catch(next);
  };
}
