import type { Db } from '../../../platform/db/database.js';
import type { Logger } from '../../../platform/logger.js';
import { finishHarvestRun, type HarvestRunRow, type HarvestSourceRow } from '../db/queries/harvest-sources.js';
import type { HarvestErrorJson, HarvestRefusalJson } from '../db/schema/harvest-source.js';
import { utcToday } from '../model/curation-dates.js';
import { RdfSyntaxError, type SourceFormat } from '../rdf/import/parse-rdf-document.js';
import { applyHarvest } from './apply-harvest.js';
import { fetchSourcePage } from './fetch-source-page.js';
import { harvestErrors, harvestRecords, harvestRuns } from './harvest-metrics.js';
import { readSourcePage, type PageRecord } from './read-source-page.js';

/** Refusals kept in one report (the count says how many there were). */
export const MAX_REPORTED_REFUSALS = 200;

const FORMATS: Readonly<Record<string, SourceFormat>> = { TURTLE: 'turtle', JSON_LD: 'jsonld', RDF_XML: 'rdfxml' };

/** The first page of a run: the source's address, with `modified_since` for an incremental run. */
export function firstPageUrl(source: HarvestSourceRow, since: Date | null): string {
  if (since === null) return source.url;
  const url = new URL(source.url);
  url.searchParams.set('modified_since', since.toISOString());
  return url.toString();
}

class RunFailed extends Error {
  constructor(readonly error: HarvestErrorJson) {
    super(error.message);
  }
}

/**
 * Runs one harvest of `source`, which the caller has claimed: pages through it (following `hydra:next`)
 * within its limits of time, page size and page count, reads and validates every record, then applies
 * them all at once (`applyHarvest`) and stores the report. Any problem of the source (an HTTP error, a
 * timeout, a page that is not well-formed or too big, too many pages, a next link back to a page already
 * read) fails the run before anything is applied: the source's last good state stays. An incremental run
 * asks for the changes since the last run that succeeded; a source's first run is a full one.
 */
export async function runHarvest(db: Db, source: HarvestSourceRow, trigger: 'SCHEDULE' | 'MANUAL', logger: Logger): Promise<HarvestRunRow> {
  const startedAt = new Date();
  const deadline = startedAt.getTime() + source.timeoutSeconds * 1000;
  const incremental = source.mode === 'INCREMENTAL' && source.lastSuccessAt !== null;
  const format = FORMATS[source.format] ?? 'turtle';
  const records = new Map<string, PageRecord>();
  const refusals: HarvestRefusalJson[] = [];
  const tombstones = new Set<string>();
  let skipped = 0;
  let pages = 0;
  /** Records refused as they were read (the others refused are among `records`). */
  let refusedOnRead = 0;
  let refusedCount = 0;
  const counts = { added: 0, changed: 0, unchanged: 0, withdrawn: 0 };
  const errors: HarvestErrorJson[] = [];
  try {
    const visited = new Set<string>();
    let url: string | null = firstPageUrl(source, incremental ? source.lastSuccessAt : null);
    while (url !== null) {
      if (visited.has(url)) throw new RunFailed({ kind: 'PAGING', url, message: 'The next link points back to a page already read: the listing never ends.' });
      if (pages >= source.maxPages) throw new RunFailed({ kind: 'LIMIT', url, message: `The source has more than ${source.maxPages} pages, the source's limit.` });
      visited.add(url);
      const fetched = await fetchSourcePage(url, { format, maxBytes: source.maxPageBytes, deadline });
      if (!fetched.ok) throw new RunFailed(fetched.error);
      pages++;
      let page;
      try {
        page = await readSourcePage(fetched.text, fetched.format, url);
      } catch (error) {
        if (!(error instanceof RdfSyntaxError)) throw error;
        throw new RunFailed({ kind: 'PARSE', url, message: error.message.slice(0, 1000), ...(error.line === undefined ? {} : { line: error.line }) });
      }
      if (Date.now() > deadline) throw new RunFailed({ kind: 'TIMEOUT', url, message: `The run went past its time limit of ${source.timeoutSeconds} s.` });
      for (const record of page.records) records.set(record.iri, record);
      for (const iri of page.tombstones) tombstones.add(iri);
      for (const refusal of page.refusals) {
        refusedCount++;
        refusedOnRead++;
        if (refusals.length < MAX_REPORTED_REFUSALS) refusals.push(refusal);
      }
      skipped += page.skipped;
      url = page.next;
    }
    const refusedIris = refusals.flatMap((r) => (r.iri === null ? [] : [r.iri]));
    let tally;
    try {
      tally = await applyHarvest(db, source, { records: [...records.values()], tombstones: [...tombstones], refused: refusedIris, full: !incremental }, utcToday());
    } catch (error) {
      logger.error({ err: error, source: source.id }, 'a harvest run could not store what it found');
      throw new RunFailed({ kind: 'STORE', url: source.url, message: 'The catalogue could not store what the run found; nothing of it was applied.' });
    }
    counts.added = tally.added;
    counts.changed = tally.changed;
    counts.unchanged = tally.unchanged;
    counts.withdrawn = tally.withdrawn;
    refusedCount += tally.refusals.length;
    for (const refusal of tally.refusals) if (refusals.length < MAX_REPORTED_REFUSALS) refusals.push(refusal);
  } catch (error) {
    if (!(error instanceof RunFailed)) throw error;
    errors.push(error.error);
  }
  const status = errors.length === 0 ? 'SUCCEEDED' : 'FAILED';
  const run = await finishHarvestRun(db, {
    sourceId: source.id,
    mode: incremental ? 'INCREMENTAL' : 'FULL',
    trigger,
    status,
    startedAt,
    finishedAt: new Date(),
    pages,
    seen: records.size + refusedOnRead + skipped,
    ...counts,
    refused: refusedCount,
    skipped,
    refusals,
    errors,
  });
  harvestRuns.inc({ source: source.id, status });
  for (const error of errors) harvestErrors.inc({ source: source.id, kind: error.kind });
  if (status === 'SUCCEEDED') {
    for (const [outcome, n] of Object.entries({ ...counts, refused: refusedCount, skipped })) if (n > 0) harvestRecords.inc({ source: source.id, outcome }, n);
  }
  logger.info({ source: source.id, status, pages, added: counts.added, changed: counts.changed, withdrawn: counts.withdrawn, refused: refusedCount }, 'harvest run finished');
  return run;
}
