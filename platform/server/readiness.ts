import type { RequestHandler } from 'express';
import type { Logger } from '../logger.js';

/** One dependency `/ready` checks, by a name that may be shown to anyone (no address, no detail). */
export interface ReadinessCheck {
  readonly name: string;
  /** Resolves when the dependency answers; rejects otherwise. `signal` aborts once the check timed out. */
  probe(signal: AbortSignal): Promise<void>;
}

/** The `/ready` endpoint of one service, and the switch that makes it answer 503 while stopping. */
export interface Readiness {
  readonly handler: RequestHandler;
  /** From now on `/ready` answers 503 (`stopping`), so that load balancers stop sending traffic. */
  drain(): void;
}

/** How long one dependency may take to answer before it counts as down. */
export const READINESS_TIMEOUT_MS = 2_000;

/**
 * `GET /ready`: 200 `{ status: 'ready', checks }` when every check passes within `timeoutMs` (checks run
 * in parallel), else 503 `{ status: 'unavailable', checks }`, `checks` naming each dependency `up` or
 * `down`. Outside production a `details` object adds each failure's message; in production the body holds
 * names only (a failure's message may carry an internal address), and the message goes to the log. Once
 * `drain()` was called: 503 `{ status: 'stopping' }` without checking anything.
 */
export function createReadiness(options: {
  checks: readonly ReadinessCheck[];
  logger: Logger;
  production?: boolean | undefined;
  timeoutMs?: number | undefined;
}): Readiness {
  const timeoutMs = options.timeoutMs ?? READINESS_TIMEOUT_MS;
  let draining = false;
  const handler: RequestHandler = async (_req, res) => {
    res.setHeader('cache-control', 'no-store');
    if (draining) {
      res.status(503).json({ status: 'stopping' });
      return;
    }
    const results = await Promise.all(options.checks.map((check) => run(check, timeoutMs)));
    const checks = Object.fromEntries(results.map((r) => [r.name, r.failure === undefined ? 'up' : 'down']));
    const failures = results.filter((r) => r.failure !== undefined);
    if (failures.length === 0) {
      res.json({ status: 'ready', checks });
      return;
    }
    options.logger.warn({ failures: Object.fromEntries(failures.map((f) => [f.name, f.failure])) }, 'not ready');
    const details = options.production ? {} : { details: Object.fromEntries(failures.map((f) => [f.name, f.failure])) };
    res.status(503).json({ status: 'unavailable', checks, ...details });
  };
  return {
    handler,
    drain: () => {
      draining = true;
    },
  };
}

async function run(check: ReadinessCheck, timeoutMs: number): Promise<{ name: string; failure?: string }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      // The verdict first: a probe that settles on abort must not win the race.
      reject(new Error(`no answer within ${timeoutMs} ms`));
      controller.abort();
    }, timeoutMs);
  });
  try {
    await Promise.race([check.probe(controller.signal), timeout]);
    return { name: check.name };
  } catch (error) {
    return { name: check.name, failure: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}
