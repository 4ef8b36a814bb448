import type { Db } from '../../../platform/db/database.js';
import { ingestBatch, type IngestItem } from '../db/queries/ingest-events.js';
import type { GroupCommitter } from '../../../platform/db/group-commit.js';
import { checkCore } from './core.js';
import { findUntrustedFacets, type UntrustedFacet } from './untrusted-facets.js';
import { describeProblem, inspectValue } from '../../../platform/text/safe-text.js';

/** Most events one batch may carry. */
export const MAX_BATCH = 1000;

/** What an accepted batch did. */
export interface IngestReport {
  received: number;
  stored: number;
  duplicates: number;
  /** Facets that failed their schema: kept in the stored event, not applied. `event` is the index in the batch. */
  untrustedFacets: (UntrustedFacet & { event: number })[];
}

/** A batch refused as a whole, with each bad event's problems. */
export class InvalidEventsError extends Error {
  constructor(readonly problems: { event: number; problems: string[] }[]) {
    super(problems.map((p) => `event ${p.event}: ${p.problems.join('; ')}`).join(' | '));
  }
}

/**
 * Validates every event: the validated items, in order, or `InvalidEventsError` naming every problem
 * (one invalid event refuses the whole batch).
 */
export function checkEvents(raws: readonly unknown[]): IngestItem[] {
  const checked: IngestItem[] = [];
  const problems: { event: number; problems: string[] }[] = [];
  raws.forEach((raw, i) => {
    // First, without recursion: text PostgreSQL cannot store (NUL, lone surrogates) and absurd nesting.
    const unsafe = inspectValue(raw, 'event');
    if (unsafe) {
      problems.push({ event: i, problems: [describeProblem(unsafe)] });
      return;
    }
    const result = checkCore(raw);
    if (!result.ok) problems.push({ event: i, problems: result.problems });
    else checked.push({ raw, value: result.value, untrusted: findUntrustedFacets(result.value) });
  });
  if (problems.length > 0) throw new InvalidEventsError(problems);
  return checked;
}

/** The report of a batch, from its validated items and each one's stored (1) or duplicate (0) flag. */
export function ingestReport(checked: readonly IngestItem[], flags: readonly number[]): IngestReport {
  const stored = flags.reduce((a, b) => a + b, 0);
  return {
    received: checked.length,
    stored,
    duplicates: checked.length - stored,
    untrustedFacets: checked.flatMap((c, i) => c.untrusted.map((u) => ({ event: i, ...u }))),
  };
}

/**
 * Validates every event, then stores and applies them all in one transaction (through `committer` when
 * given, which may share the transaction with other requests' events): one invalid event refuses the
 * whole batch, and nothing half-written is kept. A re-sent event is counted as a duplicate and changes
 * nothing. (The HTTP API acknowledges sooner: see `EventIntake`.)
 */
export async function ingestEvents(db: Db, raws: readonly unknown[], committer?: GroupCommitter<IngestItem, number>): Promise<IngestReport> {
  const checked = checkEvents(raws);
  const flags = committer ? await committer.write(checked) : await db.transaction((tx) => ingestBatch(tx, checked));
  return ingestReport(checked, flags);
}
