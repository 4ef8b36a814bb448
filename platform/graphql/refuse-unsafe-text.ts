import { defaultFieldResolver, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { describeProblem, inspectValue } from '../text/safe-text.js';
import { badInput } from './errors.js';

/**
 * Makes every field of `schema` that takes arguments refuse, before its resolver runs, an argument holding
 * a string with NUL or a lone surrogate, or nested deeper than the JSON limit: a `BAD_USER_INPUT` error
 * whose `argument` names the path (`input.purposeDescription`). Arguments are checked as coerced, so
 * literals and variables alike, `_entities` representations included. Changes `schema` in place and
 * returns it.
 */
export function refuseUnsafeTextArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    // By tag, not `isObjectType`: the schema may come from the other build (CJS or ESM) of graphql-js.
    if (Object.prototype.toString.call(type) !== '[object GraphQLObjectType]' || type.name.startsWith('__')) continue;
    for (const field of Object.values((type as GraphQLObjectType).getFields())) {
      if (field.args.length === 0) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        for (const [name, value] of Object.entries(args)) {
          const problem = inspectValue(value, name);
          if (problem) throw badInput(describeProblem(problem), problem.path);
        }
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
