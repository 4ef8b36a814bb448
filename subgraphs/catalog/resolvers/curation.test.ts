import { Kind, type InputObjectTypeDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { typeDefs } from '../index.js';
import { datasetRecord } from '../model/dataset-record.js';
import { RECORD_ONLY_FIELDS } from './curation.js';

describe('updateDataset', () => {
  it('keeps from the stored record exactly the record fields DatasetInput cannot express', () => {
    const input = typeDefs.definitions.find(
      (d): d is InputObjectTypeDefinitionNode => d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION && d.name.value === 'DatasetInput',
    );
    const inputFields = new Set(input?.fields?.map((f) => f.name.value));
    const recordOnly = Object.keys(datasetRecord.shape).filter((field) => !inputFields.has(field));
    expect([...RECORD_ONLY_FIELDS].sort()).toEqual(recordOnly.sort());
  });
});
