import { Supergraph, printSchema as printFederationSchema } from '@apollo/federation-internals';
import { buildSchema, type GraphQLSchema } from 'graphql';

/** A supergraph carries the join spec; a plain API schema (what partners introspect) does not. */
const SUPERGRAPH_MARKER = /specs\.apollo\.dev\/join\/|\bjoin__Graph\b/;

/**
 * The schema partners see, from either a supergraph SDL (federation internals removed, as the gateway
 * serves it) or an already plain GraphQL SDL. The result is built by this project's `graphql` so that
 * graphql-js and graphql-inspector accept it. Throws when the SDL is neither.
 */
export function apiSchemaOf(sdl: string): GraphQLSchema {
  // The Apollo packages build their graphql-js objects with graphql's CommonJS build, which fails
  // `instanceof` checks in the ES module build used here: cross over as printed SDL.
  const apiSdl = SUPERGRAPH_MARKER.test(sdl) ? printFederationSchema(Supergraph.build(sdl).apiSchema()) : sdl;
  return buildSchema(apiSdl);
}
