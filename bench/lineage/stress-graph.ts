import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/database.js';
import { queryRows } from '../../platform/db/rows.js';

export const PIPELINES = 2000;
export const PIPELINE_LENGTH = 100;
export const TARGET_EDGES = 1_000_000;

/**
 * Builds the stress graph directly in the lineage tables (ingestion is measured separately): 200,000
 * dataset nodes in 2,000 pipelines of 100; each node takes about 4 inputs from earlier nodes of its
 * pipeline; random cross-pipeline edges bring the total to 1,000,000, so cycles exist and closures are
 * large. Deterministic (setseed). Skipped when the graph is already there. Returns the first node id.
 */
export async function buildStressGraph(database: Database, log: (line: string) => void): Promise<number> {
  const [existing] = await queryRows<{ first: number | null; n: number }>(
    database.db,
    sql`SELECT min(id)::bigint AS first, count(*)::int AS n FROM lineage.node WHERE namespace = 'stress'`,
  );
  const [edges] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.edge`);
  if (existing && existing.n === PIPELINES * PIPELINE_LENGTH && (edges?.n ?? 0) >= TARGET_EDGES) return Number(existing.first);
  const started = performance.now();
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`TRUNCATE lineage.edge, lineage.column_lineage, lineage.run_dataset, lineage.run_state, lineage.run, lineage.node RESTART IDENTITY CASCADE`);
    await tx.execute(sql`
      INSERT INTO lineage.node (kind, namespace, name)
      SELECT 'DATASET', 'stress', 'p' || p || '.n' || n
      FROM generate_series(0, ${PIPELINES - 1}) p, generate_series(0, ${PIPELINE_LENGTH - 1}) n
      ORDER BY p, n`);
    await tx.execute(sql`SELECT setseed(0.42)`);
    // Node (p, n) has id p*100 + n + 1. Each node n > 0 takes min(n, 4) inputs from earlier nodes.
    await tx.execute(sql`
      INSERT INTO lineage.edge (src, dst)
      SELECT DISTINCT p * ${PIPELINE_LENGTH} + floor(random() * n)::int + 1, p * ${PIPELINE_LENGTH} + n + 1
      FROM generate_series(0, ${PIPELINES - 1}) p, generate_series(1, ${PIPELINE_LENGTH - 1}) n, generate_series(1, 4) k
      WHERE k <= n
      ON CONFLICT DO NOTHING`);
    const [count] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM lineage.edge`);
    const missing = TARGET_EDGES - (count?.n ?? 0);
    await tx.execute(sql`
      INSERT INTO lineage.edge (src, dst)
      SELECT floor(random() * ${PIPELINES * PIPELINE_LENGTH})::int + 1, floor(random() * ${PIPELINES * PIPELINE_LENGTH})::int + 1
      FROM generate_series(1, ${Math.ceil(missing * 1.02)})
      ON CONFLICT DO NOTHING`);
  });
  await database.db.execute(sql`ANALYZE lineage.edge`);
  await database.db.execute(sql`ANALYZE lineage.node`);
  const [count] = await queryRows<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM lineage.edge`);
  log(`  built ${PIPELINES * PIPELINE_LENGTH} nodes and ${count?.n} edges in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return 1;
}
