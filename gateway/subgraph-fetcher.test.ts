import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphFetcher } from './subgraph-fetcher.js';

let server: http.Server;
let url: string;
const received: { authorization: string | undefined; body: string }[] = [];
/** Requests are answered only when released, so that tests can hold several in flight. */
let release: () => void = () => undefined;
let held = new Promise<void>((resolve) => (release = resolve));

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ authorization: req.headers.authorization, body });
      void held.then(() => {
        if (body.includes('broken')) return req.socket.destroy();
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ data: { n: received.length } }));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const fetcher = () => createSubgraphFetcher(`http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, { maxSockets: 8, timeoutMs: 5_000 });
const post = (f: ReturnType<typeof fetcher>, query: string, headers: Record<string, string>) =>
  f(url, { method: 'POST', headers: new Headers({ 'content-type': 'application/json', ...headers }), body: JSON.stringify({ query }) });
/** Lets requests reach the server, then answers them all. */
async function answerAll(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 50));
  release();
}
function reset(): void {
  received.length = 0;
  held = new Promise<void>((resolve) => (release = resolve));
}

describe('the gateway’s calls to a subgraph', () => {
  it('sends identical queries of one caller in flight at once only once, each getting the answer', async () => {
    reset();
    const f = fetcher();
    const answers = Array.from({ length: 5 }, (_, i) => post(f, '{ datasets { id } }', { authorization: 'Bearer a', 'x-request-id': `r${i}` }));
    await answerAll();
    const bodies = await Promise.all((await Promise.all(answers)).map((r) => r.json()));
    expect(received).toHaveLength(1);
    expect(bodies).toEqual(Array.from({ length: 5 }, () => ({ data: { n: 1 } })));
    await f.close();
  });

  it('sends the same query separately for another caller, for a mutation, and once the first is answered', async () => {
    reset();
    const f = fetcher();
    const calls = [
      post(f, '{ datasets { id } }', { authorization: 'Bearer a' }),
      post(f, '{ datasets { id } }', { authorization: 'Bearer b' }),
      post(f, 'mutation { withdraw }', { authorization: 'Bearer a' }),
      post(f, 'mutation { withdraw }', { authorization: 'Bearer a' }),
    ];
    await answerAll();
    await Promise.all(calls);
    expect(received).toHaveLength(4);
    expect(received.filter((r) => r.authorization === 'Bearer b')).toHaveLength(1);
    const later = await post(f, '{ datasets { id } }', { authorization: 'Bearer a' });
    expect(later.status).toBe(200);
    expect(received).toHaveLength(5);
    await f.close();
  });

  it('fails every request waiting on a call that fails', async () => {
    reset();
    const f = fetcher();
    const calls = Array.from({ length: 3 }, () => post(f, '{ broken }', { authorization: 'Bearer a' }));
    await answerAll();
    const outcomes = await Promise.allSettled(calls);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(received).toHaveLength(1);
    await f.close();
  });
});
