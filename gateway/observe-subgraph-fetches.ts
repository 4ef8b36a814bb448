import type { RemoteGraphQLDataSource } from '@apollo/gateway';
import { subgraphFetchDuration, subgraphFetchErrors } from '../platform/observability/metrics.js';

/**
 * Times every call `dataSource` makes to subgraph `name` in `subgraph_fetch_duration_seconds` (until
 * the response headers arrive; outcome `success` for a 2xx answer, else `error`) and counts the failed
 * ones (network error, timeout, non-2xx status) in `subgraph_fetch_errors_total`. It wraps the data
 * source's own fetcher, whatever it is, so call it on the finished data source; returns that data source.
 */
export function observeSubgraphFetches<T extends RemoteGraphQLDataSource<never>>(name: string, dataSource: T): T {
  const fetcher = dataSource.fetcher;
  const timed: typeof fetcher = async (url, init) => {
    const started = performance.now();
    let ok = false;
    try {
      const response = await fetcher(url, init);
      ok = response.ok;
      return response;
    } finally {
      subgraphFetchDuration.observe({ subgraph: name, outcome: ok ? 'success' : 'error' }, (performance.now() - started) / 1000);
      if (!ok) subgraphFetchErrors.inc({ subgraph: name });
    }
  };
  dataSource.fetcher = timed;
  return dataSource;
}
