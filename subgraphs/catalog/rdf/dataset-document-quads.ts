import type { Quad } from 'n3';
import { addAgentQuads } from './agent-quads.js';
import { holderIdsOf, type CatalogueEntry, type HolderIndex } from './catalogue-entry.js';
import type { CatalogueIris } from './catalogue-iris.js';
import { addDatasetQuads } from './dataset-quads.js';
import { QuadBuilder } from './quad-builder.js';

/**
 * The triples of a document describing `entries`: each dataset with its catalogue record, then each data
 * holder they name, once. A holder missing from `holders` (deleted meanwhile) is an inconsistency of the
 * caller's and throws.
 */
export function datasetDocumentQuads(entries: readonly CatalogueEntry[], holders: HolderIndex, iris: CatalogueIris, b = new QuadBuilder()): Quad[] {
  for (const entry of entries) addDatasetQuads(b, entry, holders, iris);
  const named = new Set(entries.flatMap((e) => holderIdsOf(e.dataset)));
  for (const id of [...named].sort()) {
    const holder = holders.get(id);
    if (!holder) throw new Error(`data holder ${id} is missing from the export`);
    addAgentQuads(b, holder, iris);
  }
  return b.quads;
}
