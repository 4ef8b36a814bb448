import { spawn } from 'node:child_process';
import { Redis } from 'ioredis';

/** A Redis server of a test's own (never the machine's shared one), on a free port, answering PING. */
export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts `redis-server` on a random free port without persistence, and waits (at most 5 s) until it answers. */
export async function startTestRedis(): Promise<TestRedis> {
  // Below the ephemeral range (32768 and up), where an outgoing connection could hold the port.
  const port = 21_000 + Math.floor(Math.random() * 4_000);
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  const deadline = Date.now() + 5000;
  for (;;) {
    const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => undefined);
    try {
      await client.connect();
      if ((await client.ping()) === 'PONG') break;
    } catch {
      if (Date.now() > deadline) {
        child.kill();
        throw new Error(`redis-server did not answer on port ${port}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    } finally {
      client.disconnect();
    }
  }
  return {
    url,
    stop: async () => {
      child.kill();
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(undefined)));
    },
  };
}
