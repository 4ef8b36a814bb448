import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supergraphFile } from '../gateway/compose.js';
import { apiSchemaOf } from '../gateway/schema-check/api-schema.js';

const root = fileURLToPath(new URL('../', import.meta.url));

/** Runs `tsx scripts/schema-check.ts <args>` in the repository, as CI does. */
function schemaCheck(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/schema-check.ts', ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
    });
  });
}

describe('npm run schema:check', () => {
  let dir: string;
  let base: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'schema-check-cli-'));
    // A base that had one more field than today's schema: today's schema removed it.
    const today = printSchema(apiSchemaOf(await readFile(supergraphFile, 'utf8')));
    if (!today.includes('type Dataset {\n')) throw new Error('no Dataset type in the API schema');
    base = join(dir, 'base.graphql');
    await writeFile(base, today.replace('type Dataset {\n', 'type Dataset {\n  legacyCode: String\n'));
    await mkdir(join(dir, 'operations', 'inserm'), { recursive: true });
    await writeFile(join(dir, 'operations', 'inserm', 'legacy-codes.graphql'), 'query LegacyCodes($id: ID!) { dataset(id: $id) { id legacyCode } }');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('passes with a warning when the removed field is in no registered operation', async () => {
    const { code, stdout } = await schemaCheck('--json', '--base', base);
    const report = JSON.parse(stdout);
    expect(code).toBe(0);
    expect(report).toMatchObject({ exitCode: 0, ok: true, supergraphUpToDate: true, failures: [] });
    expect(report.warnings).toEqual(["Breaking change that no registered operation uses: Field 'legacyCode' was removed from object type 'Dataset'"]);
    expect(report.operations.length).toBeGreaterThan(0);
  });

  it('fails, naming the partner and the operation, when a registered operation uses the removed field', async () => {
    const { code, stdout } = await schemaCheck('--json', '--base', base, '--operations', join(dir, 'operations'));
    const report = JSON.parse(stdout);
    expect(code).toBe(1);
    expect(report).toMatchObject({ exitCode: 1, ok: false });
    expect(report.operations).toEqual([
      expect.objectContaining({ partner: 'inserm', operation: 'LegacyCodes', file: 'operations/inserm/legacy-codes.graphql', ok: false }),
    ]);
    expect(report.changes).toEqual([
      expect.objectContaining({ criticality: 'breaking', type: 'FIELD_REMOVED', path: 'Dataset.legacyCode', operations: [{ partner: 'inserm', operation: 'LegacyCodes', file: 'operations/inserm/legacy-codes.graphql' }] }),
    ]);
  });

  it('prints a human report naming the partner and the operation', async () => {
    const { code, stderr } = await schemaCheck('--base', base, '--operations', join(dir, 'operations'));
    expect(code).toBe(1);
    expect(stderr).toContain('- inserm: operation LegacyCodes (operations/inserm/legacy-codes.graphql) breaks');
  });

  it('exits with 2 on a base that is neither a file nor a git ref, and on unknown options', async () => {
    const missing = await schemaCheck('--json', '--base', join(dir, 'missing.graphql'));
    expect(missing.code).toBe(2);
    expect(JSON.parse(missing.stdout)).toMatchObject({ exitCode: 2, ok: false, error: expect.stringMatching(/^--base .*missing\.graphql: no such file/) });
    expect((await schemaCheck('--frobnicate')).code).toBe(2);
  });
});
