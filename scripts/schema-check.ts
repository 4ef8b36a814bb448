/**
 * `npm run schema:check [-- --base <ref|file>] [--json] [--operations <dir>]`: composes the subgraphs,
 * checks that the committed gateway/supergraph.graphql is up to date, compares the new API schema with
 * the base (`main`'s supergraph by default) and checks every registered operation (operations/<partner>/)
 * against it. Exit codes: 0 passed (possibly with warnings), 1 a check failed, 2 usage error.
 * docs/api.md ("Registered operations and schema checks") describes the report.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { supergraphFile } from '../gateway/compose.js';
import { loadOperations, operationsDir } from '../gateway/schema-check/load-operations.js';
import { BaseSchemaError, readBase } from '../gateway/schema-check/read-base.js';
import { EXIT_CODES, exitCodeOf, jsonReport, jsonUsageError, textReport } from '../gateway/schema-check/report.js';
import { runSchemaCheck } from '../gateway/schema-check/run-schema-check.js';
import { subgraphSdls } from '../gateway/subgraphs.js';

const USAGE = `Usage: npm run schema:check -- [--base <git ref | file>] [--operations <dir>] [--json]

  --base <ref|file>   schema to compare with: a supergraph or GraphQL SDL file, or a git ref whose
                      gateway/supergraph.graphql is read (default: main, then origin/main, then the
                      working tree's gateway/supergraph.graphql)
  --operations <dir>  registered operations, one directory per partner (default: operations/)
  --json              print the result as JSON (for CI)

Exit codes: 0 passed (warnings allowed), 1 a check failed, 2 usage error.`;

const json = process.argv.includes('--json');

function usageError(message: string): never {
  if (json) console.log(jsonUsageError(message));
  else console.error(`${message}\n\n${USAGE}`);
  process.exit(EXIT_CODES.usage);
}

let options: { base?: string; operations?: string; json?: boolean; help?: boolean };
try {
  ({ values: options } = parseArgs({
    options: { base: { type: 'string' }, operations: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: false,
  }));
} catch (error) {
  usageError((error as Error).message);
}
if (options.help) {
  console.log(USAGE);
  process.exit(EXIT_CODES.passed);
}

if (options.operations !== undefined && !(await stat(resolve(options.operations)).catch(() => null))?.isDirectory()) {
  usageError(`--operations ${options.operations}: no such directory.`);
}

const base = await readBase(options.base).catch((error: unknown) => {
  if (error instanceof BaseSchemaError) usageError(error.message);
  throw error;
});
const result = await runSchemaCheck({
  subgraphs: subgraphSdls,
  base,
  operations: await loadOperations(options.operations === undefined ? operationsDir : resolve(options.operations)),
  committedSupergraph: await readFile(supergraphFile, 'utf8').catch(() => ''),
});

if (json) console.log(jsonReport(result));
else if (result.ok) console.log(textReport(result));
else console.error(textReport(result));
process.exit(exitCodeOf(result));
