import { readFileSync } from 'node:fs';
import { Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { apiSchemaOf } from '../gateway/schema-check/api-schema.js';

/**
 * Every GraphQL example of the partners' guide (docs/api.md) is valid against the composed API schema,
 * so that a partner who copies one gets an answer, not a validation error.
 */
const guide = readFileSync(new URL('../docs/api.md', import.meta.url), 'utf8');
const schema = apiSchemaOf(readFileSync(new URL('../gateway/supergraph.graphql', import.meta.url), 'utf8'));
const examples = [...guide.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m, i) => {
  const text = m[1] ?? '';
  return [`example ${i + 1}: ${text.trim().split('\n')[0]}`, text] as const;
});

describe('the API guide', () => {
  it('has GraphQL examples, among them the review and the decision', () => {
    expect(examples.length).toBeGreaterThan(5);
    expect(examples.some(([, text]) => text.includes('startReview('))).toBe(true);
    expect(examples.some(([, text]) => /decideAccessApplication\(input: \{[\s\S]*reason:/.test(text))).toBe(true);
  });

  it.each(examples)('%s is valid against the composed schema', (_name, text) => {
    // A block may show several operations side by side: each is checked as a document of its own.
    const document = parse(text);
    const fragments = document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION);
    const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
    expect(operations.length).toBeGreaterThan(0);
    for (const operation of operations) {
      const errors = validate(schema, { kind: Kind.DOCUMENT, definitions: [operation, ...fragments] }).map((e) => e.message);
      expect(errors).toEqual([]);
    }
  });
});
