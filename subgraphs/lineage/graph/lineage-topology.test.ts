import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../../platform/db/database.js';
import { createTestDatabase } from '../../../test/support/test-database.js';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../../platform/db/rows.js';
import { edgeHighWaterMark, edgeWriteLock } from '../db/queries/edge-log.js';
import { findNode, mapDataset, walkLineage } from '../db/queries/walk.js';
import { ingestEvents } from '../openlineage/ingest.js';
import { LineageTopology } from './lineage-topology.js';

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

let runCounter = 0;
/** A COMPLETE run of `job` reading `inputs` and writing `outputs` (namespace "topo"). */
const run = (job: string, inputs: string[], outputs: string[]) => ({
  eventType: 'COMPLETE',
  eventTime: '2025-01-01T00:00:00Z',
  run: { runId: `7e000000-0000-4000-8000-${(++runCounter).toString(16).padStart(12, '0')}` },
  job: { namespace: 'topo', name: job },
  inputs: inputs.map((name) => ({ namespace: 'topo', name })),
  outputs: outputs.map((name) => ({ namespace: 'topo', name })),
  producer: 'urn:test',
  schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
});

async function idOf(name: string, kind: 'DATASET' | 'JOB' = 'DATASET'): Promise<number> {
  const node = await findNode(database.db, kind, 'topo', name);
  if (!node) throw new Error(`no node ${name}`);
  return node.id;
}

describe('LineageTopology', () => {
  it('finds the same nodes at the same distances as the indexed walk, cycles included', async () => {
    // a -> j1 -> b -> j2 -> c -> j3 -> a (a cycle), and b -> j4 -> d
    await ingestEvents(database.db, [run('j1', ['a'], ['b']), run('j2', ['b'], ['c']), run('j3', ['c'], ['a']), run('j4', ['b'], ['d'])]);
    const topology = new LineageTopology();
    await topology.refresh(database.db);
    const a = await idOf('a');
    for (const direction of ['DOWNSTREAM', 'UPSTREAM'] as const) {
      const inMemory = topology.closure([a], direction, 1000, true);
      const indexed = await walkLineage(database.db, [a], direction, 1000, 1000);
      expect(inMemory.distance).toEqual(indexed.distance);
      expect(new Set(inMemory.edges.map((e) => e.join('>')))).toEqual(new Set(indexed.edges.map((e) => e.join('>'))));
      expect(inMemory.isPartial).toBe(false);
    }
    const downstream = topology.closure([a], 'DOWNSTREAM', 1000);
    expect(downstream.distance.get(await idOf('d'))).toBe(4);
    expect(downstream.edges).toEqual([]);
  });

  it('sees edges written after its first load once refreshed, and never counts an edge twice', async () => {
    const topology = new LineageTopology();
    await topology.refresh(database.db);
    const before = topology.size;
    const a = await idOf('a');
    expect(topology.closure([a], 'DOWNSTREAM', 1000).distance.has(await idOf('d'))).toBe(true);
    await ingestEvents(database.db, [run('j5', ['d'], ['e']), run('j1', ['a'], ['b'])]);
    await Promise.all([topology.refresh(database.db), topology.refresh(database.db), topology.refresh(database.db)]);
    expect(topology.size).toBe(before + 2);
    expect(topology.closure([a], 'DOWNSTREAM', 1000).distance.get(await idOf('e'))).toBe(6);
  });

  it('stops at the node cap and says the closure is partial', async () => {
    const topology = new LineageTopology();
    await topology.refresh(database.db);
    const capped = topology.closure([await idOf('a')], 'DOWNSTREAM', 3);
    expect(capped.distance.size).toBe(3);
    expect(capped.isPartial).toBe(true);
  });

  // Two connections at once: PGlite has one, so this runs on PostgreSQL only.
  it.runIf(process.env.DATABASE_URL)('reads its high-water mark only after the edge writes in flight have committed', async () => {
    const from = await mapDataset(database.db, 'topo', 'in_flight_src', null);
    const to = await mapDataset(database.db, 'topo', 'in_flight_dst', null);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let inserted = () => {};
    const insertedEdge = new Promise<void>((resolve) => (inserted = resolve));
    const writer = database.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO lineage.edge (src, dst) SELECT ${from.id}::bigint, ${to.id}::bigint FROM ${edgeWriteLock}`);
      inserted();
      await held;
    });
    await insertedEdge;
    let answered = false;
    const mark = edgeHighWaterMark(database.db).then((m) => {
      answered = true;
      return m;
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    release();
    await writer;
    const [edge] = await queryRows<{ seq: string }>(database.db, sql`SELECT seq FROM lineage.edge WHERE src = ${from.id} AND dst = ${to.id}`);
    expect(await mark).toBeGreaterThanOrEqual(Number(edge?.seq));
  });
});
