import { createHash } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, FragmentDefinitionNode, GraphQLSchema, SelectionSetNode } from 'graphql';
import { ErrorCode, apiError } from '../platform/graphql/errors.js';
import { hasRole, isAuthenticated, type Caller } from '../platform/identity/caller.js';
import type { Logger } from '../platform/logger.js';
import type { AuditEntryInput } from '../subgraphs/access/db/queries/audit.js';
import type { GatewayContext } from './create-gateway.js';
import { AUTHENTICATED, fieldPolicy } from './field-policy.js';

interface NamedTypeLike {
  name: string;
  getFields?: () => Record<string, { type: unknown }>;
}

/** The named type under lists and non-nulls (duck-typed: the schema may come from another graphql copy). */
function namedType(type: unknown): NamedTypeLike | undefined {
  let current = type as { ofType?: unknown; name?: string } | undefined;
  while (current && current.ofType) current = current.ofType as typeof current;
  return current as NamedTypeLike | undefined;
}

/**
 * Every `Type.field` an operation selects, fragments included. Walks the document against the schema by
 * name only: the gateway's schema objects come from Apollo's CommonJS copy of graphql, which graphql's own
 * `TypeInfo` (ESM copy) refuses to mix with.
 */
export function selectedCoordinates(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const coordinates = new Set<string>();
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === 'FragmentDefinition') fragments.set(d.name.value, d);
  const seen = new Set<string>();
  const walk = (type: NamedTypeLike | undefined, set: SelectionSetNode) => {
    if (!type) return;
    for (const selection of set.selections) {
      if (selection.kind === 'Field') {
        coordinates.add(`${type.name}.${selection.name.value}`);
        const field = type.getFields?.()[selection.name.value];
        if (field && selection.selectionSet) walk(namedType(field.type), selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') {
        const target = selection.typeCondition ? (schema.getType(selection.typeCondition.name.value) as NamedTypeLike | undefined) : type;
        walk(target, selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        const key = `${type.name}:${selection.name.value}`;
        if (!fragment || seen.has(key)) continue;
        seen.add(key);
        walk(schema.getType(fragment.typeCondition.name.value) as NamedTypeLike | undefined, fragment.selectionSet);
      }
    }
  };
  for (const d of document.definitions) {
    if (d.kind !== 'OperationDefinition') continue;
    const root = d.operation === 'query' ? schema.getQueryType() : d.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
    walk((root ?? undefined) as NamedTypeLike | undefined, d.selectionSet);
  }
  return coordinates;
}

/** The first field of `coordinates` the caller may never see, or null. */
export function forbiddenField(caller: Caller, coordinates: Iterable<string>): string | null {
  for (const coordinate of coordinates) {
    const rule = fieldPolicy[coordinate];
    if (rule === undefined) continue;
    if (!isAuthenticated(caller)) return coordinate;
    if (rule !== AUTHENTICATED && !hasRole(caller, ...rule)) return coordinate;
  }
  return null;
}

/** Writes one audit entry; throws when it cannot. */
export type AuditWriter = (entry: AuditEntryInput) => Promise<void>;

/** The SHA-256 of a document's text, as the audit trail records it. */
export function documentHashOf(text: string | undefined): string | null {
  return text ? createHash('sha256').update(text).digest('hex') : null;
}

/** The audit entry of one GraphQL operation of `caller` at the gateway. */
export function gatewayAuditEntry(caller: Caller, operationName: string | null, documentHash: string | null, outcome: AuditEntryInput['outcome']): AuditEntryInput {
  // A caller is exactly its request id, subject, organisation and roles.
  return { ...caller, source: 'gateway', action: 'graphql', operationName, documentHash, datasetIds: [], outcome };
}

/** What is answered (with HTTP 500) instead of an operation whose audit entry could not be written. */
export function unrecordedAnswer() {
  return { errors: [{ message: 'The request could not be recorded in the audit trail, so it is refused.', extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } }] };
}

/**
 * The gateway's authorisation and audit hooks:
 * - before planning, refuses an operation selecting a field the caller can never see (`fieldPolicy`),
 *   with `UNAUTHENTICATED` for anonymous callers and `FORBIDDEN` otherwise;
 * - records every operation of an authenticated caller (operation name, document hash, outcome) in the
 *   audit trail. If that record cannot be written, the response is replaced by an error: an operation is
 *   never answered without its trace.
 */
export function policyAndAuditPlugin(audit: AuditWriter | undefined, logger: Logger): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, schema }) {
          const field = forbiddenField(contextValue.caller, selectedCoordinates(schema, document));
          if (field === null) return;
          if (!isAuthenticated(contextValue.caller)) {
            throw apiError(ErrorCode.UNAUTHENTICATED, `Sign in to use ${field}.`, { http: { status: 401 }, field });
          }
          throw apiError(ErrorCode.FORBIDDEN, `Your roles do not allow ${field}.`, { http: { status: 403 }, field });
        },
        async willSendResponse({ contextValue, response, request, operationName, source }) {
          const caller = contextValue.caller;
          if (!audit || !isAuthenticated(caller) || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors ?? [];
          const codes = errors.map((e) => e.extensions?.code);
          const outcome = codes.some((c) => c === ErrorCode.FORBIDDEN || c === ErrorCode.UNAUTHENTICATED) ? 'DENIED' : errors.length > 0 ? 'FAILED' : 'SUCCESS';
          try {
            await audit(gatewayAuditEntry(caller, operationName ?? request.operationName ?? null, documentHashOf(source ?? request.query), outcome));
          } catch (error) {
            logger.error({ err: error, requestId: caller.requestId }, 'audit entry could not be written');
            response.body.singleResult = unrecordedAnswer();
            response.http.status = 500;
          }
        },
      };
    },
  };
}
