import type { DatasetRecord } from './dataset-record.js';

/** Today's date in UTC, YYYY-MM-DD: the date curation writes into `issued` and `modified`. */
export function utcToday(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/**
 * The dates of a newly created dataset: `issued` and `modified` default to `today` when the steward gave
 * none.
 */
export function datesOnCreate(record: DatasetRecord, today: string): DatasetRecord {
  return { ...record, issued: record.issued ?? today, modified: record.modified ?? today };
}

/**
 * The dates of an updated dataset. The rule is deliberately simple: `modified` becomes `today` on every
 * update unless the input sets it explicitly; `issued` is kept from the stored record when the input
 * omits it (an update never loses the issue date).
 */
export function datesOnUpdate(record: DatasetRecord, stored: DatasetRecord, today: string): DatasetRecord {
  const issued = record.issued ?? stored.issued;
  return { ...record, ...(issued === undefined ? {} : { issued }), modified: record.modified ?? today };
}
