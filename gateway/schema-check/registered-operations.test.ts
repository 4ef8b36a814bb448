import { validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../compose.js';
import { subgraphSdls } from '../subgraphs.js';
import { apiSchemaOf } from './api-schema.js';
import { loadOperations } from './load-operations.js';

describe('the registered operations (operations/)', async () => {
  const { operations, errors } = await loadOperations();
  const composed = composeSupergraph(subgraphSdls);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  const schema = apiSchemaOf(composed.supergraphSdl);

  it('are all valid registrations, of two partners and an internal tool at least', () => {
    expect(errors).toEqual([]);
    expect(new Set(operations.map((o) => o.partner))).toEqual(new Set(['inserm', 'thl', 'lineage-console']));
  });

  it.each(operations.map((o) => [`${o.partner}/${o.operation}`, o] as const))('%s validates against today\'s API schema', (_, o) => {
    expect(validate(schema, o.document).map((e) => e.message)).toEqual([]);
  });
});
