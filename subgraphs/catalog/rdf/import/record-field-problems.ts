import type { z } from 'zod';
import type { InputProblem } from '../../model/dataset-input.js';

/** The record's RDF property for each record field a validation problem may name. */
const PROPERTY_OF_FIELD: Readonly<Record<string, string>> = {
  identifier: 'dct:identifier',
  title: 'dct:title',
  description: 'dct:description',
  themes: 'dcat:theme',
  healthCategories: 'healthdcatap:healthCategory',
  accessRights: 'dct:accessRights',
  contactPoint: 'dcat:contactPoint',
  spatial: 'dct:spatial',
  temporal: 'dct:temporal',
  minTypicalAge: 'healthdcatap:minTypicalAge',
  datasetType: 'dct:type',
  landingPage: 'dcat:landingPage',
  distributions: 'dcat:distribution',
  samples: 'adms:sample',
  analytics: 'healthdcatap:analytics',
  publisher: 'dct:publisher',
  retentionDates: 'healthdcatap:retentionPeriod',
  version: 'dcat:version',
};

/** Problems of the record schema, named by the record's RDF properties (`dcat:contactPoint`) rather than its fields. */
export function recordFieldProblems(error: z.ZodError): InputProblem[] {
  return error.issues.map((issue) => {
    const [head, ...rest] = issue.path.map(String);
    const property = head === undefined ? null : (PROPERTY_OF_FIELD[head] ?? head);
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'the catalogue requires it' : issue.message;
    return { field: property === null ? null : [property, ...rest].join('.'), message };
  });
}
