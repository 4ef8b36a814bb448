import { pgSchema } from 'drizzle-orm/pg-core';

/** The PostgreSQL schema that holds every table of the lineage subgraph. */
export const lineageSchema = pgSchema('lineage');
