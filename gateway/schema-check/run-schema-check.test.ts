import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../compose.js';
import { subgraphSdls, type SubgraphSdl } from '../subgraphs.js';
import { apiSchemaOf } from './api-schema.js';
import { parseOperation, type LoadedOperations, type RegisteredOperation } from './load-operations.js';
import { exitCodeOf, jsonReport, textReport } from './report.js';
import { runSchemaCheck, STALE_SUPERGRAPH, type BaseSchema } from './run-schema-check.js';

const composed = composeSupergraph(subgraphSdls);
if (!composed.ok) throw new Error(composed.errors.join('\n'));
const base: BaseSchema = { source: 'test base', schema: apiSchemaOf(composed.supergraphSdl), note: null };

const schemaText = (name: string) => readFileSync(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url), 'utf8');

/** Today's subgraphs, with `from` replaced by `to` in one subgraph's SDL. */
function edited(name: string, from: string, to: string): SubgraphSdl[] {
  const text = schemaText(name);
  if (!text.includes(from)) throw new Error(`${name}/schema.graphql has no ${JSON.stringify(from)}`);
  return subgraphSdls.map((s) => (s.name === name ? { ...s, typeDefs: parse(text.replace(from, to)) } : s));
}

function operation(partner: string, file: string, source: string): RegisteredOperation {
  const parsed = parseOperation(partner, `operations/${partner}/${file}`, source);
  if (!('operation' in parsed)) throw new Error(parsed.message);
  return parsed;
}

const registry: LoadedOperations = {
  operations: [
    operation('inserm', 'dataset-landing-page.graphql', 'query DatasetLandingPage($id: ID!) { dataset(id: $id) { id title landingPage } }'),
    operation('thl', 'nordic-datasets.graphql', 'query NordicDatasets { datasets(filter: { countries: [FIN, SWE] }) { totalCount } }'),
    operation(
      'lineage-console',
      'filtered-datasets.graphql',
      'query FilteredDatasets($filter: DatasetFilter) { datasets(filter: $filter) { edges { node { id } } } }',
    ),
  ],
  errors: [],
};

const check = (subgraphs: readonly SubgraphSdl[], operations = registry) => runSchemaCheck({ subgraphs, base, operations });

describe('runSchemaCheck', () => {
  it('passes with no change', async () => {
    const result = await check(subgraphSdls);
    expect(result.ok).toBe(true);
    expect(result.changes).toEqual([]);
    expect(result.operations.every((o) => o.ok)).toBe(true);
    expect(exitCodeOf(result)).toBe(0);
  });

  it('passes a safe addition', async () => {
    const result = await check(edited('catalog', '  landingPage: String\n', '  landingPage: String\n  doi: String\n'));
    expect(result.ok).toBe(true);
    expect(result.changes).toEqual([expect.objectContaining({ criticality: 'safe', type: 'FIELD_ADDED', path: 'Dataset.doi', operations: [] })]);
    expect(result.failures).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(exitCodeOf(result)).toBe(0);
    expect(textReport(result)).toMatch(/Field 'doi' was added to object type 'Dataset'[\s\S]*Schema check passed\./);
  });

  it('fails when a field a partner uses is removed, naming the partner and the operation', async () => {
    const result = await check(edited('catalog', '  landingPage: String\n', ''));
    expect(result.ok).toBe(false);
    expect(exitCodeOf(result)).toBe(1);
    const removal = result.changes.find((c) => c.path === 'Dataset.landingPage');
    expect(removal).toMatchObject({ criticality: 'breaking', type: 'FIELD_REMOVED' });
    expect(removal?.operations).toEqual([{ partner: 'inserm', operation: 'DatasetLandingPage', file: 'operations/inserm/dataset-landing-page.graphql' }]);
    const broken = result.operations.filter((o) => !o.ok);
    expect(broken.map((o) => [o.partner, o.operation])).toEqual([['inserm', 'DatasetLandingPage']]);
    expect(broken[0]?.errors.join()).toMatch(/Cannot query field "landingPage" on type "Dataset"/);
    expect(result.failures).toEqual([expect.stringMatching(/^inserm's operation DatasetLandingPage \(operations\/inserm\/dataset-landing-page\.graphql\) breaks/)]);
    const text = textReport(result);
    expect(text).toContain('- inserm: operation DatasetLandingPage (operations/inserm/dataset-landing-page.graphql) breaks');
    expect(text).toContain("breaking change: Field 'landingPage' was removed from object type 'Dataset'");
    expect(text).toMatch(/Schema check FAILED\.$/);
    expect(JSON.parse(jsonReport(result))).toMatchObject({ exitCode: 1, ok: false });
  });

  it('passes with a warning when a field no registered operation uses is removed', async () => {
    const result = await check(edited('catalog', '  retentionPeriod: String\n', ''));
    expect(result.ok).toBe(true);
    expect(exitCodeOf(result)).toBe(0);
    expect(result.changes).toEqual([expect.objectContaining({ criticality: 'breaking', path: 'Dataset.retentionPeriod', operations: [] })]);
    expect(result.warnings).toEqual(["Breaking change that no registered operation uses: Field 'retentionPeriod' was removed from object type 'Dataset'"]);
    expect(textReport(result)).toMatch(/Warnings:\n- Breaking change that no registered operation uses: .*retentionPeriod[\s\S]*passed with warnings/);
  });

  it('fails when composition fails, with the composer message', async () => {
    const result = await check(edited('access', 'type PageInfo @shareable {\n  hasNextPage: Boolean!', 'type PageInfo @shareable {\n  hasNextPage: String!'));
    expect(result.ok).toBe(false);
    expect(exitCodeOf(result)).toBe(1);
    expect(result.composition.ok).toBe(false);
    expect(result.composition.errors.join('\n')).toMatch(/FIELD_TYPE_MISMATCH: .*"PageInfo\.hasNextPage"/);
    expect(result.failures[0]).toMatch(/^Composition failed: FIELD_TYPE_MISMATCH/);
    expect(result.operations).toEqual([]);
    expect(textReport(result)).toMatch(/composition: FAILED[\s\S]*- Composition failed: FIELD_TYPE_MISMATCH: .*PageInfo\.hasNextPage/);
  });

  it('fails when an enum value an operation writes is removed', async () => {
    const result = await check(edited('catalog', 'ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP SWE', 'ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP'));
    expect(result.operations.filter((o) => !o.ok).map((o) => o.operation)).toEqual(['NordicDatasets', 'FilteredDatasets']);
    expect(result.operations.find((o) => o.operation === 'NordicDatasets')?.errors.join()).toMatch(/"SWE"/);
  });

  it('fails an operation whose variables can carry a removed enum value, though it still validates', async () => {
    const result = await check(edited('catalog', 'ORPHACODE OHDSI_VOCAB', 'ORPHACODE'));
    const filtered = result.operations.find((o) => o.operation === 'FilteredDatasets');
    expect(filtered).toMatchObject({ ok: false, errors: [] });
    expect(filtered?.changes.map((c) => [c.path, c.throughVariable])).toEqual([['CodingSystem.OHDSI_VOCAB', '$filter']]);
    expect(textReport(result)).toContain("breaking change: Enum value 'OHDSI_VOCAB' was removed from enum 'CodingSystem' (the operation can send it in $filter)");
    expect(result.ok).toBe(false);
  });

  it('ties a required argument added to a used field to the operations that use the field', async () => {
    const result = await check(edited('catalog', 'dataset(id: ID!): Dataset', 'dataset(id: ID!, language: String!): Dataset'));
    const broken = result.operations.find((o) => o.operation === 'DatasetLandingPage');
    expect(broken?.ok).toBe(false);
    expect(broken?.errors.join()).toMatch(/argument "language"/);
    expect(broken?.changes.map((c) => c.type)).toEqual(['FIELD_ARGUMENT_ADDED']);
  });

  it('reports a dangerous change with the operations that read it, without failing', async () => {
    const result = await check(edited('catalog', 'enum AccessRights { PUBLIC RESTRICTED NON_PUBLIC }', 'enum AccessRights { PUBLIC RESTRICTED NON_PUBLIC SENSITIVE }'));
    expect(result.ok).toBe(true);
    const added = result.changes.find((c) => c.path === 'AccessRights.SENSITIVE');
    expect(added).toMatchObject({ criticality: 'dangerous', type: 'ENUM_VALUE_ADDED' });
    expect(added?.operations.map((o) => o.operation)).toEqual(['FilteredDatasets']);
  });

  it('fails when the committed supergraph is stale, with the usual message', async () => {
    const result = await runSchemaCheck({ subgraphs: subgraphSdls, base, operations: registry, committedSupergraph: '' });
    expect(result.supergraphUpToDate).toBe(false);
    expect(result.failures).toEqual([STALE_SUPERGRAPH]);
    const fresh = await runSchemaCheck({ subgraphs: subgraphSdls, base, operations: registry, committedSupergraph: composed.supergraphSdl });
    expect(fresh).toMatchObject({ ok: true, supergraphUpToDate: true });
  });

  it('fails on a registry file that is not a valid registration', async () => {
    const result = await check(subgraphSdls, { operations: [], errors: [{ partner: 'thl', file: 'operations/thl/x.graphql', message: 'holds 2 operations' }] });
    expect(result.ok).toBe(false);
    expect(textReport(result)).toContain('- operations/thl/x.graphql: holds 2 operations');
  });

  it('says in the report when the base fell back to another schema', async () => {
    const result = await runSchemaCheck({ subgraphs: subgraphSdls, base: { ...base, note: 'Base main could not be read.' }, operations: registry });
    expect(result.ok).toBe(true);
    expect(result.base.note).toBe('Base main could not be read.');
    expect(textReport(result)).toContain('Warnings:\n- Base main could not be read.');
  });
});
