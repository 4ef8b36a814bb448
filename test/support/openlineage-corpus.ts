import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

/** The OpenLineage conformance fixtures (written by others; sources and licences in their README). */
export const CORPUS = path.resolve(import.meta.dirname, '../fixtures/conformance/openlineage');

/** The events of one corpus folder, by file name. */
export function corpusEvents(folder: 'valid' | 'completed' | 'invalid-core' | 'invalid-facet'): [string, unknown][] {
  const dir = path.join(CORPUS, 'events', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as unknown]);
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;

/**
 * The official validators: the core schema (spec/OpenLineage.json), and each facet schema registered
 * under its `$id`, so every `$ref` resolves offline. `facetValidator(container, key)` follows the facet
 * schema's own declaration of where it belongs (RunFacet, JobFacet, DatasetFacet, Input/OutputDatasetFacet).
 */
export function officialValidators() {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  const core = JSON.parse(readFileSync(path.join(CORPUS, 'spec', 'OpenLineage.json'), 'utf8')) as { $id: string };
  ajv.addSchema(core);
  const byContainer = new Map<string, (facet: unknown) => boolean>();
  const facetDir = path.join(CORPUS, 'spec', 'facets');
  for (const file of readdirSync(facetDir).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(path.join(facetDir, file), 'utf8')) as {
      $id: string;
      properties: Record<string, { $ref?: string }>;
      $defs: Record<string, { allOf?: { $ref?: string }[] }>;
    };
    ajv.addSchema(schema);
    for (const [key, ref] of Object.entries(schema.properties)) {
      if (!ref.$ref) continue;
      const defName = ref.$ref.split('/').at(-1) ?? '';
      const base = schema.$defs[defName]?.allOf?.find((a) => a.$ref?.includes('OpenLineage.json'))?.$ref?.split('/').at(-1);
      const container = { RunFacet: 'run', JobFacet: 'job', DatasetFacet: 'dataset', InputDatasetFacet: 'inputDataset', OutputDatasetFacet: 'outputDataset' }[base ?? ''];
      if (!container) continue;
      const validate = ajv.compile({ $ref: `${schema.$id}#/$defs/${defName}` });
      byContainer.set(`${container}:${key}`, (facet) => validate(facet) as boolean);
    }
  }
  const validateCore = ajv.compile({ $ref: core.$id });
  return {
    core: (event: unknown) => validateCore(event) as boolean,
    facetValidator: (container: string, key: string) => byContainer.get(`${container}:${key}`),
  };
}

/** Paths of the facets of an event that fail their official facet schema. */
export function officialUntrustedFacets(event: Record<string, unknown>, facetValidator: ReturnType<typeof officialValidators>['facetValidator']): string[] {
  const out: string[] = [];
  const check = (container: string, p: string, facets: unknown) => {
    for (const [key, facet] of Object.entries((facets ?? {}) as Record<string, unknown>)) {
      const validate = facetValidator(container, key);
      if (validate && !validate(facet)) out.push(`${p}.${key}`);
    }
  };
  const e = event as { run?: { facets?: unknown }; job?: { facets?: unknown }; dataset?: { facets?: unknown }; inputs?: Record<string, unknown>[]; outputs?: Record<string, unknown>[] };
  if (e.dataset) check('dataset', 'dataset.facets', e.dataset.facets);
  if (e.run && e.job) check('run', 'run.facets', e.run.facets);
  if (e.job) check('job', 'job.facets', e.job.facets);
  (e.inputs ?? []).forEach((d, i) => {
    check('dataset', `inputs[${i}].facets`, d.facets);
    check('inputDataset', `inputs[${i}].inputFacets`, d.inputFacets);
  });
  (e.outputs ?? []).forEach((d, i) => {
    check('dataset', `outputs[${i}].facets`, d.facets);
    check('outputDataset', `outputs[${i}].outputFacets`, d.outputFacets);
  });
  return out.sort();
}
