import express from 'express';
import { sql } from 'drizzle-orm';
import type { Database } from '../../../platform/db/database.js';
import { queryRows } from '../../../platform/db/rows.js';
import type { Caller } from '../../../platform/identity/caller.js';
import { refuseUnlessRole } from '../../../platform/server/refuse-unless-role.js';
import { INTERNAL_ROLES, type Role } from '../../../platform/identity/roles.js';
import type { EventIntake } from '../openlineage/event-intake.js';
import { InvalidEventsError, MAX_BATCH } from '../openlineage/ingest.js';

/** Roles that may push lineage, and roles that may read the raw events back. */
const WRITERS: readonly Role[] = ['pipeline', 'admin'];
const READERS: readonly Role[] = INTERNAL_ROLES;


/**
 * The OpenLineage HTTP API, with Marquez's contract:
 * - `POST /api/v1/lineage` (one event) and `POST /api/v1/lineage/batch` (an array): 201 with a report of
 *   what was stored, duplicates and untrusted facets, once the events are durable in `intake` (which
 *   applies them to the model a moment later); 400 naming every problem, nothing stored;
 * - `GET /api/v1/events/lineage?limit=&before=`: stored events, newest first, as received.
 * The caller comes from the gateway's identity token (checked before this router runs).
 */
export function openLineageRouter(database: Database, intake: EventIntake): express.Router {
  const router = express.Router();
  router.use(express.json({ limit: '10mb' }));

  const accept = async (req: express.Request, res: express.Response, events: unknown[]) => {
    try {
      const report = await intake.accept(events);
      res.status(201).json(report);
    } catch (error) {
      if (error instanceof InvalidEventsError) {
        res.status(400).json({ code: 'INVALID_EVENT', message: error.message, problems: error.problems });
        return;
      }
      throw error;
    }
  };

  router.post('/v1/lineage', async (req, res) => {
    if (refuseUnlessRole(res, res.locals.caller as Caller, WRITERS)) return;
    if (Array.isArray(req.body)) {
      res.status(400).json({ code: 'INVALID_EVENT', message: 'Send one event here, or an array to /api/v1/lineage/batch.' });
      return;
    }
    await accept(req, res, [req.body]);
  });

  router.post('/v1/lineage/batch', async (req, res) => {
    if (refuseUnlessRole(res, res.locals.caller as Caller, WRITERS)) return;
    if (!Array.isArray(req.body) || req.body.length === 0 || req.body.length > MAX_BATCH) {
      res.status(400).json({ code: 'INVALID_EVENT', message: `Send a JSON array of 1 to ${MAX_BATCH} events.` });
      return;
    }
    await accept(req, res, req.body as unknown[]);
  });

  router.get('/v1/events/lineage', async (req, res) => {
    if (refuseUnlessRole(res, res.locals.caller as Caller, READERS)) return;
    const limit = Number(req.query.limit ?? 100);
    const before = req.query.before === undefined ? undefined : Number(req.query.before);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000 || (before !== undefined && !Number.isSafeInteger(before))) {
      res.status(400).json({ code: 'BAD_REQUEST', message: 'limit must be 1 to 1000; before an event sequence number.' });
      return;
    }
    const rows = await queryRows<{ seq: number; payload: unknown }>(
      database.db,
      sql`SELECT seq::int AS seq, payload FROM lineage.event ${before === undefined ? sql`` : sql`WHERE seq < ${before}`} ORDER BY lineage.event.seq DESC LIMIT ${limit}`,
    );
    res.json({
      events: rows.map((r) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload)),
      nextBefore: rows.length === limit ? rows.at(-1)?.seq : null,
    });
  });

  // Malformed JSON and other request errors: a clear 400, never a stack trace.
  router.use((error: Error & { status?: number; type?: string }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (error.type === 'entity.parse.failed') {
      res.status(400).json({ code: 'INVALID_JSON', message: 'The body is not valid JSON.' });
      return;
    }
    if (error.type === 'entity.too.large') {
      res.status(413).json({ code: 'PAYLOAD_TOO_LARGE', message: 'The body is larger than 10 MB.' });
      return;
    }
    next(error);
  });
  return router;
}
