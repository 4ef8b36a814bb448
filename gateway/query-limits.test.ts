import { readFile } from 'node:fs/promises';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { parse, print, validate, type ValidationRule } from 'graphql';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from './create-gateway.js';
import { countTokens, DOCUMENT_LIMITS } from './document-limits.js';
import { supergraphFile } from './compose.js';
import { apiSchemaOf } from './schema-check/api-schema.js';
import { loadOperations } from './schema-check/load-operations.js';

/** Each limit on its own, as the gateway sets it, so that a failure names the limit. */
const limits = {
  depth: { maxDepth: { n: QUERY_LIMITS.maxDepth, flattenFragments: true } },
  aliases: { maxAliases: { n: QUERY_LIMITS.maxAliases, allowList: [] } },
  directives: { maxDirectives: { n: QUERY_LIMITS.maxDirectives } },
  cost: { costLimit: { maxCost: QUERY_LIMITS.maxCost } },
};
const off = { maxDepth: { enabled: false }, maxAliases: { enabled: false }, maxDirectives: { enabled: false }, costLimit: { enabled: false }, maxTokens: { enabled: false }, blockFieldSuggestion: { enabled: false } };

describe('the query limits', () => {
  it.each(Object.entries(limits))('let every registered operation through (%s)', async (_name, limit) => {
    const schema = apiSchemaOf(await readFile(supergraphFile, 'utf8'));
    const rules = new ApolloArmor({ ...off, ...limit }).protect().validationRules as unknown as ValidationRule[];
    const { operations } = await loadOperations();
    const refused = operations.flatMap((op) => validate(schema, parse(print(op.document)), rules).map((e) => `${op.file}: ${e.message}`));
    expect(refused).toEqual([]);
  });

  it('let every registered operation through the size limits (characters and tokens)', async () => {
    const { operations } = await loadOperations();
    for (const op of operations) {
      expect(op.source.length, op.file).toBeLessThanOrEqual(DOCUMENT_LIMITS.maxCharacters);
      expect(countTokens(op.source, DOCUMENT_LIMITS.maxTokens), op.file).toBeLessThanOrEqual(DOCUMENT_LIMITS.maxTokens);
    }
  });
});
