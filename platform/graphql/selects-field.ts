import type { FragmentDefinitionNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';

/**
 * True when the current field's selection asks for `name` directly below it, looking through fragment
 * spreads and inline fragments. Lets a list resolver skip work (counts, facets) nobody asked for.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  return info.fieldNodes.some((node) => node.selectionSet !== undefined && inSelection(node.selectionSet, name, info.fragments, new Set()));
}

function inSelection(
  set: SelectionSetNode,
  name: string,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): boolean {
  for (const selection of set.selections) {
    if (selection.kind === 'Field' && selection.name.value === name) return true;
    if (selection.kind === 'InlineFragment' && inSelection(selection.selectionSet, name, fragments, seen)) return true;
    if (selection.kind === 'FragmentSpread' && !seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      if (fragment && inSelection(fragment.selectionSet, name, fragments, seen)) return true;
    }
  }
  return false;
}
