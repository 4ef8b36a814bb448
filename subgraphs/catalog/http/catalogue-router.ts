import express from 'express';
import type { Database } from '../../../platform/db/database.js';
import { listCataloguePage } from '../db/queries/catalogue-export.js';
import { getDatasetsByIds } from '../db/queries/datasets.js';
import { DATASET_ID } from '../model/slug-of.js';
import { catalogueIris } from '../rdf/catalogue-iris.js';
import { cataloguePageQuads } from '../rdf/catalogue-page-quads.js';
import { datasetDocumentQuads } from '../rdf/dataset-document-quads.js';
import { loadCatalogueEntries } from '../rdf/load-catalogue-entries.js';
import { RDF_FORMATS, type RdfFormat } from '../rdf/rdf-formats.js';
import { serializeRdf } from '../rdf/serialize-rdf.js';
import { CatalogueDocumentCache, type CatalogueAnswer } from './catalogue-document-cache.js';
import { catalogueQuery, DEFAULT_PAGE_SIZE, queryProblem } from './catalogue-query.js';
import { negotiateFormat, NOT_ACCEPTABLE_MESSAGE } from './negotiate-format.js';
import { publicBase } from './public-base.js';
import { recordRoutes } from './record-routes.js';
import { refuse, refusalBody } from './refuse.js';

/** The extension the path ends with (`ttl` in `/catalogue.ttl`), if any. */
function extensionOf(req: express.Request): string | undefined {
  const format: unknown = req.params.format;
  return typeof format === 'string' ? format : undefined;
}

/** The negotiated format, or false once the request is refused. */
function formatOf(req: express.Request, res: express.Response): RdfFormat | false {
  const extension = extensionOf(req);
  const format = negotiateFormat(req, extension);
  if (format === 'unknown-extension') {
    refuse(res, 404, 'NOT_FOUND', `Unknown format ".${extension?.slice(0, 20)}": use .ttl, .jsonld or .rdf.`);
    return false;
  }
  if (format === 'not-acceptable') {
    refuse(res, 406, 'NOT_ACCEPTABLE', NOT_ACCEPTABLE_MESSAGE);
    return false;
  }
  return format;
}

async function document(format: RdfFormat, quads: Parameters<typeof serializeRdf>[0]): Promise<CatalogueAnswer> {
  return { status: 200, mediaType: RDF_FORMATS[format].mediaType, body: await serializeRdf(quads, format) };
}

/** A refusal as a kept answer would be (refusals are never kept). */
function refusal(status: number, code: string, message: string): CatalogueAnswer {
  return { status, mediaType: 'application/json', body: JSON.stringify(refusalBody(code, message)) };
}

/** Sends an answer; Express adds the `ETag` and answers 304 to a matching `If-None-Match`. */
function send(res: express.Response, answer: CatalogueAnswer): void {
  res.status(answer.status).vary('Accept').type(answer.mediaType).send(answer.body);
}

/**
 * The harvestable catalogue: DCAT-AP 3 with HealthDCAT-AP, mounted under `/api` and reached through the
 * gateway's `/catalogue`.
 * - `GET /catalogue`, `/catalogue.ttl`, `/catalogue.jsonld`, `/catalogue.rdf`: one page of the catalogue
 *   with Hydra paging (`?page=`, `?page_size=`, `?modified_since=`);
 * - `GET /catalogue/datasets/:id` (and with an extension): one dataset;
 * - `POST /catalogue/datasets`, `PUT` and `DELETE /catalogue/datasets/:id`: records pushed by data
 *   stewards (`record-routes.ts`).
 * The format comes from the extension, else from `Accept`. Everything here is catalogue metadata, which
 * is public in this catalogue (only access to the data itself is restricted): every caller, anonymous or
 * not, gets the same documents, which are therefore kept (`CatalogueDocumentCache`) until the catalogue
 * changes, and carry an `ETag` (304 to a matching `If-None-Match`). Bad input gets 400 with a stable code
 * and a message; an unknown dataset or page 404; an unsupported `Accept` 406.
 */
export function catalogueRouter(database: Database, cache = new CatalogueDocumentCache()): express.Router {
  const router = express.Router();
  // Until changes are heard (or when hearing fails), every answer is built afresh.
  cache.start(database).catch(() => undefined);

  router.get('/catalogue{.:format}', async (req, res) => {
    const format = formatOf(req, res);
    if (!format) return;
    const parsed = catalogueQuery.safeParse(req.query);
    if (!parsed.success) return refuse(res, 400, 'BAD_REQUEST', queryProblem(parsed.error));
    const query = parsed.data;
    const base = publicBase(req);
    const extension = extensionOf(req) === undefined ? '' : `.${extensionOf(req)}`;
    const key = JSON.stringify(['page', format, extension, base, query.page, query.page_size, query.modified_since]);
    send(
      res,
      await cache.answer(key, async () => {
        const pageSize = query.page_size ?? DEFAULT_PAGE_SIZE;
        const modifiedSince = query.modified_since === undefined ? undefined : new Date(query.modified_since);
        const { total, rows, withdrawals } = await listCataloguePage(database.db, { offset: (query.page - 1) * pageSize, limit: pageSize, modifiedSince });
        const lastPage = Math.max(1, Math.ceil(total / pageSize));
        if (query.page > lastPage) return refusal(404, 'NOT_FOUND', `There is no page ${query.page}: the last page is ${lastPage}.`);
        const iris = catalogueIris(base);
        const pageIri = (n: number) => {
          const params = new URLSearchParams({ page: String(n) });
          if (query.page_size !== undefined) params.set('page_size', String(query.page_size));
          if (query.modified_since !== undefined) params.set('modified_since', query.modified_since);
          return `${iris.catalogue}${extension}?${params.toString()}`;
        };
        const { entries, holders } = await loadCatalogueEntries(database.db, rows);
        return document(format, cataloguePageQuads({ entries, holders, withdrawals, total, page: query.page, lastPage, pageIri }, iris));
      }),
    );
  });

  router.get('/catalogue/datasets/:id{.:format}', async (req, res) => {
    const format = formatOf(req, res);
    if (!format) return;
    const id = String(req.params.id);
    if (!DATASET_ID.test(id)) return refuse(res, 404, 'NOT_FOUND', `No dataset has the id "${id.slice(0, 120)}".`);
    const base = publicBase(req);
    send(
      res,
      await cache.answer(JSON.stringify(['dataset', format, base, id]), async () => {
        const [row] = await getDatasetsByIds(database.db, [id]);
        if (!row) return refusal(404, 'NOT_FOUND', `No dataset has the id "${id}".`);
        const { entries, holders } = await loadCatalogueEntries(database.db, [row]);
        return document(format, datasetDocumentQuads(entries, holders, catalogueIris(base)));
      }),
    );
  });

  router.use(recordRoutes(database));

  // Anything else under /api of the catalog: a JSON 404, not Express's HTML page.
  router.use((req, res) =>
    refuse(res, 404, 'NOT_FOUND', 'The catalogue serves GET /catalogue and GET /catalogue/datasets/<id> (with .ttl, .jsonld or .rdf), and POST, PUT and DELETE /catalogue/datasets for data stewards.'),
  );
  return router;
}
