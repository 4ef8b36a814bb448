import type { HarvestErrorJson } from '../db/schema/harvest-source.js';
import type { SourceFormat } from '../rdf/import/parse-rdf-document.js';

/** What the catalogue asks a source for, by the source's declared format. */
export const ACCEPT: Readonly<Record<SourceFormat, string>> = {
  turtle: 'text/turtle, application/ld+json;q=0.8, application/rdf+xml;q=0.7',
  jsonld: 'application/ld+json, text/turtle;q=0.8, application/rdf+xml;q=0.7',
  rdfxml: 'application/rdf+xml, text/turtle;q=0.8, application/ld+json;q=0.7',
};

/** The format an answer's `Content-Type` names, if it names one the catalogue reads. */
export function formatOfMediaType(contentType: string | null): SourceFormat | undefined {
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type === 'text/turtle' || type === 'application/x-turtle') return 'turtle';
  if (type === 'application/ld+json' || type === 'application/json') return 'jsonld';
  if (type === 'application/rdf+xml' || type === 'application/xml' || type === 'text/xml') return 'rdfxml';
  return undefined;
}

/** One page of a source as fetched, or the problem that stopped it. */
export type FetchedPage = { ok: true; text: string; format: SourceFormat; bytes: number } | { ok: false; error: HarvestErrorJson };

/** The limits of one fetch. */
export interface FetchLimits {
  readonly format: SourceFormat;
  readonly maxBytes: number;
  /** When the whole run must end (epoch milliseconds): the fetch is abandoned then. */
  readonly deadline: number;
}

/**
 * Fetches one page of a source within `limits`: a status other than 2xx, a body beyond `maxBytes` (read
 * as it streams, so a page that never ends costs no more than the limit), the run's deadline, or a network
 * failure end it with an error naming the page. Redirects are followed (at most 20, fetch's own limit).
 */
export async function fetchSourcePage(url: string, limits: FetchLimits): Promise<FetchedPage> {
  const fail = (kind: HarvestErrorJson['kind'], message: string, status?: number): FetchedPage => ({
    ok: false,
    error: { kind, url, message, ...(status === undefined ? {} : { status }) },
  });
  const remaining = limits.deadline - Date.now();
  if (remaining <= 0) return fail('TIMEOUT', 'The run reached its time limit before this page.');
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), remaining);
  try {
    const response = await fetch(url, {
      headers: { accept: ACCEPT[limits.format], 'user-agent': 'health-metadata-gateway-harvester' },
      redirect: 'follow',
      signal: controller.signal,
    });
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      return fail('HTTP', `The source answered ${response.status} ${response.statusText}`.trim() + '.', response.status);
    }
    const declared = Number(response.headers.get('content-length') ?? NaN);
    if (declared > limits.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      return fail('LIMIT', `The page is ${declared} bytes, over the source's limit of ${limits.maxBytes}.`);
    }
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    const reader = response.body?.getReader();
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const, value: undefined };
      if (chunk.done) break;
      bytes += chunk.value.byteLength;
      if (bytes > limits.maxBytes) {
        await reader?.cancel().catch(() => undefined);
        return fail('LIMIT', `The page goes on past the source's limit of ${limits.maxBytes} bytes.`);
      }
      chunks.push(chunk.value);
    }
    const text = new TextDecoder('utf-8').decode(Buffer.concat(chunks));
    return { ok: true, text, format: formatOfMediaType(response.headers.get('content-type')) ?? limits.format, bytes };
  } catch (error) {
    if (controller.signal.aborted) return fail('TIMEOUT', 'The run reached its time limit while reading this page.');
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return fail('NETWORK', `The source could not be reached: ${cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error))}.`);
  } finally {
    clearTimeout(timer);
  }
}
