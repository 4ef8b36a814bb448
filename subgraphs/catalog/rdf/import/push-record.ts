import type { Db } from '../../../../platform/db/database.js';
import { importDataset } from '../../db/queries/import-dataset.js';
import type { CurationActor, DatasetVersionRow } from '../../db/queries/dataset-history.js';
import type { InputProblem } from '../../model/dataset-input.js';
import { SLUG, slugOf } from '../../model/slug-of.js';
import type { ShapeViolation } from '../shacl/validate-record-graph.js';
import type { RecordFormat } from './parse-rdf-document.js';
import type { DatasetReading } from './read-dataset.js';
import { readRecordDocument } from './read-record-document.js';

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
   * catalogue's own. Without it, no IRI is taken as the catalogue's.
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
      code: 'INVALID_RDF' | 'INVALID_RECORD' | 'NOT_FOUND' | 'ALREADY_EXISTS' | 'HARVESTED_RECORD';
      message: string;
      problems: readonly InputProblem[];
      violations: readonly ShapeViolation[];
    };

/**
 * The id an IRI of the catalogue's own names, for `kind` (`<public>/catalogue/datasets/<id>` or
 * `<public>/catalogue/data-holders/<id>`); undefined for any other IRI, and for every IRI when the public
 * address is not known.
 */
export function ownIdMatcher(publicBase: string | undefined): (iri: string, kind: 'dataset' | 'dataHolder') => string | undefined {
  return (iri, kind) => {
    if (publicBase === undefined) return undefined;
    const prefix = `${publicBase}/catalogue/${kind === 'dataset' ? 'datasets' : 'data-holders'}/`;
    if (!iri.startsWith(prefix)) return undefined;
    let id: string;
    try {
      id = decodeURIComponent(iri.slice(prefix.length));
    } catch {
      return undefined;
    }
    return SLUG.test(id) ? id : undefined;
  };
}

/**
 * The IRIs of a record under the catalogue's own address that name none of its datasets (for the
 * dataset) or organisations (for an agent): the catalogue's page, a catalogue record, a distribution.
 * Kept as a publisher's IRI, such an IRI would make the export say two things of one resource.
 */
function misplacedOwnIris(dataset: DatasetReading, publicBase: string | undefined, ownId: ReturnType<typeof ownIdMatcher>): string[] {
  if (publicBase === undefined) return [];
  const own = (iri: string | null) => iri !== null && (iri === `${publicBase}/catalogue` || iri.startsWith(`${publicBase}/catalogue/`) || iri.startsWith(`${publicBase}/catalogue#`));
  const agents = Object.values(dataset.agents).map((a) => a.iri);
  return [
    ...(own(dataset.iri) && dataset.iri !== null && ownId(dataset.iri, 'dataset') === undefined ? [dataset.iri] : []),
    ...agents.filter((iri): iri is string => own(iri) && iri !== null && ownId(iri, 'dataHolder') === undefined),
  ];
}

/**
 * Takes in a HealthDCAT-AP record pushed by a data steward (`POST`/`PUT /catalogue/datasets` and the
 * `importDataset`/`replaceDatasetRecord` mutations): reads and validates it (`readRecordDocument`), names
 * it, and stores it with its data holders in one transaction (`importDataset`). A new dataset's id is the
 * one in the catalogue's own IRI of it, else made from its `dct:identifier`; a replacement keeps its id.
 */
export async function pushRecord(db: Db, pushed: PushedRecord, actor: CurationActor, today: string): Promise<PushOutcome> {
  const ownId = ownIdMatcher(pushed.publicBase);
  const read = await readRecordDocument(pushed.text, pushed.format);
  if (!read.ok) return { ok: false, code: read.code, message: read.message, problems: read.code === 'INVALID_RECORD' ? read.problems : [], violations: read.code === 'INVALID_RECORD' ? read.violations : [] };
  const { dataset } = read.reading;
  const misplaced = misplacedOwnIris(dataset, pushed.publicBase, ownId);
  if (misplaced.length > 0) {
    const problems = misplaced.map((iri) => ({ field: null, message: `${iri} is under the catalogue's own address but names none of its datasets or organisations` }));
    return { ok: false, code: 'INVALID_RECORD', message: problems.map((p) => p.message).join('; '), problems, violations: [] };
  }
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
  const notKept = [...read.reading.notKept, ...stored.referencedHolders];
  return { ok: true, id, version: stored.version, notKept, draftForm: read.reading.draftForm, createdDataHolders: stored.createdHolders };
}
