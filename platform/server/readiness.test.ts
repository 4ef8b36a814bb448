import express from 'express';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { listen, type Listening } from './listen.js';
import { createReadiness, type ReadinessCheck } from './readiness.js';

const logger = createLogger('silent');
let open: Listening | undefined;

afterEach(async () => {
  await open?.close(0);
  open = undefined;
});

async function ready(checks: ReadinessCheck[], options: { production?: boolean; timeoutMs?: number; drain?: boolean } = {}) {
  const readiness = createReadiness({ checks, logger, production: options.production, timeoutMs: options.timeoutMs });
  if (options.drain) readiness.drain();
  const app = express();
  app.get('/ready', readiness.handler);
  open = await listen(app, '127.0.0.1', 0);
  const response = await fetch(`${open.url}/ready`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const up: ReadinessCheck = { name: 'database', probe: async () => undefined };
const down: ReadinessCheck = {
  name: 'catalog',
  probe: async () => {
    throw new Error('connect ECONNREFUSED 10.1.2.3:4001');
  },
};

describe('/ready', () => {
  it('answers 200 when every check passes', async () => {
    expect(await ready([up])).toEqual({ status: 200, body: { status: 'ready', checks: { database: 'up' } } });
  });

  it('answers 503 naming what is down, with details outside production', async () => {
    const { status, body } = await ready([up, down]);
    expect(status).toBe(503);
    expect(body).toEqual({
      status: 'unavailable',
      checks: { database: 'up', catalog: 'down' },
      details: { catalog: 'connect ECONNREFUSED 10.1.2.3:4001' },
    });
  });

  it('names only in production: no address, no message', async () => {
    const { status, body } = await ready([up, down], { production: true });
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'unavailable', checks: { database: 'up', catalog: 'down' } });
  });

  it('counts a check that does not answer in time as down, and aborts it', async () => {
    let aborted = false;
    const stuck: ReadinessCheck = {
      name: 'database',
      probe: (signal) =>
        new Promise<void>((resolve) => {
          signal.addEventListener('abort', () => {
            aborted = true;
            // Resolving late must not turn the verdict around.
            resolve();
          });
        }),
    };
    const started = Date.now();
    const { status, body } = await ready([stuck], { timeoutMs: 100 });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(status).toBe(503);
    expect(body.checks).toEqual({ database: 'down' });
    expect(aborted).toBe(true);
  });

  it('answers 503 "stopping" once draining, without checking anything', async () => {
    let probed = false;
    const watched: ReadinessCheck = {
      name: 'database',
      probe: async () => {
        probed = true;
      },
    };
    expect(await ready([watched], { drain: true })).toEqual({ status: 503, body: { status: 'stopping' } });
    expect(probed).toBe(false);
  });
});
