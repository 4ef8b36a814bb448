import { bigint, index, primaryKey } from 'drizzle-orm/pg-core';
import { lineageSchema } from './lineage-schema.js';
import { node } from './node.js';

/**
 * Directed lineage edges (data flows from `src` to `dst`): input dataset -> job and job -> output dataset
 * as OpenLineage runs report them, or dataset -> dataset when a producer reports no job. Indexed on both
 * ends, so walks upstream and downstream are index lookups. Edges are only ever added; `seq` numbers
 * them in insertion order, so a reader holding the graph in memory can fetch what was added since
 * (see `db/queries/edge-log.ts`).
 */
export const edge = lineageSchema.table(
  'edge',
  {
    src: bigint('src', { mode: 'number' })
      .notNull()
      .references(() => node.id),
    dst: bigint('dst', { mode: 'number' })
      .notNull()
      .references(() => node.id),
    seq: bigint('seq', { mode: 'number' }).notNull().generatedAlwaysAsIdentity(),
  },
  (t) => [primaryKey({ columns: [t.src, t.dst] }), index('edge_dst_src_idx').on(t.dst, t.src), index('edge_seq_idx').on(t.seq)],
);
