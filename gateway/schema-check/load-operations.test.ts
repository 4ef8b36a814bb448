import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperations, parseOperation } from './load-operations.js';

describe('parseOperation', () => {
  const parseIn = (file: string, source: string) => parseOperation('inserm', `operations/inserm/${file}`, source);

  it('reads a named operation with its fragments', () => {
    const parsed = parseIn('dataset-title.graphql', 'query DatasetTitle($id: ID!) { dataset(id: $id) { ...T } }\nfragment T on Dataset { title }');
    expect(parsed).toMatchObject({ partner: 'inserm', operation: 'DatasetTitle', file: 'operations/inserm/dataset-title.graphql' });
  });

  it('accepts a file name in other cases or with underscores', () => {
    expect(parseIn('DatasetTitle.graphql', 'query DatasetTitle { vocabularies { __typename } }')).toHaveProperty('operation', 'DatasetTitle');
    expect(parseIn('dataset_title.graphql', 'query DatasetTitle { vocabularies { __typename } }')).toHaveProperty('operation', 'DatasetTitle');
  });

  it.each([
    ['broken.graphql', 'query Broken {', /not valid GraphQL: Syntax Error/],
    ['anonymous.graphql', '{ vocabularies { __typename } }', /no name/],
    ['two.graphql', 'query One { __typename } query Two { __typename }', /holds 2 operations/],
    ['only-fragment.graphql', 'fragment F on Dataset { id }', /holds 0 operations/],
    ['with-type.graphql', 'query WithType { __typename } type Extra { id: ID }', /other than an operation/],
    ['search.graphql', 'query SearchDatasets { __typename }', /SearchDatasets must be in a file named after it, such as search-datasets\.graphql/],
  ])('refuses %s', (file, source, message) => {
    const parsed = parseIn(file, source);
    expect(parsed).not.toHaveProperty('operation');
    expect(parsed).toMatchObject({ partner: 'inserm', file: `operations/inserm/${file}`, message: expect.stringMatching(message) });
  });
});

describe('loadOperations', () => {
  let dir: string;
  beforeAll(async () => {
    dir = join(await mkdtemp(join(tmpdir(), 'schema-check-ops-')), 'operations');
    const files: Record<string, string> = {
      'thl/public-register.graphql': 'query PublicRegister { permitRegister { edges { node { id } } } }',
      'thl/notes.md': 'not an operation',
      'inserm/search.graphql': 'query Search { datasets { totalCount } }',
      'inserm/SEARCH.graphql': 'query Search { datasets { totalCount } }',
      'Bad Partner/x.graphql': 'query X { __typename }',
    };
    for (const [path, text] of Object.entries(files)) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), text);
    }
    await writeFile(join(dir, 'README.md'), 'ignored');
  });
  afterAll(async () => {
    await rm(join(dir, '..'), { recursive: true, force: true });
  });

  it('reads one partner per directory and one operation per .graphql file', async () => {
    const { operations, errors } = await loadOperations(dir);
    expect(operations.map((o) => [o.partner, o.operation, o.file])).toEqual([
      ['inserm', 'Search', 'operations/inserm/SEARCH.graphql'],
      ['thl', 'PublicRegister', 'operations/thl/public-register.graphql'],
    ]);
    expect(errors).toEqual([
      { partner: 'Bad Partner', file: 'operations/Bad Partner/', message: expect.stringMatching(/lower-case/) },
      { partner: 'inserm', file: 'operations/inserm/search.graphql', message: 'the operation Search is already registered in operations/inserm/SEARCH.graphql' },
    ]);
  });

  it('finds no registration in a missing directory', async () => {
    expect(await loadOperations(join(dir, 'missing'))).toEqual({ operations: [], errors: [] });
  });
});
