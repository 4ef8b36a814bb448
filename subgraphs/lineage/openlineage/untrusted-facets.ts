import type { LineageEvent } from './core.js';
import { facetProblem, type FacetContainer } from './facets.js';

/** A facet that failed its schema: where it is in the event, and what is wrong with it. */
export interface UntrustedFacet {
  /** JSON path of the facet, e.g. `outputs[0].facets.ownership`. */
  path: string;
  problem: string;
}

/** Every facet of a core-valid event that fails its facet schema. */
export function findUntrustedFacets(value: LineageEvent): UntrustedFacet[] {
  const found: UntrustedFacet[] = [];
  const check = (container: FacetContainer, path: string, facets: Record<string, unknown> | undefined) => {
    for (const [key, facet] of Object.entries(facets ?? {})) {
      const problem = facetProblem(container, key, facet);
      if (problem) found.push({ path: `${path}.${key}`, problem });
    }
  };
  if (value.kind === 'DatasetEvent') {
    check('dataset', 'dataset.facets', value.event.dataset.facets);
    return found;
  }
  const e = value.event;
  if (value.kind === 'RunEvent') check('run', 'run.facets', value.event.run.facets);
  check('job', 'job.facets', e.job.facets);
  (e.inputs ?? []).forEach((d, i) => {
    check('dataset', `inputs[${i}].facets`, d.facets);
    check('inputDataset', `inputs[${i}].inputFacets`, d.inputFacets);
  });
  (e.outputs ?? []).forEach((d, i) => {
    check('dataset', `outputs[${i}].facets`, d.facets);
    check('outputDataset', `outputs[${i}].outputFacets`, d.outputFacets);
  });
  return found;
}

/** `facets` without the ones flagged under `path` (the facets the model may use). */
export function trustedFacets(facets: Record<string, unknown> | undefined, path: string, untrusted: readonly UntrustedFacet[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, facet] of Object.entries(facets ?? {})) {
    if (!untrusted.some((u) => u.path === `${path}.${key}`)) out[key] = facet;
  }
  return out;
}
