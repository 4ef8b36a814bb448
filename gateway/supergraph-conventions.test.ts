import { readFileSync } from 'node:fs';
import { buildASTSchema, isObjectType, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

/**
 * Conventions a partner relies on across the composed schema: every list is a connection with the same
 * shape (`totalCount`, `edges`, `pageInfo`), whichever subgraph serves it.
 */
const supergraph = buildASTSchema(parse(readFileSync(new URL('./supergraph.graphql', import.meta.url), 'utf8')), { assumeValidSDL: true });
const connections = Object.values(supergraph.getTypeMap()).filter((t) => isObjectType(t) && t.name.endsWith('Connection') && !t.name.startsWith('__'));

describe('the composed schema', () => {
  it('has connections', () => {
    expect(connections.length).toBeGreaterThan(5);
  });

  it.each(connections.map((c) => [c.name, c] as const))('gives %s a totalCount, edges and pageInfo', (_name, type) => {
    if (!isObjectType(type)) throw new Error('not an object type');
    const fields = type.getFields();
    expect(String(fields.totalCount?.type)).toBe('Int!');
    expect(fields.edges).toBeDefined();
    expect(String(fields.pageInfo?.type)).toBe('PageInfo!');
  });
});
