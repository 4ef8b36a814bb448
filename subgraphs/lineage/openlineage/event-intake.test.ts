import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';
import { createLogger } from '../../../platform/logger.js';
import { metricsRegistry } from '../../../platform/observability/metrics.js';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { storeEvents } from '../db/queries/ingest-events.js';
import { EventIntake } from './event-intake.js';
import { checkEvents, InvalidEventsError } from './ingest.js';

let database: Database;
const intakes: EventIntake[] = [];
const logger = createLogger('silent');

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(() => {
  for (const intake of intakes.splice(0)) intake.close();
});
afterAll(async () => {
  await database?.close();
});

const open = (pollMs = 0) => {
  const intake = new EventIntake(database.db, { logger, pollMs });
  intakes.push(intake);
  return intake;
};

/** A COMPLETE run of job `job` reading `input` and writing `output`, with a run id made of `n`. */
const event = (n: number, job: string, input: string, output: string) => ({
  eventType: 'COMPLETE',
  eventTime: `2024-06-01T10:00:00.${String(n % 1000).padStart(3, '0')}Z`,
  run: { runId: `1a2b3c4d-0000-4000-8000-${String(n).padStart(12, '0')}` },
  job: { namespace: 'intake', name: job },
  inputs: [{ namespace: 'intake', name: input }],
  outputs: [{ namespace: 'intake', name: output }],
  producer: 'urn:test',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
});

const runCount = async (prefix: string) =>
  (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.run WHERE id::text LIKE ${`${prefix}%`}`))[0]?.n ?? 0;
const pendingCount = async () => (await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event WHERE NOT applied`))[0]?.n ?? 0;

/** The current value of a counter of the process's registry. */
const counter = async (name: string) => (await metricsRegistry.getSingleMetric(name)?.get())?.values[0]?.value ?? 0;

/** Waits (at most 10 s) until `check` holds. */
async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met within 10 s');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('the OpenLineage intake', () => {
  it('acknowledges concurrent single events once stored, and a read after settled() sees every one applied', async () => {
    const intake = open();
    const appliedBefore = await counter('lineage_events_applied_total');
    const reports = await Promise.all(Array.from({ length: 40 }, (_, i) => intake.accept([event(100 + i, `job_${i % 4}`, `in_${i}`, `out_${i}`)])));
    expect(reports.every((r) => r.stored === 1 && r.duplicates === 0)).toBe(true);
    await intake.settled();
    expect(await runCount('1a2b3c4d-0000-4000-8000-0000000001')).toBe(40);
    const [edges] = await queryRows<{ n: number }>(
      database.db,
      sql`SELECT count(*)::int AS n FROM lineage.edge e JOIN lineage.node n ON n.id = e.dst WHERE n.namespace = 'intake' AND n.name LIKE 'out_%'`,
    );
    expect(edges?.n).toBe(40);
    expect(await pendingCount()).toBe(0);
    expect((await counter('lineage_events_applied_total')) - appliedBefore).toBe(40);
  });

  it('stores events without telling the gateways that the lineage changed, and tells them once they are applied', async () => {
    const heard: string[] = [];
    const stop = await database.listen('lineage_changed', (live, payload) => {
      if (live && payload) heard.push(payload);
    });
    try {
      // Acknowledged, not yet in the model: no answer built on the lineage model is stale.
      await storeEvents(database.db, checkEvents([event(900, 'quiet', 'q_in', 'q_out')]), false);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard).toHaveLength(0);
      open();
      await eventually(async () => (await runCount('1a2b3c4d-0000-4000-8000-0000000009')) === 1);
      await eventually(async () => heard.length > 0);
    } finally {
      await stop();
    }
  });

  it('counts a re-sent event as a duplicate and refuses a batch with an invalid event whole', async () => {
    const intake = open();
    const e = event(200, 'job_dup', 'in_dup', 'out_dup');
    expect(await intake.accept([e])).toMatchObject({ stored: 1, duplicates: 0 });
    expect(await intake.accept([{ ...e }])).toMatchObject({ stored: 0, duplicates: 1 });
    const [before] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event`);
    await expect(intake.accept([event(201, 'j', 'a', 'b'), { eventTime: 'never' }])).rejects.toBeInstanceOf(InvalidEventsError);
    const [after] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event`);
    expect(after?.n).toBe(before?.n);
  });

  it('applies what a crashed process acknowledged but never applied, when the next one starts', async () => {
    // A process stored these (acknowledged) and died before applying them.
    await storeEvents(database.db, checkEvents([event(300, 'job_crash', 'in_c', 'out_c'), event(301, 'job_crash', 'out_c', 'out_c2')]), false);
    expect(await runCount('1a2b3c4d-0000-4000-8000-0000000003')).toBe(0);
    open();
    await eventually(async () => (await runCount('1a2b3c4d-0000-4000-8000-0000000003')) === 2);
    expect(await pendingCount()).toBe(0);
  });

  it("picks up another replica's leftovers by polling", async () => {
    open(50);
    await storeEvents(database.db, checkEvents([event(400, 'job_poll', 'in_p', 'out_p')]), false);
    await eventually(async () => (await runCount('1a2b3c4d-0000-4000-8000-0000000004')) === 1);
  });

  it('sets aside an event that cannot be applied, says why, and applies the others', async () => {
    // An event stored before a rule changed, which no longer validates: it cannot be applied.
    await database.db.execute(sql`
      INSERT INTO lineage.event (event_hash, event_kind, event_time, payload, untrusted_facets, applied)
      VALUES ('poison-1', 'RunEvent', now(), '{"eventType": "COMPLETE"}'::jsonb, ARRAY[]::text[], false)`);
    await storeEvents(database.db, checkEvents([event(500, 'job_after', 'in_a', 'out_a')]), false);
    const setAsideBefore = await counter('lineage_events_set_aside_total');
    open();
    await eventually(async () => (await runCount('1a2b3c4d-0000-4000-8000-0000000005')) === 1);
    const [poison] = await queryRows<{ applied: boolean; apply_error: string | null }>(database.db, sql`SELECT applied, apply_error FROM lineage.event WHERE event_hash = 'poison-1'`);
    expect(poison?.applied).toBe(true);
    expect(poison?.apply_error).toMatch(/event 0/);
    expect((await counter('lineage_events_set_aside_total')) - setAsideBefore).toBe(1);
  });

  it('finds every culprit of a failed batch and applies all the events around them, with nothing left pending', async () => {
    const poison = (name: string) =>
      database.db.execute(sql`
        INSERT INTO lineage.event (event_hash, event_kind, event_time, payload, untrusted_facets, applied)
        VALUES (${name}, 'RunEvent', now(), '{"eventType": "COMPLETE"}'::jsonb, ARRAY[]::text[], false)`);
    const good = (from: number) => storeEvents(database.db, checkEvents([0, 1, 2].map((i) => event(from + i, `job_mid_${from + i}`, `in_m${from + i}`, `out_m${from + i}`))), false);
    await good(600);
    await poison('poison-2');
    await good(603);
    await poison('poison-3');
    await good(606);
    open();
    await eventually(async () => (await runCount('1a2b3c4d-0000-4000-8000-0000000006')) === 9);
    await eventually(async () => (await pendingCount()) === 0);
    const setAside = await queryRows<{ event_hash: string }>(database.db, sql`SELECT event_hash FROM lineage.event WHERE apply_error IS NOT NULL AND event_hash LIKE 'poison-%' ORDER BY seq`);
    expect(setAside.map((r) => r.event_hash)).toEqual(['poison-1', 'poison-2', 'poison-3']);
  });

  it('takes one run id in any letter case as one run, in the same batch', async () => {
    const intake = open();
    const id = '1a2b3c4d-0000-4000-8000-00000000abcd';
    const start = { ...event(700, 'job_case', 'in_case', 'out_case'), eventType: 'START', eventTime: '2024-06-01T09:00:00.000Z', run: { runId: id.toUpperCase() } };
    const complete = { ...event(701, 'job_case', 'in_case', 'out_case'), run: { runId: id } };
    expect(await intake.accept([start, complete])).toMatchObject({ stored: 2 });
    await intake.settled();
    const runs = await queryRows<{ state: string }>(database.db, sql`SELECT state FROM lineage.run WHERE id = ${id}::uuid`);
    expect(runs).toEqual([{ state: 'COMPLETE' }]);
    expect(await pendingCount()).toBe(0);
  });
});
