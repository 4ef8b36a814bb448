import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type GraphQLType,
} from 'graphql';

/**
 * Schema coordinates an operation uses, each mapped to the variable (`$filter`) through which alone the
 * operation can send it, or to null when the document itself names or selects it.
 */
export type CoordinateUsage = Map<string, string | null>;

/**
 * The schema coordinates an operation depends on, resolved against `schema`: the types it names or
 * selects (`Dataset`), the fields it selects (`Dataset.title`), the arguments it passes
 * (`Query.datasets.filter`), and the input fields and enum values it writes (`DatasetFilter.countries`,
 * `Country.FRA`). A variable's type counts with everything reachable from it (every field of an input
 * type, every value of an enum), since callers may send any of them at run time. Parts of the document
 * that `schema` does not know are left out.
 */
export function schemaCoordinatesOf(schema: GraphQLSchema, document: DocumentNode): CoordinateUsage {
  const used: CoordinateUsage = new Map();
  const useDirectly = (coordinate: string) => used.set(coordinate, null);
  const typeInfo = new TypeInfo(schema);
  const useType = (type: GraphQLType | null | undefined) => {
    if (type) useDirectly(getNamedType(type).name);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        useDirectly(`${parent.name}.${field.name}`);
        useType(field.type);
      },
      Argument() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        const argument = typeInfo.getArgument();
        if (!parent || !field || !argument) return;
        useDirectly(`${parent.name}.${field.name}.${argument.name}`);
        useType(argument.type);
      },
      ObjectField(node) {
        const parent = typeInfo.getParentInputType();
        if (!parent) return;
        const input = getNamedType(parent);
        if (isInputObjectType(input) && input.getFields()[node.name.value]) useDirectly(`${input.name}.${node.name.value}`);
        useType(typeInfo.getInputType());
      },
      EnumValue(node) {
        const type = typeInfo.getInputType();
        if (type) useDirectly(`${getNamedType(type).name}.${node.value}`);
      },
      NamedType(node) {
        if (schema.getType(node.name.value)) useDirectly(node.name.value);
      },
      VariableDefinition(node) {
        const type = typeFromAST(schema, node.type);
        if (!type) return;
        const reachable = new Set<string>();
        useReachable(getNamedType(type), reachable);
        const variable = `$${node.variable.name.value}`;
        for (const coordinate of reachable) if (!used.has(coordinate)) used.set(coordinate, variable);
      },
    }),
  );
  return used;
}

function useReachable(type: GraphQLNamedType, used: Set<string>): void {
  // Input types may refer to themselves: walk each once.
  if (used.has(type.name)) return;
  used.add(type.name);
  if (isEnumType(type)) for (const value of type.getValues()) used.add(`${type.name}.${value.name}`);
  if (isInputObjectType(type)) {
    for (const field of Object.values(type.getFields())) {
      used.add(`${type.name}.${field.name}`);
      useReachable(getNamedType(field.type), used);
    }
  }
}
