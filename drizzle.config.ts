import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit generates each subgraph's SQL migrations from its tables:
 * `npm run db:generate -- --config drizzle.config.ts` with SUBGRAPH=catalog (the default).
 */
const subgraph = process.env.SUBGRAPH ?? 'catalog';

export default defineConfig({
  dialect: 'postgresql',
  schema: `./subgraphs/${subgraph}/db/schema/index.ts`,
  out: `./subgraphs/${subgraph}/db/migrations`,
  schemaFilter: [subgraph],
});
