import { createHash } from 'node:crypto';
import type express from 'express';
import { parse, print, type DocumentNode } from 'graphql';
import { isInternal, type Caller } from '../platform/identity/caller.js';
import { loadOperations, operationsDir } from './schema-check/load-operations.js';
import { graphqlErrorResponse } from './graphql-error-response.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface TrustedDocument {
  /** `<partner>/<OperationName>`. */
  id: string;
  source: string;
  /** The organisation whose operation it is (its directory under `operations/`). */
  partner: string;
  /** Any caller may send it (`# @shared`). */
  shared: boolean;
}

/**
 * The registered operations (`operations/<partner>/*.graphql`) as trusted documents. A request names one
 * by `documentId` (`"<partner>/<OperationName>"` or `"sha256:<hex>"`) or, as Apollo's persisted queries
 * do, by `extensions.persistedQuery.sha256Hash`, where the hash is the SHA-256 of the registered file's
 * text. A document sent in full is trusted when it is, once printed, the same as a registered one.
 */
export class TrustedDocuments {
  private readonly byId = new Map<string, TrustedDocument>();
  private readonly byHash = new Map<string, TrustedDocument>();
  private readonly bySource = new Map<string, TrustedDocument>();
  private readonly byPrinted = new Map<string, TrustedDocument>();

  private constructor(documents: readonly { id: string; source: string; document: DocumentNode; partner: string; shared: boolean }[]) {
    for (const d of documents) {
      const entry = { id: d.id, source: d.source, partner: d.partner, shared: d.shared };
      this.byId.set(d.id, entry);
      this.byHash.set(sha256(d.source), entry);
      this.bySource.set(d.source, entry);
      this.byPrinted.set(print(d.document), entry);
    }
  }

  /** Loads the registry; a registry with an invalid file refuses to load (the gateway must not start on it). */
  static async load(dir: string | URL = operationsDir): Promise<TrustedDocuments> {
    const { operations, errors } = await loadOperations(dir);
    if (errors.length > 0) throw new Error(`invalid registered operations: ${errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
    return new TrustedDocuments(operations.map((o) => ({ id: `${o.partner}/${o.operation}`, source: o.source, document: o.document, partner: o.partner, shared: o.shared })));
  }

  /** Registered documents. */
  get size(): number {
    return this.byId.size;
  }

  /** The registered text a `documentId` or persisted-query hash names, or undefined. */
  find(reference: { documentId?: string; sha256Hash?: string }): TrustedDocument | undefined {
    if (reference.documentId !== undefined) {
      const id = reference.documentId;
      return id.startsWith('sha256:') ? this.byHash.get(id.slice(7).toLowerCase()) : this.byId.get(id);
    }
    return reference.sha256Hash === undefined ? undefined : this.byHash.get(reference.sha256Hash.toLowerCase());
  }

  /**
   * True when `caller` may send the document `query`: internal roles may send anything; anyone else only
   * a registered operation that is shared or belongs to the caller's organisation. Text that does not
   * parse is simply not registered: the answer does not depend on whether it is valid GraphQL.
   */
  allows(caller: Caller, query: string): boolean {
    if (isInternal(caller)) return true;
    const entry = this.bySource.get(query) ?? this.registeredAs(query);
    return entry !== undefined && (entry.shared || entry.partner === caller.organisationId);
  }

  private registeredAs(query: string): TrustedDocument | undefined {
    try {
      return this.byPrinted.get(print(parse(query, { noLocation: true })));
    } catch {
      return undefined;
    }
  }
}

/**
 * Express middleware in front of the GraphQL endpoint, once the caller is known (`res.locals.caller`) and
 * registered documents named by id are resolved (`trustedDocumentsMiddleware`): a caller without an
 * internal role may only send a registered operation of its own organisation or a shared one. Anything
 * else is refused before it is parsed for Apollo or validated against the schema, with one answer (403
 * `TRUSTED_DOCUMENT_REQUIRED`) whether the text is valid, invalid or not GraphQL at all, so that nobody can
 * map the schema by telling validation errors from refusals.
 */
export function trustedDocumentsGate(registry: TrustedDocuments): express.RequestHandler {
  return (req, res, next) => {
    const caller = res.locals.caller as Caller;
    const body = req.body as GraphQLBody | undefined;
    const query = req.method === 'GET' ? (req.query as Record<string, unknown>).query : body && typeof body === 'object' && !Array.isArray(body) ? body.query : undefined;
    // No document at all (or a batch): Apollo gives its own 400.
    if (typeof query !== 'string' || registry.allows(caller, query)) return next();
    graphqlErrorResponse(
      res,
      403,
      'TRUSTED_DOCUMENT_REQUIRED',
      "Send one of your organisation's registered operations or a shared one (documentId or persisted-query hash); see \"Registered operations\" in the API guide.",
    );
  };
}

type GraphQLBody = {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
} & Record<string, unknown>;

/**
 * Express middleware in front of the GraphQL endpoint (after the JSON body parser): replaces a
 * `documentId` or a persisted-query hash by the registered document it names (400
 * `TRUSTED_DOCUMENT_NOT_FOUND` when it names none). Whether the caller may send the document is decided
 * next, once the caller is known (`trustedDocumentsGate`).
 */
export function trustedDocumentsMiddleware(registry: TrustedDocuments): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET') return trustedDocumentByGet(registry, req, res, next);
    const body = req.body as GraphQLBody | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return next();
    const resolved = resolveNamedDocument(registry, body.documentId, body.extensions, body.query);
    if (resolved === undefined) return next();
    if ('refusal' in resolved) return graphqlErrorResponse(res, 400, 'TRUSTED_DOCUMENT_NOT_FOUND', resolved.refusal);
    const { documentId: _id, extensions: _extensions, ...rest } = body;
    req.body = { ...rest, query: resolved.source, ...(resolved.extensions ? { extensions: resolved.extensions } : {}) };
    next();
  };
}

/**
 * The same for a GET request (`?extensions={"persistedQuery":…}` or `?documentId=…`, which CDNs can
 * cache): the registered document is put in the URL's `query` parameter that Apollo Server reads.
 */
function trustedDocumentByGet(registry: TrustedDocuments, req: express.Request, res: express.Response, next: express.NextFunction): void {
  const at = req.url.indexOf('?');
  if (at < 0) return next();
  const params = new URLSearchParams(req.url.slice(at + 1));
  let extensions: GraphQLBody['extensions'];
  try {
    const raw = params.get('extensions');
    extensions = raw ? (JSON.parse(raw) as GraphQLBody['extensions']) : undefined;
  } catch {
    // Apollo Server answers a malformed extensions parameter itself.
    return next();
  }
  const resolved = resolveNamedDocument(registry, params.get('documentId') ?? undefined, extensions, params.get('query') ?? undefined);
  if (resolved === undefined) return next();
  if ('refusal' in resolved) return graphqlErrorResponse(res, 400, 'TRUSTED_DOCUMENT_NOT_FOUND', resolved.refusal);
  params.delete('documentId');
  if (resolved.extensions) params.set('extensions', JSON.stringify(resolved.extensions));
  else params.delete('extensions');
  params.set('query', resolved.source);
  req.url = `${req.url.slice(0, at)}?${params.toString()}`;
  next();
}

/**
 * The registered document a request names by `documentId` or persisted-query hash, and its other
 * extensions (without `persistedQuery`); a refusal when it names none, or sends a document that differs
 * from the one it names; undefined when it names no document.
 */
function resolveNamedDocument(
  registry: TrustedDocuments,
  documentId: unknown,
  extensions: GraphQLBody['extensions'],
  query: unknown,
): { source: string; extensions: Record<string, unknown> | undefined } | { refusal: string } | undefined {
  const persisted = extensions?.persistedQuery;
  if (documentId === undefined && persisted === undefined) return undefined;
  const id = typeof documentId === 'string' ? documentId : undefined;
  const sha256Hash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
  const found = registry.find({ ...(id !== undefined ? { documentId: id } : {}), ...(sha256Hash !== undefined ? { sha256Hash } : {}) });
  if (!found) return { refusal: 'No registered operation has this documentId or hash. See operations/ in the API guide.' };
  if (typeof query === 'string' && query !== found.source) return { refusal: 'The document sent differs from the registered one it names.' };
  const { persistedQuery: _pq, ...otherExtensions } = extensions ?? {};
  return { source: found.source, extensions: Object.keys(otherExtensions).length > 0 ? otherExtensions : undefined };
}
