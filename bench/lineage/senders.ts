/**
 * The pipelines of the ingestion benchmark, run as a process of their own (as real senders are), so
 * their HTTP client work does not share the server's thread: `tsx bench/lineage/senders.ts` reads
 * `{ url, token, mode, events, senders, offset }` as JSON from argv[2], posts the events with that many
 * concurrent senders, one per request or 100 per request, and prints `{ seconds, acknowledged }`.
 */
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
      const response = await fetch(`${args.url}/api/v1/lineage${args.mode === 'batch' ? '/batch' : ''}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${args.token}` },
        body: JSON.stringify(args.mode === 'batch' ? events : events[0]),
      });
      if (response.status !== 201) throw new Error(`ingestion answered ${response.status}: ${await response.text()}`);
      acknowledged += ((await response.json()) as { stored: number }).stored;
    }
  }),
);
console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, acknowledged }));
