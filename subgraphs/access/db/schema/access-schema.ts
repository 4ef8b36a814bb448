import { pgSchema } from 'drizzle-orm/pg-core';

/** The PostgreSQL schema that holds every table of the access subgraph. */
export const accessSchema = pgSchema('access');
