import type { Db } from '../../../../platform/db/database.js';
import { importDataset } from '../../db/queries/import-dataset.js';
import type { CurationActor, DatasetVersionRow } from '../../db/queries/dataset-history.js';
import type { InputProblem } from '../../model/dataset-input.js';
import { slugOf } from '../../model/slug-of.js';
import type { ShapeViolation } from '../shacl/validate-record-graph.js';
import type { RecordFormat } from './parse-rdf-document.js';
import { readRecordDocument } from './read-record-document.js';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** A record pushed by a data steward, and where it goes. */
export interface PushedRecord {
  readonly text: string;
  readonly format: RecordFormat;
  /** `create` (POST, the id comes from the record) or `replace` (PUT, the id is given). */
  readonly mode: 'create' | 'replace';
  /** The dataset's id, for `replace`. */
  readonly id?: string | undefined;
  /**
   * The catalogue's public address (`https://data.example.org`), when known: IRIs under it are the
   * catalogue's own. Without it, any IRI ending in `/catalogue/datasets/<id>` or `/catalogue/data-holders/<id>`
   * is taken as the catalogue's.
   */
  readonly publicBase?: string | undefined;
}

/** The answer to a pushed record. */
export type PushOutcome =
  | {
      ok: true;
      id: string;
      version: DatasetVersionRow;
      notKept: readonly string[];
      draftForm: boolean;
      createdDataHolders: readonly string[];
    }
  | {
      ok: false;
      code: 'INVALID_RDF' | 'INVALID_RECORD' | 'NOT_FOUND' | 'ALREADY_EXISTS';
      message: string;
      problems: readonly InputProblem[];
      violations: readonly ShapeViolation[];
    };

/** The id an IRI of the catalogue's own names, for `kind`; undefined for any other IRI. */
export function ownIdMatcher(publicBase: string | undefined): (iri: string, kind: 'dataset' | 'dataHolder') => string | undefined {
  return (iri, kind) => {
    const folder = kind === 'dataset' ? 'datasets' : 'data-holders';
    const match = new RegExp(`^(.*)/catalogue/${folder}/([^/#?]+)$`).exec(iri);
    if (!match || (publicBase !== undefined && match[1] !== publicBase)) return undefined;
    const id = decodeURIComponent(match[2] ?? '');
    return SLUG.test(id) ? id : undefined;
  };
}


/**
 * Takes in a HealthDCAT-AP record pushed by a data steward (`POST`/`PUT /catalogue/datasets` and the
 * `importDataset`/`replaceDatasetRecord` mutations): reads and validates it (`readRecordDocument`), names
 * it, and stores it with its data holders in one transaction (`importDataset`). A new dataset's id is the
 * one in the catalogue's own IRI of it, else made from its `dct:identifier`; a replacement keeps its id.
 */
export async function pushRecord(db: Db, pushed: PushedRecord, actor: CurationActor, today: string): Promise<PushOutcome> {
  const ownId = ownIdMatcher(pushed.publicBase);
  const base = `${pushed.publicBase ?? 'urn:x-catalogue:'}/catalogue/datasets/`;
  const read = await readRecordDocument(pushed.text, pushed.format, pushed.id ? `${base}${pushed.id}` : base);
  if (!read.ok) return { ok: false, code: read.code, message: read.message, problems: read.code === 'INVALID_RECORD' ? read.problems : [], violations: read.code === 'INVALID_RECORD' ? read.violations : [] };
  const { dataset } = read.reading;
  const named = dataset.iri === null ? undefined : ownId(dataset.iri, 'dataset');
  let id: string;
  if (pushed.mode === 'replace') {
    id = pushed.id ?? '';
    if (named !== undefined && named !== id) {
      const message = `The record describes the dataset "${named}", not "${id}": a record cannot rename a dataset.`;
      return { ok: false, code: 'INVALID_RECORD', message, problems: [{ field: null, message }], violations: [] };
    }
  } else {
    // A catalogue id made from the publisher's identifier: `EU-HDCA-R7-ONCOLOGY` gives `eu-hdca-r7-oncology`.
    id = named ?? slugOf(dataset.fields.identifier ?? '', 120);
    if (id === '') {
      const message = 'The dataset needs a dct:identifier (the catalogue makes its id from it).';
      return { ok: false, code: 'INVALID_RECORD', message, problems: [{ field: 'dct:identifier', message }], violations: [] };
    }
  }
  const stored = await importDataset(db, dataset, { id, mode: pushed.mode, ownId }, actor, today);
  if (!stored.ok) return { ...stored, violations: [] };
  return { ok: true, id, version: stored.version, notKept: read.reading.notKept, draftForm: read.reading.draftForm, createdDataHolders: stored.createdHolders };
}
