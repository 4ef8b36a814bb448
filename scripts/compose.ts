/** `npm run compose`: rewrites gateway/supergraph.graphql from the subgraphs' schema files. */
import { writeFile } from 'node:fs/promises';
import { composeSupergraph, supergraphFile } from '../gateway/compose.js';
import { subgraphSdls } from '../gateway/subgraphs.js';

const result = composeSupergraph(subgraphSdls);
if (!result.ok) {
  console.error(`Composition failed:\n${result.errors.map((e) => `- ${e}`).join('\n')}`);
  process.exit(1);
}
await writeFile(supergraphFile, result.supergraphSdl);
console.log(`Wrote ${supergraphFile.pathname}`);
