import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** Who sends a query: nobody signed in, or an Inserm researcher. */
export type BenchCaller = 'anonymous' | 'researcher';

/** One query of the benchmark, as the load generator sends it. */
export interface BenchQuery {
  readonly name: string;
  readonly caller: BenchCaller;
  /** The JSON body POSTed to /graphql. */
  readonly body: Record<string, unknown>;
  /** Whether the catalog subgraph alone can answer it (the "direct" target). */
  readonly oneSubgraph: boolean;
}

const registered = (path: string) => readFileSync(new URL(`../../operations/${path}`, import.meta.url), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const page = (fields: string) => `{ datasets(first: 20) { edges { node { id title publisher { name } ${fields} } } } }`;

/**
 * The queries measured: the four of the partner comparison (one, two and three subgraphs, and the
 * registered search), a registered operation sent as a trusted document (its SHA-256, Apollo's
 * persisted-query form, which both gateways read), and an authenticated search.
 */
export function benchQueries(): BenchQuery[] {
  const details = registered('inserm/dataset-details.graphql');
  return [
    { name: 'datasets: one subgraph', caller: 'anonymous', body: { query: page('') }, oneSubgraph: true },
    { name: 'datasets + viewerAccess: two subgraphs', caller: 'researcher', body: { query: page('viewerAccess { status }') }, oneSubgraph: false },
    {
      name: 'datasets + viewerAccess + lineage: three subgraphs',
      caller: 'researcher',
      body: { query: page('viewerAccess { status } lineage(direction: UPSTREAM, depth: 2) { nodes { id } }') },
      oneSubgraph: false,
    },
    { name: 'inserm/search-datasets, anonymous', caller: 'anonymous', body: { query: registered('inserm/search-datasets.graphql'), variables: { search: 'cancer' } }, oneSubgraph: true },
    {
      name: 'inserm/dataset-details as a trusted document',
      caller: 'researcher',
      body: { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(details) } }, variables: { id: 'pmsi-mco' } },
      oneSubgraph: false,
    },
    {
      name: 'authenticated search',
      caller: 'researcher',
      body: { query: '{ datasets(search: "hospital stays", first: 10) { totalCount edges { node { id title accessRights { code } } } } }' },
      oneSubgraph: true,
    },
  ];
}

/** The registered operations by SHA-256 of their text: the persisted documents Hive Gateway is given. */
export function registeredDocuments(files: readonly string[]): Record<string, string> {
  return Object.fromEntries(files.map((path) => [sha256(registered(path)), registered(path)]));
}
