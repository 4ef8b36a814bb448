/**
 * The pipelines of the ingestion benchmark, run as a process of their own (as real senders are), so
 * their HTTP client work does not share the server's thread: `tsx bench/lineage/senders.ts` reads
 * `{ url, token, mode, events, senders, offset }` as JSON from argv[2], posts the events with that many
 * concurrent senders, one per request or 100 per request, and prints `{ seconds, acknowledged }`. Each
 * sender keeps its connection alive (node:http, as OpenLineage's HTTP transport does), so that the
 * client's own work is small beside the server's.
 */
import http from 'node:http';
import { z } from 'zod';

const args = z
  .object({
    url: z.string().url(),
    token: z.string(),
    mode: z.enum(['single', 'batch']),
    events: z.number().int().positive(),
    senders: z.number().int().positive(),
    offset: z.number().int().nonnegative(),
  })
  .parse(JSON.parse(process.argv[2] ?? '{}'));

const stamp = Date.now();
/** A COMPLETE run of one of 200 jobs, reading one of 1,000 tables and writing the next. */
const event = (i: number) => ({
  eventType: 'COMPLETE',
  eventTime: new Date(stamp + i).toISOString(),
  run: { runId: `${(stamp % 1e8).toString(16).padStart(8, '0')}-0000-4000-8000-${i.toString(16).padStart(12, '0')}` },
  job: { namespace: 'bench', name: `job_${i % 200}` },
  inputs: [{ namespace: 'bench', name: `table_${i % 1000}` }],
  outputs: [{ namespace: 'bench', name: `table_${(i % 1000) + 1}` }],
  producer: 'urn:health-metadata-gateway:bench',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
});

const agent = new http.Agent({ keepAlive: true, maxSockets: args.senders });
const base = new URL(args.url);
/** POSTs `body` as JSON with the pipeline's token; the status and the body of the answer. */
function post(path: string, body: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { hostname: base.hostname, port: base.port, path, method: 'POST', agent, headers: { 'content-type': 'application/json', authorization: `Bearer ${args.token}`, 'content-length': Buffer.byteLength(body) } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

let next = 0;
let acknowledged = 0;
const per = args.mode === 'batch' ? 100 : 1;
const started = performance.now();
await Promise.all(
  Array.from({ length: args.senders }, async () => {
    for (;;) {
      const i = next;
      next += per;
      if (i >= args.events) return;
      const events = Array.from({ length: Math.min(per, args.events - i) }, (_, k) => event(args.offset + i + k));
      const response = await post(`/api/v1/lineage${args.mode === 'batch' ? '/batch' : ''}`, JSON.stringify(args.mode === 'batch' ? events : events[0]));
      if (response.status !== 201) throw new Error(`ingestion answered ${response.status}: ${response.body}`);
      acknowledged += (JSON.parse(response.body) as { stored: number }).stored;
    }
  }),
);
agent.destroy();
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, acknowledged }));
