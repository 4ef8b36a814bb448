import { Counter } from 'prom-client';
import { metricsRegistry } from '../../../platform/observability/metrics.js';

/** Harvest runs by source and status (SUCCEEDED, FAILED). */
export const harvestRuns = new Counter({
  name: 'harvest_runs_total',
  help: 'Harvest runs of other catalogues, by source and status (SUCCEEDED, FAILED).',
  labelNames: ['source', 'status'] as const,
  registers: [metricsRegistry],
});

/** Records of harvest runs by source and outcome (added, changed, unchanged, withdrawn, refused, skipped). */
export const harvestRecords = new Counter({
  name: 'harvest_records_total',
  help: 'Records met by harvest runs, by source and outcome (added, changed, unchanged, withdrawn, refused, skipped).',
  labelNames: ['source', 'outcome'] as const,
  registers: [metricsRegistry],
});

/** Problems of sources met by runs, by source and kind (HTTP, TIMEOUT, NETWORK, PARSE, LIMIT, PAGING, STORE). */
export const harvestErrors = new Counter({
  name: 'harvest_errors_total',
  help: 'Problems of harvest sources met by runs, by source and kind (HTTP, TIMEOUT, NETWORK, PARSE, LIMIT, PAGING, STORE).',
  labelNames: ['source', 'kind'] as const,
  registers: [metricsRegistry],
});
