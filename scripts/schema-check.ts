/**
 * `npm run schema:check`: fails when the subgraphs do not compose, or when the committed
 * gateway/supergraph.graphql is not what composing them gives today (run `npm run compose`).
 */
import { readFile } from 'node:fs/promises';
import { composeSupergraph, supergraphFile } from '../gateway/compose.js';
import { subgraphSdls } from '../gateway/subgraphs.js';

const result = composeSupergraph(subgraphSdls);
if (!result.ok) {
  console.error(`Composition failed:\n${result.errors.map((e) => `- ${e}`).join('\n')}`);
  process.exit(1);
}
const committed = await readFile(supergraphFile, 'utf8').catch(() => '');
if (committed !== result.supergraphSdl) {
  console.error('gateway/supergraph.graphql is stale: run `npm run compose` and commit the result.');
  process.exit(1);
}
console.log(`Schema check passed: ${subgraphSdls.length} subgraph(s) compose and the supergraph is up to date.`);
