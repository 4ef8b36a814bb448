import type { ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';

/**
 * Apollo Server's reporting features switched off explicitly, for every server of the project: without
 * them Apollo Server installs usage reporting by itself as soon as `APOLLO_KEY` and `APOLLO_GRAPH_REF`
 * are in the environment, and schema reporting with `APOLLO_SCHEMA_REPORTING=true`. Nothing is sent to a
 * third party, whatever the environment holds.
 */
export function noReportingPlugins<Context extends object>(): ApolloServerPlugin<Context>[] {
  return [ApolloServerPluginUsageReportingDisabled(), ApolloServerPluginSchemaReportingDisabled(), ApolloServerPluginInlineTraceDisabled()] as ApolloServerPlugin<Context>[];
}
