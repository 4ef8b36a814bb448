import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { GroupCommitter } from '../../../platform/db/group-commit.js';
import { ingestBatch } from '../db/queries/ingest-events.js';
import { ingestEvents, InvalidEventsError } from './ingest.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

const runId = '0a1b2c3d-0000-4000-8000-000000000001';
const event = (eventType: string, eventTime: string, extra: Record<string, unknown> = {}) => ({
  eventType,
  eventTime,
  run: { runId },
  job: { namespace: 'unit', name: 'load_stays' },
  inputs: [{ namespace: 'unit', name: 'raw_stays' }],
  outputs: [{ namespace: 'unit', name: 'stays', facets: { version: { _producer: 'urn:t', _schemaURL: 'urn:t', datasetVersion: 'v7' } } }],
  producer: 'urn:test',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
  ...extra,
});

describe('ingestEvents', () => {
  it('keeps the state of the latest event and every state change, whatever the order in the batch', async () => {
    const report = await ingestEvents(database.db, [event('COMPLETE', '2024-03-01T10:05:00Z'), event('START', '2024-03-01T10:00:00Z')]);
    expect(report).toMatchObject({ received: 2, stored: 2, duplicates: 0 });
    const [run] = await queryRows<{ state: string; started: boolean; ended: boolean }>(
      database.db,
      sql`SELECT state, started_at IS NOT NULL AS started, ended_at IS NOT NULL AS ended FROM lineage.run WHERE id = ${runId}::uuid`,
    );
    expect(run).toEqual({ state: 'COMPLETE', started: true, ended: true });
    const states = await queryRows<{ state: string }>(database.db, sql`SELECT state FROM lineage.run_state WHERE run_id = ${runId}::uuid ORDER BY at`);
    expect(states.map((s) => s.state)).toEqual(['START', 'COMPLETE']);
    const [version] = await queryRows<{ version: string }>(database.db, sql`SELECT version FROM lineage.run_dataset WHERE run_id = ${runId}::uuid AND direction = 'OUTPUT'`);
    expect(version?.version).toBe('v7');
  });

  it('counts an event repeated in a batch, or sent again, as a duplicate', async () => {
    const e = event('RUNNING', '2024-03-01T10:02:00Z');
    const report = await ingestEvents(database.db, [e, { ...e }]);
    expect(report).toMatchObject({ stored: 1, duplicates: 1 });
    const again = await ingestEvents(database.db, [e]);
    expect(again).toMatchObject({ stored: 0, duplicates: 1 });
  });

  it('stores nothing of a batch with one invalid event', async () => {
    const [before] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event`);
    await expect(ingestEvents(database.db, [event('START', '2024-04-01T00:00:00Z'), { eventTime: 'yesterday' }])).rejects.toBeInstanceOf(InvalidEventsError);
    const [after] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.event`);
    expect(after?.n).toBe(before?.n);
  });

  it('answers each of many concurrent senders after its events are stored, sharing transactions', async () => {
    const committer = new GroupCommitter(database.db, ingestBatch);
    const sent = Array.from({ length: 25 }, (_, i) =>
      event('COMPLETE', `2024-05-01T10:00:${String(i).padStart(2, '0')}Z`, { run: { runId: `0a1b2c3d-0000-4000-8000-0000000001${String(i).padStart(2, '0')}` } }),
    );
    const reports = await Promise.all(sent.map((e) => ingestEvents(database.db, [e], committer)));
    expect(reports.every((r) => r.stored === 1)).toBe(true);
    const [row] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.run WHERE id::text LIKE '0a1b2c3d-0000-4000-8000-0000000001%'`);
    expect(row?.n).toBe(25);
  });
});
