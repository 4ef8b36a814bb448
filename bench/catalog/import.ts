/**
 * `npm run bench:import`: how long the catalogue takes to validate and store a pushed HealthDCAT-AP
 * record, on PostgreSQL. Each round pushes the ARCA registry record (an official example: 450 lines,
 * three agents, three distributions, CSVW variables) under a new identifier and IRI, through `pushRecord`
 * (parse, SHACL, read, store in one transaction), then replaces it once (PUT). Also times the parts:
 * parsing, and the SHACL validation alone. Prints a Markdown report and writes it to .bench/import.md.
 *
 * Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/hmg_bench_import, created
 * and emptied of pushed records), BENCH_RECORDS (default 200).
 */
import '../../platform/no-telemetry.js';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openDatabase } from '../../platform/db/open-database.js';
import { createLogger } from '../../platform/logger.js';
import { prepareDatabase } from '../../platform/server/start-services.js';
import { parseRdfDocument } from '../../subgraphs/catalog/rdf/import/parse-rdf-document.js';
import { pushRecord } from '../../subgraphs/catalog/rdf/import/push-record.js';
import { validateRecordGraph } from '../../subgraphs/catalog/rdf/shacl/validate-record-graph.js';
import { catalogService } from '../../subgraphs/catalog/service.js';
import { ensureDatabase } from '../../platform/db/ensure-database.js';
import { percentile } from './percentiles.js';

const env = z
  .object({
    BENCH_DATABASE_URL: z.string().default('postgres://postgres@127.0.0.1:5432/hmg_bench_import'),
    BENCH_RECORDS: z.coerce.number().int().positive().default(200),
  })
  .parse(process.env);

const ARCA = await readFile(new URL('../../test/fixtures/conformance/healthdcat-ap/examples/EPRDR/ARCA.ttl', import.meta.url), 'utf8');
const BASE = 'https://health-data.example.org';
const steward = { subject: 'bench-steward', organisation: null };

/** The ARCA record as dataset number `n`: its own identifier and IRI, the same agents. */
function recordNumber(n: number): string {
  return ARCA.replace('dct:identifier "ARCA"', `dct:identifier "ARCA-BENCH-${n}"`).replaceAll('<https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA>', `<https://eu-rd-platform.jrc.ec.europa.eu/mdr/detail/ARCA-BENCH-${n}>`);
}

async function time<T>(run: () => Promise<T>): Promise<[number, T]> {
  const started = performance.now();
  const result = await run();
  return [performance.now() - started, result];
}

function summary(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  return `| ${name} | ${samples.length} | ${percentile(sorted, 50).toFixed(1)} | ${percentile(sorted, 95).toFixed(1)} | ${(1000 / percentile(sorted, 50)).toFixed(0)} |`;
}

await ensureDatabase(env.BENCH_DATABASE_URL);
const logger = createLogger('silent');
const database = await openDatabase({ url: env.BENCH_DATABASE_URL });
try {
  await prepareDatabase(database, [catalogService], { seed: true, logger });
  await database.db.execute(sql`DELETE FROM catalog.dataset WHERE id LIKE 'arca-bench-%'`);
  await database.db.execute(sql`DELETE FROM catalog.dataset_version WHERE dataset_id LIKE 'arca-bench-%'`);

  // Warm-up: shapes built, statements prepared.
  const warm = await pushRecord(database.db, { text: recordNumber(0), format: 'turtle', mode: 'create', publicBase: BASE }, steward, '2026-11-24');
  if (!warm.ok) throw new Error(`the ARCA record was refused: ${warm.message}`);

  const parse: number[] = [];
  const shacl: number[] = [];
  const create: number[] = [];
  const replace: number[] = [];
  for (let n = 1; n <= env.BENCH_RECORDS; n++) {
    const text = recordNumber(n);
    const [parseMs, quads] = await time(() => parseRdfDocument(text, 'turtle'));
    parse.push(parseMs);
    shacl.push((await time(() => validateRecordGraph(quads, 'public')))[0]);
    const [createMs, created] = await time(() => pushRecord(database.db, { text, format: 'turtle', mode: 'create', publicBase: BASE }, steward, '2026-11-24'));
    if (!created.ok) throw new Error(`record ${n} was refused: ${created.message}`);
    create.push(createMs);
    const edited = text.replace('"[Test] ARCA"@en', `"ARCA bench ${n}"@en`);
    const [replaceMs, replaced] = await time(() => pushRecord(database.db, { text: edited, format: 'turtle', mode: 'replace', id: created.id, publicBase: BASE }, steward, '2026-11-24'));
    if (!replaced.ok) throw new Error(`record ${n} could not be replaced: ${replaced.message}`);
    replace.push(replaceMs);
  }

  const report = [
    `# Pushed HealthDCAT-AP records (${env.BENCH_RECORDS} records, PostgreSQL)`,
    '',
    'The ARCA registry record (an official example, 450 lines of Turtle) pushed under a new identifier each time.',
    '',
    '| step | records | p50 ms | p95 ms | records/s at p50 |',
    '|---|---|---|---|---|',
    summary('parse Turtle', parse),
    summary('SHACL validation (catalogue shapes, public level)', shacl),
    summary('POST: parse, validate, read, store (one transaction)', create),
    summary('PUT: the same, replacing the dataset', replace),
    '',
  ].join('\n');
  console.log(report);
  await mkdir('.bench', { recursive: true });
  await writeFile('.bench/import.md', report);
} finally {
  await database.db.execute(sql`DELETE FROM catalog.dataset WHERE id LIKE 'arca-bench-%'`);
  await database.close();
}
