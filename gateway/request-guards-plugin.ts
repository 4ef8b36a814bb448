import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, OperationDefinitionNode, SelectionSetNode } from 'graphql';
import { ErrorCode, apiError } from '../platform/graphql/errors.js';
import { isInternal } from '../platform/identity/caller.js';
import type { GatewayContext } from './create-gateway.js';

export interface RequestGuardOptions {
  /** When false, only internal roles may introspect the schema. */
  introspectionForAll: boolean;
}

/** True when the operation asks for `__schema` or `__type` (fragments at the root followed). */
export function isIntrospection(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  const fragments = new Map(document.definitions.flatMap((d) => (d.kind === 'FragmentDefinition' ? [[d.name.value, d.selectionSet] as const] : [])));
  const seen = new Set<string>();
  const visit = (set: SelectionSetNode): boolean =>
    set.selections.some((s) => {
      if (s.kind === 'Field') return s.name.value === '__schema' || s.name.value === '__type';
      if (s.kind === 'InlineFragment') return visit(s.selectionSet);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      const fragment = fragments.get(s.name.value);
      return fragment ? visit(fragment) : false;
    });
  return visit(operation.selectionSet);
}

/**
 * Who may send what, checked once the operation is parsed and validated, before any planning (which
 * registered operations a caller may send is decided earlier, before parsing: `trustedDocumentsGate`):
 * - with introspection closed, only internal roles may ask for `__schema` or `__type`: others get 403
 *   `INTROSPECTION_DISABLED`. (`__typename` is not introspection and stays open.)
 */
export function requestGuardsPlugin(options: RequestGuardOptions): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          if (isInternal(contextValue.caller) || !operation) return;
          if (!options.introspectionForAll && isIntrospection(document, operation)) {
            throw apiError(ErrorCode.INTROSPECTION_DISABLED, 'Schema introspection is not available; the schema is published in the API guide.', { http: { status: 403 } });
          }
        },
      };
    },
  };
}
