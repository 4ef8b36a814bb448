import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { supergraphFile } from '../compose.js';
import { BaseSchemaError, readBase } from './read-base.js';

describe('readBase', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'schema-check-base-'));
    await writeFile(join(dir, 'supergraph.graphql'), await readFile(supergraphFile, 'utf8'));
    await writeFile(join(dir, 'api.graphql'), 'type Query { hello: String }');
    await writeFile(join(dir, 'notes.txt'), 'not a schema {');
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads a supergraph file as the API schema partners see', async () => {
    const base = await readBase(join(dir, 'supergraph.graphql'), dir);
    expect(base).toMatchObject({ source: `file ${join(dir, 'supergraph.graphql')}`, note: null });
    expect(base.schema.getType('Dataset')).toBeDefined();
    // Federation's own types are not part of the API schema.
    expect(base.schema.getType('join__Graph')).toBeUndefined();
  });

  it('reads a plain GraphQL SDL file as it is', async () => {
    const base = await readBase(join(dir, 'api.graphql'), dir);
    expect(Object.keys(base.schema.getQueryType()?.getFields() ?? {})).toEqual(['hello']);
  });

  it('refuses a file that is not a schema', async () => {
    await expect(readBase(join(dir, 'notes.txt'), dir)).rejects.toThrow(/neither a supergraph nor a GraphQL schema/);
  });

  it('refuses what is neither a file nor a readable git ref', async () => {
    await expect(readBase('no-such-ref', dir)).rejects.toThrow(BaseSchemaError);
    await expect(readBase('no-such-ref', dir)).rejects.toThrow(/no such file, and gateway\/supergraph\.graphql cannot be read at that git ref/);
    await expect(readBase('--output=x', dir)).rejects.toThrow(/not a file, nor a git ref/);
  });

  it('falls back to the working tree supergraph, saying so, when main cannot be read', async () => {
    const root = join(dir, 'checkout');
    await mkdir(join(root, 'gateway'), { recursive: true });
    await writeFile(join(root, 'gateway', 'supergraph.graphql'), await readFile(supergraphFile, 'utf8'));
    const base = await readBase(undefined, root);
    expect(base.source).toBe('working tree gateway/supergraph.graphql');
    expect(base.note).toMatch(/^Base main and origin\/main could not be read from git .*; compared with the committed gateway\/supergraph\.graphql in the working tree instead\.$/);
    expect(base.schema.getType('Dataset')).toBeDefined();
  });

  it('fails when there is no base at all', async () => {
    await expect(readBase(undefined, join(dir, 'empty'))).rejects.toThrow(/No base schema/);
  });
});
