import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

/** How long `close()` lets requests in flight finish when no grace period is given. */
export const DEFAULT_SHUTDOWN_GRACE_MS = 10_000;

/** A listening HTTP server and how to stop it. */
export interface Listening {
  readonly server: Server;
  /** Base URL, such as http://127.0.0.1:4000 (the real port when 0 was asked for). */
  readonly url: string;
  /**
   * Stops gracefully: new connections are refused at once, idle kept-alive connections are closed, and
   * requests in flight may finish for up to `graceMs` (their responses carry `Connection: close`); then
   * every remaining connection is cut. Resolves once no connection is left. Calling it again returns the
   * same promise.
   */
  close(graceMs?: number): Promise<void>;
}

/** Starts an HTTP server for `handler` on host:port (0 picks a free port) and resolves once it listens. */
export async function listen(handler: RequestListener, host: string, port: number): Promise<Listening> {
  let closing: Promise<void> | undefined;
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    // A request that arrives on a kept-alive connection while stopping is served, but ends that connection.
    if (closing) res.setHeader('connection', 'close');
    inFlight.add(res);
    res.once('close', () => inFlight.delete(res));
    handler(req, res);
  });
  // Keep-alive sockets from the gateway must not hold a stopping server open for long.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    url: `http://${shownHost}:${address.port}`,
    close: (graceMs = DEFAULT_SHUTDOWN_GRACE_MS) => {
      closing ??= new Promise<void>((resolve, reject) => {
        // Responses still to be written tell their clients not to reuse the connection.
        for (const res of inFlight) if (!res.headersSent) res.setHeader('connection', 'close');
        // A connection that was busy when closing began goes back to idle once its response is sent (when
        // the client ignored `Connection: close` or the headers had already gone): sweep those as they come.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
        server.close((err) => {
          clearInterval(sweep);
          clearTimeout(deadline);
          if (err) reject(err);
          else resolve();
        });
        server.closeIdleConnections();
      });
      return closing;
    },
  };
}
