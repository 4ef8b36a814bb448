import { readFile } from 'node:fs/promises';
import { parse, print, type EnumTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs as catalogTypeDefs } from '../subgraphs/catalog/index.js';
import { accessRights } from '../subgraphs/catalog/vocabulary/access-rights.js';
import { codingSystems } from '../subgraphs/catalog/vocabulary/coding-systems.js';
import { countries } from '../subgraphs/catalog/vocabulary/countries.js';
import { dataThemes } from '../subgraphs/catalog/vocabulary/data-themes.js';
import { fileTypes } from '../subgraphs/catalog/vocabulary/file-types.js';
import { frequencies } from '../subgraphs/catalog/vocabulary/frequencies.js';
import { healthCategories } from '../subgraphs/catalog/vocabulary/health-categories.js';
import { healthThemes } from '../subgraphs/catalog/vocabulary/health-themes.js';
import { legalBases } from '../subgraphs/catalog/vocabulary/legal-bases.js';
import { legislation } from '../subgraphs/catalog/vocabulary/legislation.js';
import { personalData } from '../subgraphs/catalog/vocabulary/personal-data.js';
import { publisherTypes } from '../subgraphs/catalog/vocabulary/publisher-types.js';
import { purposes } from '../subgraphs/catalog/vocabulary/purposes.js';
import { FACET_FIELDS } from '../subgraphs/catalog/db/queries/search-datasets.js';
import { composeSupergraph, supergraphFile } from './compose.js';
import { subgraphSdls } from './subgraphs.js';

describe('composition', () => {
  it('composes the subgraphs into the committed supergraph', async () => {
    const result = composeSupergraph(subgraphSdls);
    expect(result.ok).toBe(true);
    if (result.ok) expect(await readFile(supergraphFile, 'utf8')).toBe(result.supergraphSdl);
  });

  it('reports a subgraph that does not compose', () => {
    const broken = parse(`${print(catalogTypeDefs)}\n type Extra @key(fields: "missing") { id: ID! }`);
    const result = composeSupergraph([{ name: 'catalog', typeDefs: broken, url: 'http://127.0.0.1:1/graphql' }]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toMatch(/missing/);
  });
});

describe('the catalog schema', () => {
  const enums = new Map(
    catalogTypeDefs.definitions
      .filter((d): d is EnumTypeDefinitionNode => d.kind === 'EnumTypeDefinition')
      .map((d) => [d.name.value, (d.values ?? []).map((v) => v.name.value)]),
  );
  it.each([
    ['HealthCategory', healthCategories],
    ['HealthTheme', healthThemes],
    ['DataTheme', dataThemes],
    ['AccessRights', accessRights],
    ['Country', countries],
    ['CodingSystem', codingSystems],
    ['PublisherType', publisherTypes],
    ['Legislation', legislation],
    ['LegalBasis', legalBases],
    ['PersonalDataCategory', personalData],
    ['Purpose', purposes],
    ['Frequency', frequencies],
    ['FileType', fileTypes],
  ] as const)('enum %s lists exactly the vocabulary codes', (name, vocabulary) => {
    expect(enums.get(name)).toEqual(Object.keys(vocabulary));
  });

  it('enum FacetField lists exactly the fields facets are counted for', () => {
    expect(enums.get('FacetField')).toEqual([...FACET_FIELDS]);
  });
});
