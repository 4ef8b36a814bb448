import { customType, pgSchema } from 'drizzle-orm/pg-core';

/** The PostgreSQL schema that holds every table of the catalog subgraph. */
export const catalogSchema = pgSchema('catalog');

/** PostgreSQL `tsvector`, read as its text form (only the database ever interprets it). */
export const tsvector = customType<{ data: string }>({
  dataType: () => 'tsvector',
});
