import express from 'express';
import type { Database } from '../../../platform/db/database.js';
import type { Caller } from '../../../platform/identity/caller.js';
import { refuseUnlessRole } from '../../../platform/server/refuse-unless-role.js';
import { withdrawCuratedDataset } from '../db/queries/curate-datasets.js';
import { utcToday } from '../model/curation-dates.js';
import { CURATOR_ROLES, curationActor } from '../model/curation-roles.js';
import { DATASET_ID } from '../model/slug-of.js';
import { catalogueIris } from '../rdf/catalogue-iris.js';
import type { RecordFormat } from '../rdf/import/parse-rdf-document.js';
import { pushRecord, type PushOutcome } from '../rdf/import/push-record.js';
import { readableViolation } from '../rdf/import/readable-violation.js';
import { describeViolations } from '../rdf/shacl/validate-record-graph.js';
import { publicBase } from './public-base.js';
import { refuse } from './refuse.js';

/** Largest record accepted, in bytes. */
export const MAX_RECORD_BYTES = 5 * 1024 * 1024;

/** Media types a record may be pushed in. */
const RECORD_TYPES: Readonly<Record<string, RecordFormat>> = {
  'text/turtle': 'turtle',
  'application/x-turtle': 'turtle',
  'application/ld+json': 'jsonld',
  'application/json': 'jsonld',
};

const STATUS: Readonly<Record<Extract<PushOutcome, { ok: false }>['code'], number>> = {
  INVALID_RDF: 400,
  INVALID_RECORD: 422,
  NOT_FOUND: 404,
  ALREADY_EXISTS: 409,
  HARVESTED_RECORD: 409,
};


/** The record's format by `Content-Type`, or false once a 415 is sent. */
function formatOf(req: express.Request, res: express.Response): RecordFormat | false {
  const type = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const format = RECORD_TYPES[type];
  if (format) return format;
  refuse(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the record as text/turtle or application/ld+json.');
  return false;
}

async function answer(req: express.Request, res: express.Response, outcome: PushOutcome, created: boolean): Promise<void> {
  if (!outcome.ok) {
    const report = outcome.violations.length > 0 ? describeViolations(outcome.violations) : undefined;
    refuse(res, STATUS[outcome.code], outcome.code, outcome.message, {
      ...(outcome.problems.length > 0 ? { problems: outcome.problems } : {}),
      ...(outcome.violations.length > 0 ? { violations: outcome.violations.map(readableViolation), report } : {}),
    });
    return;
  }
  const iri = catalogueIris(publicBase(req)).dataset(outcome.id);
  res
    .status(created ? 201 : 200)
    .location(iri)
    .json({
      id: outcome.id,
      version: outcome.version.version,
      location: iri,
      notKept: outcome.notKept,
      draftForm: outcome.draftForm,
      createdDataHolders: outcome.createdDataHolders,
    });
}

/**
 * The write side of `/catalogue/datasets`, for data stewards and admins:
 * - `POST /catalogue/datasets`: a new dataset from a HealthDCAT-AP record (Turtle or JSON-LD): 201 with
 *   its id, `Location`, and the properties the catalogue did not keep;
 * - `PUT /catalogue/datasets/:id`: replaces that dataset's description with the record: 200;
 * - `DELETE /catalogue/datasets/:id` (`?reason=`): withdraws it: 204.
 * Refusals: 400 `INVALID_RDF` (not well-formed), 422 `INVALID_RECORD` with `problems` and the SHACL
 * `violations` and their readable `report`, 404, 409 `ALREADY_EXISTS`, 415, 401, 403. A refused record
 * stores nothing.
 */
export function recordRoutes(database: Database): express.Router {
  const router = express.Router();
  // The caller is checked before the body is read: others never get to send 5 MB.
  const curator: express.RequestHandler = (_req, res, next) => {
    if (!refuseUnlessRole(res, res.locals.caller as Caller, CURATOR_ROLES, 'Send a bearer token of a data steward.')) next();
  };
  const body = express.text({ type: () => true, limit: MAX_RECORD_BYTES });

  router.post('/catalogue/datasets', curator, body, async (req, res) => {
    const caller = res.locals.caller as Caller;
    const format = formatOf(req, res);
    if (!format) return;
    const outcome = await pushRecord(database.db, { text: String(req.body), format, mode: 'create', publicBase: publicBase(req) }, curationActor(caller), utcToday());
    await answer(req, res, outcome, true);
  });

  router.put('/catalogue/datasets/:id', curator, body, async (req, res) => {
    const caller = res.locals.caller as Caller;
    const format = formatOf(req, res);
    if (!format) return;
    const id = String(req.params.id);
    if (!DATASET_ID.test(id)) return refuse(res, 404, 'NOT_FOUND', `No dataset has the id "${id.slice(0, 120)}".`);
    const outcome = await pushRecord(database.db, { text: String(req.body), format, mode: 'replace', id, publicBase: publicBase(req) }, curationActor(caller), utcToday());
    await answer(req, res, outcome, false);
  });

  router.delete('/catalogue/datasets/:id', curator, async (req, res) => {
    const caller = res.locals.caller as Caller;
    const id = String(req.params.id);
    const reason = typeof req.query.reason === 'string' && req.query.reason.trim() !== '' ? req.query.reason.trim() : 'Withdrawn through DELETE /catalogue/datasets.';
    if (reason.length > 5000) return refuse(res, 400, 'BAD_REQUEST', 'Give a reason of at most 5000 characters.');
    if (!DATASET_ID.test(id)) return refuse(res, 404, 'NOT_FOUND', `No dataset has the id "${id.slice(0, 120)}".`);
    const outcome = await withdrawCuratedDataset(database.db, id, reason, curationActor(caller));
    if (!outcome.ok) return refuse(res, outcome.code === 'HARVESTED_RECORD' ? 409 : 404, outcome.code === 'HARVESTED_RECORD' ? outcome.code : 'NOT_FOUND', outcome.message);
    res.status(204).end();
  });

  // A body the reader refused: too large, or in a character set it cannot decode.
  router.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const type = (error as { type?: string } | null)?.type;
    if (type === 'entity.too.large') return refuse(res, 413, 'PAYLOAD_TOO_LARGE', `A record may be at most ${MAX_RECORD_BYTES / 1024 / 1024} MB.`);
    if (type === 'charset.unsupported' || type === 'encoding.unsupported') return refuse(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the record in UTF-8.');
    next(error);
  });

  return router;
}
