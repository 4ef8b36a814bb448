import { Kind, parse, type ConstDirectiveNode, type DocumentNode, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode } from 'graphql';
import { ONWARD_CALLS } from '../../platform/identity/onward-identity.js';

/** Enum value of `join__Graph` → subgraph name, from the supergraph's `@join__graph(name:)`. */
function graphNames(supergraph: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const name = value.directives?.find((d) => d.name.value === 'join__graph')?.arguments?.find((a) => a.name.value === 'name')?.value;
      if (name?.kind === Kind.STRING) names.set(value.name.value, name.value);
    }
  }
  return names;
}

/** The `graph:` arguments of the directives named `directive`. */
function graphsOf(directives: readonly ConstDirectiveNode[] | undefined, directive: string, names: Map<string, string>): string[] {
  const graphs: string[] = [];
  for (const d of directives ?? []) {
    if (d.name.value !== directive) continue;
    const graph = d.arguments?.find((a) => a.name.value === 'graph')?.value;
    if (graph?.kind === Kind.ENUM) graphs.push(names.get(graph.value) ?? graph.value.toLowerCase());
  }
  return graphs;
}

/**
 * Which subgraphs an operation's answer is built from, read from the supergraph's join directives: each
 * selected field resolved by exactly one subgraph names it; fields several subgraphs share (keys, shared
 * values) come from a subgraph already named by their parent. A subgraph that calls others for its
 * answers (`ONWARD_CALLS`: lineage checks visibility in catalog and access) brings them in too. When no
 * field names a subgraph, every subgraph is assumed, so that the set is never too small.
 */
export class OperationSubgraphs {
  /** `Type.field` → the one subgraph resolving it. */
  private readonly owners = new Map<string, string>();
  private readonly all: string[];

  constructor(supergraphSdl: string) {
    const supergraph = parse(supergraphSdl);
    const names = graphNames(supergraph);
    this.all = [...new Set(names.values())];
    for (const definition of supergraph.definitions) {
      if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
      const typeGraphs = graphsOf(definition.directives, 'join__type', names);
      for (const field of definition.fields ?? []) {
        const fieldGraphs = graphsOf(field.directives, 'join__field', names);
        const graphs = new Set(fieldGraphs.length > 0 ? fieldGraphs : typeGraphs);
        const [only] = graphs;
        if (graphs.size === 1 && only) this.owners.set(`${definition.name.value}.${field.name.value}`, only);
      }
    }
  }

  /** The subgraphs the operations of `document` are answered from (see the class). */
  of(schema: GraphQLSchema, document: DocumentNode): Set<string> {
    const found = new Set<string>();
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const seen = new Set<string>();
    // Types are read by name and through their methods only: the schema may come from another copy of
    // graphql-js (CommonJS beside ES modules), whose classes fail instanceof checks.
    const walk = (typeName: string | undefined, selectionSet: SelectionSetNode | undefined) => {
      if (!typeName || !selectionSet) return;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          const coordinate = `${typeName}.${selection.name.value}`;
          const owner = this.owners.get(coordinate);
          if (owner) found.add(owner);
          for (const source of READS_BEYOND_OWNER[coordinate] ?? []) found.add(source);
          const fields = (schema.getType(typeName) as { getFields?: () => Record<string, { type: unknown }> } | undefined)?.getFields?.();
          walk(namedType(fields?.[selection.name.value]?.type), selection.selectionSet);
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          walk(selection.typeCondition?.name.value ?? typeName, selection.selectionSet);
        } else {
          const fragment = fragments.get(selection.name.value);
          const key = `${typeName}:${selection.name.value}`;
          if (fragment && !seen.has(key)) {
            seen.add(key);
            walk(fragment.typeCondition.name.value, fragment.selectionSet);
          }
        }
      }
    };
    for (const definition of document.definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      const root = definition.operation === 'query' ? schema.getQueryType() : definition.operation === 'mutation' ? schema.getMutationType() : schema.getSubscriptionType();
      walk(root?.name, definition.selectionSet);
    }
    if (found.size === 0) return new Set(this.all);
    for (const subgraph of [...found]) for (const peer of ONWARD_CALLS[subgraph] ?? []) found.add(peer);
    return found;
  }
}

/**
 * Fields whose owner answers from other subgraphs' data as well, besides its `ONWARD_CALLS`: the change
 * feed reads the catalog's and lineage's change outboxes, and changes when their events are numbered
 * (the `changes` generation, from the `change_feed` channel). Saved searches and their matches
 * notify `change_feed` too.
 */
const READS_BEYOND_OWNER: Readonly<Record<string, readonly string[]>> = {
  'Query.changes': ['catalog', 'lineage', 'changes'],
  'Query.savedSearches': ['changes'],
  'Query.savedSearch': ['changes'],
};

/** The name of the named type under list and non-null wrappers. */
function namedType(type: unknown): string | undefined {
  let current = type as { ofType?: unknown; name?: string } | undefined;
  while (current?.ofType) current = current.ofType as { ofType?: unknown; name?: string };
  return current?.name;
}
