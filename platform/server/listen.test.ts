import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { listen, type Listening } from './listen.js';

/** A server whose `/slow` answers only once `release()` is called; `arrived` resolves when it is asked. */
async function slowServer() {
  let release!: () => void;
  let arrived!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const arrival = new Promise<void>((resolve) => (arrived = resolve));
  const listening = await listen(
    (req, res) => {
      if (req.url === '/slow') {
        arrived();
        void released.then(() => res.end('done'));
      } else {
        res.end('fast');
      }
    },
    '127.0.0.1',
    0,
  );
  return { listening, release, arrival };
}

/** Resolves with the connection error code, or 'connected'. */
function tryConnect(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = connect(Number(port), hostname);
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

let open: Listening | undefined;
afterEach(async () => {
  await open?.close(0);
  open = undefined;
});

describe('listen().close', () => {
  it('refuses new connections at once but lets a request in flight finish', async () => {
    const { listening, release, arrival } = await slowServer();
    open = listening;
    const inFlight = fetch(`${listening.url}/slow`);
    await arrival;
    let closed = false;
    const closing = listening.close(5_000).then(() => (closed = true));
    expect(await tryConnect(listening.url)).toBe('ECONNREFUSED');
    expect(closed).toBe(false);
    release();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('done');
    expect(response.headers.get('connection')).toBe('close');
    await closing;
    expect(closed).toBe(true);
  });

  it('does not wait for idle kept-alive connections', async () => {
    const { listening } = await slowServer();
    open = listening;
    // fetch keeps the connection alive after this answer; closing must not wait keepAliveTimeout (5 s).
    expect(await (await fetch(`${listening.url}/fast`)).text()).toBe('fast');
    const started = Date.now();
    await listening.close(5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('cuts a request still running when the grace period ends', async () => {
    const { listening, arrival } = await slowServer();
    open = listening;
    const inFlight = fetch(`${listening.url}/slow`).then(
      (r) => r.status,
      () => 'cut',
    );
    await arrival;
    const started = Date.now();
    await listening.close(200);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await inFlight).toBe('cut');
  });

  it('returns the same promise when called again', async () => {
    const { listening } = await slowServer();
    open = listening;
    const first = listening.close();
    expect(listening.close()).toBe(first);
    await first;
  });
});
