/**
 * Checks the demo seed: every holder and dataset parses with the catalogue's zod schemas, ids are
 * unique, and every publisher, custodian and access body names a known holder (an access body must be
 * a holder marked as access body). Prints counts; exits with status 1 and lists every problem otherwise.
 *
 * Run: npx tsx subgraphs/catalog/seed/check-seed.ts
 */
import { dataHolderRecord, datasetRecord, type DatasetRecordInput } from '../model/dataset-record.js';
import { dataHolders } from './data-holders.js';
import { europeanDatasets } from './datasets-europe.js';
import { frenchDatasets } from './datasets-france.js';
import { sndsDatasets } from './datasets-snds.js';

const problems: string[] = [];

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) repeated.add(id);
    seen.add(id);
  }
  return [...repeated];
}

const holderById = new Map<string, boolean>();
for (const input of dataHolders) {
  const parsed = dataHolderRecord.safeParse(input);
  if (!parsed.success) {
    problems.push(`holder ${input.id}: ${parsed.error.message}`);
    continue;
  }
  holderById.set(parsed.data.id, parsed.data.isAccessBody);
}
for (const id of duplicates(dataHolders.map((h) => h.id))) problems.push(`holder id used twice: ${id}`);

const groups: Record<string, DatasetRecordInput[]> = {
  snds: sndsDatasets,
  france: frenchDatasets,
  europe: europeanDatasets,
};
const allDatasets = Object.values(groups).flat();

for (const input of allDatasets) {
  const parsed = datasetRecord.safeParse(input);
  if (!parsed.success) {
    problems.push(`dataset ${input.id}: ${parsed.error.message}`);
    continue;
  }
  const dataset = parsed.data;
  for (const [role, holderId] of [
    ['publisher', dataset.publisher],
    ['custodian', dataset.custodian],
    ['accessBody', dataset.accessBody],
  ] as const) {
    if (holderId !== undefined && !holderById.has(holderId)) {
      problems.push(`dataset ${dataset.id}: ${role} "${holderId}" is not a known holder`);
    }
  }
  if (dataset.accessBody !== undefined && holderById.get(dataset.accessBody) === false) {
    problems.push(`dataset ${dataset.id}: accessBody "${dataset.accessBody}" is not marked as an access body`);
  }
  if (!dataset.themes.includes('HEAL')) problems.push(`dataset ${dataset.id}: themes lack HEAL`);
  const { minTypicalAge, maxTypicalAge } = dataset;
  if (minTypicalAge !== undefined && maxTypicalAge !== undefined && minTypicalAge > maxTypicalAge) {
    problems.push(`dataset ${dataset.id}: minTypicalAge is above maxTypicalAge`);
  }
  const { start, end } = dataset.temporal ?? {};
  if (start !== undefined && end !== undefined && start > end) {
    problems.push(`dataset ${dataset.id}: temporal start is after its end`);
  }
}
for (const id of duplicates(allDatasets.map((d) => d.id))) problems.push(`dataset id used twice: ${id}`);

console.log(`holders: ${dataHolders.length} (access bodies: ${[...holderById.values()].filter(Boolean).length})`);
for (const [name, datasets] of Object.entries(groups)) console.log(`datasets ${name}: ${datasets.length}`);
console.log(`datasets total: ${allDatasets.length}`);

if (problems.length > 0) {
  console.error(`\n${problems.length} problem(s):`);
  for (const problem of problems) console.error(`- ${problem}`);
  process.exit(1);
}
console.log('seed OK');
