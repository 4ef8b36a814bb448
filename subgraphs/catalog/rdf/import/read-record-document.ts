import type { Quad } from 'n3';
import type { InputProblem } from '../../model/dataset-input.js';
import { datasetRecord } from '../../model/dataset-record.js';
import { dcat, dct } from '../namespaces.js';
import { accessLevelOfIri, validateRecordGraph, type ShapeViolation } from '../shacl/validate-record-graph.js';
import { toRelease8AgentForm } from './draft-agent-form.js';
import { parseRdfDocument, RdfSyntaxError, type RecordFormat } from './parse-rdf-document.js';
import { readDataset, type DatasetReading } from './read-dataset.js';
import { recordFieldProblems } from './record-field-problems.js';
import { shortIri } from '../short-iri.js';
import { RecordGraph } from './record-graph.js';

/** A pushed record, read and checked; what the catalogue will store comes from `dataset`. */
export interface RecordReading {
  readonly dataset: DatasetReading;
  /** Properties the record states that the catalogue does not keep (`dct:conformsTo`, `dct:title@de`...). */
  readonly notKept: readonly string[];
  /** True when the record used the older HealthDCAT-AP draft's agent properties. */
  readonly draftForm: boolean;
}

/** Why a record was refused before anything was stored. */
export type RecordRefusal =
  | { readonly code: 'INVALID_RDF'; readonly message: string }
  | { readonly code: 'INVALID_RECORD'; readonly message: string; readonly problems: readonly InputProblem[]; readonly violations: readonly ShapeViolation[] };

/**
 * Reads a HealthDCAT-AP record pushed by a data steward: parses it, rewrites the older draft's agent
 * properties into Release 8's, checks that it describes exactly one `dcat:Dataset` with an EU access
 * right, validates it against the catalogue's shapes for that access level, and reads the dataset into
 * record fields. Every problem found is returned at once; a refused record has changed nothing.
 */
export async function readRecordDocument(text: string, format: RecordFormat): Promise<{ ok: true; reading: RecordReading } | ({ ok: false } & RecordRefusal)> {
  let parsed;
  try {
    parsed = await parseRdfDocument(text, format);
  } catch (error) {
    if (error instanceof RdfSyntaxError) return { ok: false, code: 'INVALID_RDF', message: error.message };
    throw error;
  }
  return readRecordQuads(parsed);
}

/**
 * Reads the triples of one record, already parsed (a pushed document, or the part of a harvested page
 * that describes one dataset), as `readRecordDocument` does.
 */
export async function readRecordQuads(parsed: readonly Quad[]): Promise<{ ok: true; reading: RecordReading } | ({ ok: false } & RecordRefusal)> {
  const { quads, draft } = toRelease8AgentForm(parsed);
  const graph = new RecordGraph(quads);
  const datasets = graph.subjectsOfType(dcat('Dataset').value);
  const refuse = (message: string, problems: readonly InputProblem[] = [], violations: readonly ShapeViolation[] = []) =>
    ({ ok: false, code: 'INVALID_RECORD', message, problems, violations }) as const;
  const dataset = datasets[0];
  if (dataset === undefined || datasets.length !== 1) {
    return refuse(`A record describes exactly one dcat:Dataset; this one describes ${datasets.length}.`);
  }
  const rights = graph.store.getObjects(dataset, dct('accessRights'), null);
  const level = rights.length === 1 ? accessLevelOfIri(rights[0]?.value ?? '') : undefined;
  if (level === undefined) {
    return refuse('The dataset needs one dct:accessRights from the EU access-right table (PUBLIC, RESTRICTED or NON_PUBLIC).', [
      { field: 'dct:accessRights', message: 'give one of PUBLIC, RESTRICTED or NON_PUBLIC' },
    ]);
  }
  const violations = await validateRecordGraph(graph.store, level);
  const reading = readDataset(graph, dataset);
  if (violations.length > 0 || graph.problems.length > 0) {
    // What the catalogue requires of every dataset comes in the same answer, except where a violation or
    // a problem already names the property.
    const named = new Set([...graph.problems.map((p) => p.field), ...violations.map((v) => (v.path === null ? null : shortIri(v.path)))]);
    const required = datasetRecord.safeParse({ ...reading.fields, id: 'record', publisher: 'publisher' });
    if (!required.success) {
      for (const problem of recordFieldProblems(required.error)) if (!named.has(problem.field?.split('.')[0] ?? null)) graph.problems.push(problem);
    }
    const parts = [
      violations.length > 0 ? `${violations.length} SHACL violation${violations.length === 1 ? '' : 's'} of the HealthDCAT-AP shapes (${level})` : null,
      graph.problems.length > 0 ? `${graph.problems.length} value${graph.problems.length === 1 ? '' : 's'} the catalogue cannot take` : null,
    ].filter((p) => p !== null);
    return refuse(`The record is refused: ${parts.join(' and ')}.`, graph.problems, violations);
  }
  return { ok: true, reading: { dataset: reading, notKept: graph.notKept(), draftForm: draft } };
}
