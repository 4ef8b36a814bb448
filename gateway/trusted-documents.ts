import { createHash } from 'node:crypto';
import type express from 'express';
import { print, type DocumentNode } from 'graphql';
import { loadOperations, operationsDir } from './schema-check/load-operations.js';
import { graphqlErrorResponse } from './graphql-error-response.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

interface TrustedDocument {
  /** `<partner>/<OperationName>`. */
  id: string;
  source: string;
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
  private readonly printed = new Set<string>();

  private constructor(documents: readonly { id: string; source: string; document: DocumentNode }[]) {
    for (const d of documents) {
      const entry = { id: d.id, source: d.source };
      this.byId.set(d.id, entry);
      this.byHash.set(sha256(d.source), entry);
      this.printed.add(print(d.document));
    }
  }

  /** Loads the registry; a registry with an invalid file refuses to load (the gateway must not start on it). */
  static async load(dir: string | URL = operationsDir): Promise<TrustedDocuments> {
    const { operations, errors } = await loadOperations(dir);
    if (errors.length > 0) throw new Error(`invalid registered operations: ${errors.map((e) => `${e.file}: ${e.message}`).join('; ')}`);
    return new TrustedDocuments(operations.map((o) => ({ id: `${o.partner}/${o.operation}`, source: o.source, document: o.document })));
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

  /** True when `document` is a registered one (compared in printed form, so layout does not matter). */
  isTrusted(document: DocumentNode): boolean {
    return this.printed.has(print(document));
  }
}

type GraphQLBody = {
  query?: unknown;
  documentId?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
} & Record<string, unknown>;

/**
 * Express middleware in front of the GraphQL endpoint (after the JSON body parser): replaces a
 * `documentId` or a persisted-query hash by the registered document it names (400
 * `TRUSTED_DOCUMENT_NOT_FOUND` when it names none). Whether a caller must send a registered document is decided later, once the caller is
 * known (`trustedDocumentsPlugin`).
 */
export function trustedDocumentsMiddleware(registry: TrustedDocuments): express.RequestHandler {
  return (req, res, next) => {
    const body = req.body as GraphQLBody | undefined;
    if (!body || typeof body !== 'object' || Array.isArray(body)) return next();
    const persisted = body.extensions?.persistedQuery;
    if (body.documentId === undefined && persisted === undefined) return next();
    const documentId = typeof body.documentId === 'string' ? body.documentId : undefined;
    const sha256Hash = typeof persisted?.sha256Hash === 'string' ? persisted.sha256Hash : undefined;
    const found = registry.find({ ...(documentId !== undefined ? { documentId } : {}), ...(sha256Hash !== undefined ? { sha256Hash } : {}) });
    if (!found) {
      graphqlErrorResponse(res, 400, 'TRUSTED_DOCUMENT_NOT_FOUND', 'No registered operation has this documentId or hash. See operations/ in the API guide.');
      return;
    }
    if (typeof body.query === 'string' && body.query !== found.source) {
      graphqlErrorResponse(res, 400, 'TRUSTED_DOCUMENT_NOT_FOUND', 'The document sent differs from the registered one it names.');
      return;
    }
    const { documentId: _id, extensions, ...rest } = body;
    const { persistedQuery: _pq, ...otherExtensions } = extensions ?? {};
    req.body = { ...rest, query: found.source, ...(Object.keys(otherExtensions).length > 0 ? { extensions: otherExtensions } : {}) };
    next();
  };
}
