import autocannon from 'autocannon';
import { residentMb } from './processes.js';

/** What one timed run gave. */
export interface LoadResult {
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Answers that were not 200, or requests that failed. */
  readonly failures: number;
  readonly requests: number;
  /** Highest resident memory of the measured process during the run (MiB). */
  readonly peakRssMb: number;
}

/**
 * POSTs `body` to `url` from `connections` keep-alive connections for `seconds`, each sending its next
 * request when the last is answered, and samples the resident memory of `pid` meanwhile.
 */
export async function load(options: { url: string; headers: Record<string, string>; body: string; connections: number; seconds: number; pid: number | undefined }): Promise<LoadResult> {
  let peakRssMb = residentMb(options.pid);
  const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, residentMb(options.pid))), 250);
  try {
    const result = await autocannon({
      url: options.url,
      method: 'POST',
      headers: { 'content-type': 'application/json', ...options.headers },
      body: options.body,
      connections: options.connections,
      duration: options.seconds,
    });
    return {
      requestsPerSecond: Math.round(result.requests.average * 10) / 10,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      failures: result.non2xx + result.errors + result.timeouts,
      requests: result.requests.total,
      peakRssMb,
    };
  } finally {
    clearInterval(sampler);
  }
}
