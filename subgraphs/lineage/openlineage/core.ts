import { z } from 'zod';
import { dateTime, uri, uuid } from './formats.js';

/**
 * The OpenLineage 2-0-x core event model, written from the specification: every facet is at least a
 * BaseFacet (`_producer` and `_schemaURL`, both URIs); the known facets are checked further in `facets.ts`.
 */
const baseFacet = z.looseObject({ _producer: uri, _schemaURL: uri });
const deletableFacet = baseFacet.extend({ _deleted: z.boolean().optional() });
const facetsOf = (facet: z.ZodType) => z.record(z.string(), facet);

const dataset = z.looseObject({
  namespace: z.string(),
  name: z.string(),
  facets: facetsOf(deletableFacet).optional(),
});
const inputDataset = dataset.extend({ inputFacets: facetsOf(baseFacet).optional() });
const outputDataset = dataset.extend({ outputFacets: facetsOf(baseFacet).optional() });
const job = z.looseObject({ namespace: z.string(), name: z.string(), facets: facetsOf(deletableFacet).optional() });
const run = z.looseObject({ runId: uuid, facets: facetsOf(baseFacet).optional() });

const baseEvent = z.looseObject({ eventTime: dateTime, producer: uri, schemaURL: uri });

export const runEvent = baseEvent.extend({
  eventType: z.enum(['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER']).optional(),
  run,
  job,
  inputs: z.array(inputDataset).optional(),
  outputs: z.array(outputDataset).optional(),
});
export const datasetEvent = baseEvent.extend({ dataset });
export const jobEvent = baseEvent.extend({
  job,
  inputs: z.array(inputDataset).optional(),
  outputs: z.array(outputDataset).optional(),
});

export type RunEvent = z.infer<typeof runEvent>;
export type DatasetEvent = z.infer<typeof datasetEvent>;
export type JobEvent = z.infer<typeof jobEvent>;
export type InputDataset = z.infer<typeof inputDataset>;
export type OutputDataset = z.infer<typeof outputDataset>;

/** A validated event and which of the three kinds it is. */
export type LineageEvent =
  | { kind: 'RunEvent'; event: RunEvent }
  | { kind: 'DatasetEvent'; event: DatasetEvent }
  | { kind: 'JobEvent'; event: JobEvent };

/** The outcome of checking one event against the core model. */
export type CoreCheck = { ok: true; value: LineageEvent } | { ok: false; problems: string[] };

/**
 * Checks an event against the core model. The kind follows the specification's `oneOf`: a RunEvent has
 * `run` and `job`; a JobEvent has `job` and no `run`; a DatasetEvent has `dataset` and not both `job` and
 * `run`. Problems name the JSON path and what is wrong, e.g. `run.runId: must be a UUID`.
 */
export function checkCore(input: unknown): CoreCheck {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: false, problems: ['the event must be a JSON object'] };
  const e = input as Record<string, unknown>;
  const has = (k: string) => e[k] !== undefined;
  let kind: LineageEvent['kind'];
  if (has('run') && has('job')) kind = 'RunEvent';
  else if (has('job') && has('dataset')) return { ok: false, problems: ['the event has both "job" and "dataset": it is neither a JobEvent nor a DatasetEvent'] };
  else if (has('job')) kind = 'JobEvent';
  else if (has('dataset')) kind = 'DatasetEvent';
  else if (has('run')) return { ok: false, problems: ['job: required (a RunEvent names its job)'] };
  else return { ok: false, problems: ['the event has none of "run"+"job" (RunEvent), "job" (JobEvent) or "dataset" (DatasetEvent)'] };
  const schema = kind === 'RunEvent' ? runEvent : kind === 'JobEvent' ? jobEvent : datasetEvent;
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(event)'}: ${i.code === 'invalid_type' && i.input === undefined ? 'required' : i.message}`) };
  }
  return { ok: true, value: { kind, event: parsed.data } as LineageEvent };
}
