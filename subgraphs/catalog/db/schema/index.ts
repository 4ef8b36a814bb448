/** Every table of the catalog subgraph, for drizzle-kit and for typed queries. */
export { catalogSchema } from './catalog-schema.js';
export { dataHolder } from './data-holder.js';
export { dataset } from './dataset.js';
export { datasetSearch } from './dataset-search.js';
export { distribution } from './distribution.js';
export { datasetVersion } from './dataset-version.js';
export { harvestRun, harvestSource } from './harvest-source.js';
