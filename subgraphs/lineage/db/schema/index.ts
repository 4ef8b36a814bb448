/** Every table of the lineage subgraph, for drizzle-kit and for typed queries. */
export { lineageSchema } from './lineage-schema.js';
export { columnLineage } from './column-lineage.js';
export { edge } from './edge.js';
export { event } from './event.js';
export { node } from './node.js';
export { run, runDataset, runState } from './run.js';
