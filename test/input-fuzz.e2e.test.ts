import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiSchemaOf } from '../gateway/schema-check/api-schema.js';
import { loadOperations, type RegisteredOperation } from '../gateway/schema-check/load-operations.js';
import type { Database } from '../platform/db/database.js';
import { encodeCursor } from '../platform/graphql/pagination.js';
import type { Role } from '../platform/identity/roles.js';
import { startTestStack, type TestStack } from './support/start-stack.js';
import { createTestDatabase } from './support/test-database.js';

/**
 * Property-based probing of every input the gateway takes: random and hostile strings (NUL, lone
 * surrogates, SQL, huge), well-formed cursors of every list holding values of the wrong kind, numbers
 * at their limits and nested bodies, thrown at every argument of every registered operation, every
 * argument of every root field, and each REST route. The property: no answer is a 500, and no GraphQL
 * error is `INTERNAL_SERVER_ERROR`. Each run is bounded in count (fast-check `numRuns`), never in time.
 */

let database: Database;
let stack: TestStack;
let tokens: Record<string, string>;
const schema: GraphQLSchema = apiSchemaOf(readFileSync(new URL('../gateway/supergraph.graphql', import.meta.url), 'utf8'));

beforeAll(async () => {
  database = await createTestDatabase();
  // Generous budgets: the probe is about answers, not about the rate limit (tested on its own).
  stack = await startTestStack(database, undefined, { rules: { rateLimits: { partnerFieldsPerMinute: 10_000_000, internalFieldsPerMinute: 10_000_000 } } });
  const mint = (roles: Role[], organisation?: string) => stack.identity.token(roles, organisation, `fuzz-${roles.join('-')}`);
  tokens = {
    admin: await mint(['admin']),
    steward: await mint(['data-steward']),
    reviewer: await mint(['hdab-reviewer']),
    auditor: await mint(['auditor']),
    pipeline: await mint(['pipeline']),
    researcher: await mint(['researcher'], 'inserm'),
  };
});

afterAll(async () => {
  await stack?.stop();
  await database?.close();
});

/** The lists whose cursors a caller may forge, by the kind each cursor names. */
const CURSOR_KINDS = [
  'datasets:TITLE:en',
  'datasets:TITLE:fr',
  'datasets:RECENTLY_MODIFIED',
  'datasets:RELEVANCE',
  'dataHolders',
  'datasetHistory:snds-dcir',
  'applications',
  'permits',
  'register',
  'organisations',
  'audit',
  'runs',
];

const HOSTILE_TEXT = [
  '',
  '\u0000',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '\uDBFF\uDBFF',
  "'; DROP TABLE catalog.dataset; --",
  '%00',
  '../../etc/passwd',
  '2026-02-30',
  '2026-13-01T00:00:00.000Z',
  'infinity',
  'NaN',
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  'snds-dcir',
  'dataset:snds:dcir',
  'job:snds:publish.dcir',
  '9'.repeat(40),
  'é'.repeat(3000),
];

/** Small JSON values of every kind, the stuff of forged cursor positions. */
const positionValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT, '2026-01-01T00:00:00.000Z', '2026-01-01 00:00:00+00', '2026-01-01'),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, -1, 0, 2 ** 53, 1e308),
  fc.array(fc.integer(), { maxLength: 2 }),
  fc.dictionary(fc.string({ maxLength: 3 }), fc.integer(), { maxKeys: 2 }),
);

/** A cursor that decodes: a real list's kind followed by a position of random values. */
const forgedCursor = fc.tuple(fc.constantFrom(...CURSOR_KINDS), fc.array(positionValue, { maxLength: 3 })).map(([kind, position]) => encodeCursor(kind, position));

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...HOSTILE_TEXT), weight: 3 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 3 },
  { arbitrary: fc.string({ maxLength: 12 }), weight: 1 },
  { arbitrary: forgedCursor, weight: 3 },
);

/** Values for an input type, nested input objects to a small depth. */
function valueOf(type: GraphQLInputType, depth = 0): fc.Arbitrary<unknown> {
  if (isNonNullType(type)) return valueOf(type.ofType, depth);
  const inner = ((): fc.Arbitrary<unknown> => {
    if (isListType(type)) return fc.array(valueOf(type.ofType, depth + 1), { maxLength: 3 });
    if (isEnumType(type)) return fc.constantFrom(...type.getValues().map((v) => v.name));
    if (isInputObjectType(type)) {
      if (depth > 3) return fc.constant(null);
      const fields = Object.values(type.getFields());
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const f of fields) model[f.name] = valueOf(f.type, depth + 1);
      return fc.record(model, { requiredKeys: fields.filter((f) => isNonNullType(f.type)).map((f) => f.name) });
    }
    if (isScalarType(type)) {
      switch (type.name) {
        case 'Int':
          return fc.oneof(fc.integer({ min: -3, max: 120 }), fc.constantFrom(0, -1, 2147483647, -2147483648));
        case 'Float':
          return fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -1, 1e308));
        case 'Boolean':
          return fc.boolean();
        default:
          return hostileString;
      }
    }
    return fc.constant(null);
  })();
  return isNonNullType(type) ? inner : fc.option(inner, { nil: null, freq: 6 });
}

/** Variables for a list of arguments or variable definitions. */
function variablesFor(args: readonly { name: string; type: GraphQLInputType }[]): fc.Arbitrary<Record<string, unknown>> {
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const a of args) model[a.name] = valueOf(a.type);
  return fc.record(model, { requiredKeys: args.filter((a) => isNonNullType(a.type)).map((a) => a.name) });
}

interface Answer {
  status: number;
  text: string;
}

/** POSTs to the gateway as one of the callers (or anonymously) and keeps the raw answer. */
async function post(path: string, body: string, caller: string | null, contentType = 'application/json', method = 'POST'): Promise<Answer> {
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers: { 'content-type': contentType, ...(caller ? { authorization: `Bearer ${tokens[caller]}` } : {}) },
    ...(method === 'GET' || method === 'HEAD' ? {} : { body }),
  });
  return { status: response.status, text: await response.text() };
}

/** The property every answer must hold. */
function expectHandled(answer: Answer, what: string): void {
  expect(answer.status, `${what}: ${answer.text.slice(0, 300)}`).not.toBe(500);
  expect(answer.text, what).not.toMatch(/INTERNAL_SERVER_ERROR|Internal server error/);
}

const callers = fc.constantFrom<string | null>(null, 'admin', 'steward', 'reviewer', 'auditor', 'pipeline', 'researcher');

/** A document asking root field `field` with every argument as a variable, selecting only `__typename`. */
function rootFieldDocument(operation: 'query' | 'mutation', name: string, args: readonly GraphQLArgument[], returnsComposite: boolean): string {
  const definitions = args.map((a) => `$${a.name}: ${String(a.type)}`).join(', ');
  const passing = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  return `${operation}${definitions ? `(${definitions})` : ''} { ${name}${passing ? `(${passing})` : ''}${returnsComposite ? ' { __typename }' : ''} }`;
}

const rootFields = (['query', 'mutation'] as const).flatMap((operation) => {
  const type = operation === 'query' ? schema.getQueryType() : schema.getMutationType();
  return Object.values(type?.getFields() ?? {})
    .filter((f) => f.args.length > 0)
    .map((f) => ({ operation, field: f, document: rootFieldDocument(operation, f.name, f.args, !isScalarType(getNamedType(f.type)) && !isEnumType(getNamedType(f.type))) }));
});

describe('hostile input, thrown at every argument', () => {
  it('covers the root fields that take arguments', () => {
    expect(rootFields.length).toBeGreaterThan(30);
  });

  it.each(rootFields.map((r) => [`${r.operation} ${r.field.name}`, r] as const))('%s answers no internal error', async (_name, { field, document }) => {
    await fc.assert(
      fc.asyncProperty(variablesFor(field.args), callers, async (variables, caller) => {
        expectHandled(await post('/graphql', JSON.stringify({ query: document, variables }), caller), `${field.name} ${JSON.stringify(variables).slice(0, 300)}`);
      }),
      { numRuns: 20 },
    );
  });

  it('answers no internal error to any registered operation', async () => {
    const { operations } = await loadOperations();
    expect(operations.length).toBeGreaterThan(10);
    const variableArgs = (op: RegisteredOperation) =>
      op.document.definitions.flatMap((d) =>
        d.kind === 'OperationDefinition'
          ? (d.variableDefinitions ?? []).map((v) => ({ name: v.variable.name.value, type: typeFromAST(schema, v.type) as GraphQLInputType }))
          : [],
      );
    for (const op of operations) {
      await fc.assert(
        fc.asyncProperty(variablesFor(variableArgs(op)), callers, async (variables, caller) => {
          expectHandled(await post('/graphql', JSON.stringify({ query: op.source, variables }), caller), `${op.file} ${JSON.stringify(variables).slice(0, 300)}`);
        }),
        { numRuns: 15 },
      );
    }
  });
});

/** JSON text nested `depth` deep (arrays within objects), written as text: no parser or printer recursion here. */
function nestedText(depth: number): string {
  const half = Math.floor(depth / 2);
  return `${'{"@graph":['.repeat(half)}"leaf"${']}'.repeat(half)}`;
}

/** JSON bodies as text: random values, OpenLineage-shaped events with hostile strings, absurd nesting. */
const jsonBody: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
  fc.record({ eventType: fc.constantFrom('START', 'COMPLETE', 'FAIL'), eventTime: fc.constantFrom('2026-01-01T00:00:00Z', '2026-02-30T00:00:00Z', 'never'), producer: hostileString, schemaURL: fc.constant('https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent'), run: fc.record({ runId: hostileString }), job: fc.record({ namespace: hostileString, name: hostileString }), inputs: fc.array(fc.record({ namespace: hostileString, name: hostileString }), { maxLength: 2 }), outputs: fc.constant([]) }).map((v) => JSON.stringify(v)),
  fc.integer({ min: 65, max: 200_000 }).map(nestedText),
);

describe('hostile input, thrown at every REST route', () => {
  const queryString = fc.dictionary(fc.constantFrom('page', 'page_size', 'limit', 'before', 'reason', 'q', 'format'), hostileString, { maxKeys: 3 }).map((q) => new URLSearchParams(q as Record<string, string>).toString());
  // Percent-encoded UTF-8 of hostile text, and byte sequences that are not UTF-8 at all.
  const pathSegment = fc.oneof(
    hostileString.map((s) => [...Buffer.from(s, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('')),
    fc.constantFrom('%00', '%ED%A0%80', '%C0%80', '%FF', '%', '%E9t%E9'),
  );

  it('answers every catalogue read without an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('/catalogue', '/catalogue.ttl', '/catalogue.jsonld', '/catalogue.rdf', '/catalogue.xyz'), queryString, callers, async (path, query, caller) => {
        expectHandled(await post(`${path}?${query}`, '', caller, 'text/plain', 'GET'), `GET ${path}?${query}`);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(pathSegment, fc.constantFrom('', '.ttl', '.jsonld', '.rdf'), callers, async (id, extension, caller) => {
        expectHandled(await post(`/catalogue/datasets/${id}${extension}`, '', caller, 'text/plain', 'GET'), `GET /catalogue/datasets/${id}${extension}`);
      }),
      { numRuns: 40 },
    );
  });

  it('answers every pushed record, Turtle or JSON-LD, without an internal error', async () => {
    const turtle = fc.oneof(
      hostileString.map((s) => `@prefix dct: <http://purl.org/dc/terms/> . <> dct:title "${s.replace(/["\\\n\r]/g, '')}" .`),
      fc.constantFrom('<> <http://purl.org/dc/terms/title> "\\u0000" .', '<> <http://purl.org/dc/terms/title> "\\uD800" .', '@prefix x: <', '<a> <b> <c'),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(turtle.map((t) => ['text/turtle', t] as const), jsonBody.map((j) => ['application/ld+json', j] as const)),
        fc.constantFrom('POST /catalogue/datasets', 'PUT /catalogue/datasets/snds-dcir', 'PUT /catalogue/datasets/%00'),
        fc.constantFrom('admin', 'steward', null),
        async ([type, text], route, caller) => {
          const [method, path] = route.split(' ') as [string, string];
          expectHandled(await post(path, text, caller, type, method), `${route} ${type} ${text.slice(0, 200)}`);
        },
      ),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(pathSegment, queryString, async (id, query) => {
        expectHandled(await post(`/catalogue/datasets/${id}?${query}`, '', 'admin', 'text/plain', 'DELETE'), `DELETE /catalogue/datasets/${id}?${query}`);
      }),
      { numRuns: 20 },
    );
  });

  it('answers every OpenLineage body and query without an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(jsonBody, fc.constantFrom('/api/v1/lineage', '/api/v1/lineage/batch'), fc.constantFrom('pipeline', 'admin', null), async (body, path, caller) => {
        const text = path.endsWith('batch') && !body.startsWith('[') ? `[${body}]` : body;
        expectHandled(await post(path, text, caller), `POST ${path} ${text.slice(0, 200)}`);
      }),
      { numRuns: 40 },
    );
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        expectHandled(await post(`/api/v1/events/lineage?${query}`, '', 'pipeline', 'text/plain', 'GET'), `GET /api/v1/events/lineage?${query}`);
      }),
      { numRuns: 20 },
    );
  });
});

describe('the inputs the probe campaign found, each refused with its code', () => {
  const graphql = async (query: string, variables: Record<string, unknown>, caller: string | null) => {
    const answer = await post('/graphql', JSON.stringify({ query, variables }), caller);
    return { ...answer, codes: ((JSON.parse(answer.text) as { errors?: { extensions?: { code?: string } }[] }).errors ?? []).map((e) => e.extensions?.code) };
  };

  it.each([
    ['a word where the recently-modified ordering keeps a date', 'RECENTLY_MODIFIED', encodeCursor('datasets:RECENTLY_MODIFIED', ['yesterday', 1])],
    ['a day the calendar does not have', 'RECENTLY_MODIFIED', encodeCursor('datasets:RECENTLY_MODIFIED', ['2026-02-30', 1])],
    ['a NUL in a title key', 'TITLE', encodeCursor('datasets:TITLE:en', ['a\u0000b', 1])],
  ])('refuses a dataset cursor holding %s with INVALID_CURSOR', async (_name, order, after) => {
    const answer = await graphql(`query($after: String) { datasets(orderBy: ${order}, after: $after) { edges { cursor } } }`, { after }, null);
    expect(answer.codes).toEqual(['INVALID_CURSOR']);
  });

  it.each([
    ['a bad date', encodeCursor('applications', ['2026-02-30T00:00:00.000Z', '0b6e4c1e-8b8a-4b8e-9b43-1c1f5f0a9e21'])],
    ['an id that is not a UUID', encodeCursor('applications', ['2026-01-01T00:00:00.000Z', 'not-a-uuid'])],
  ])('refuses an applications cursor with %s with INVALID_CURSOR', async (_name, after) => {
    const answer = await graphql(`query($after: String) { accessApplications(after: $after) { totalCount } }`, { after }, 'researcher');
    expect(answer.codes).toEqual(['INVALID_CURSOR']);
  });

  it('refuses a permits cursor holding a non-UUID id with INVALID_CURSOR', async () => {
    const answer = await graphql(`query($after: String) { permits(after: $after) { totalCount } }`, { after: encodeCursor('permits', ['2026-01-01T00:00:00.000Z', "'; --"]) }, 'reviewer');
    expect(answer.codes).toEqual(['INVALID_CURSOR']);
  });

  it('refuses an anonymous dataset id holding NUL with BAD_USER_INPUT naming the argument', async () => {
    const answer = await graphql(`query($id: ID!) { dataset(id: $id) { id } }`, { id: 'snds\u0000dcir' }, null);
    expect(answer.codes).toEqual(['BAD_USER_INPUT']);
    expect(answer.text).toContain('"argument":"id"');
  });

  it.each([
    ['a NUL', 'Outcomes\u0000 of stays'],
    ['a lone surrogate', 'Outcomes \uD800of stays'],
  ])('refuses an application text with %s with BAD_USER_INPUT, storing nothing', async (_name, purposeDescription) => {
    const input = {
      principalInvestigator: { name: 'Alice' },
      authorisedPersons: [{ name: 'Alice' }],
      purpose: 'SCIENTIFIC_RESEARCH',
      purposeDescription,
      datasetIds: ['pmsi-mco'],
      dataForm: 'ANONYMISED',
      secureProcessingEnvironment: 'HDH',
      requestedDurationMonths: 12,
    };
    const before = await graphql(`{ accessApplications { totalCount } }`, {}, 'researcher');
    const answer = await graphql(`mutation($input: SubmitAccessApplicationInput!) { submitAccessApplication(input: $input) { application { id } } }`, { input }, 'researcher');
    expect(answer.codes).toEqual(['BAD_USER_INPUT']);
    expect(answer.text).toContain('input.purposeDescription');
    const after = await graphql(`{ accessApplications { totalCount } }`, {}, 'researcher');
    expect(after.text).toBe(before.text);
  });

  it('refuses an OpenLineage event whose job name holds NUL with 400 INVALID_EVENT', async () => {
    const event = {
      eventType: 'COMPLETE',
      eventTime: '2026-01-01T00:00:00Z',
      producer: 'https://example.org/producer',
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId: '0b6e4c1e-8b8a-4b8e-9b43-1c1f5f0a9e21' },
      job: { namespace: 'probe', name: 'job\u0000name' },
      inputs: [],
      outputs: [],
    };
    const answer = await post('/api/v1/lineage', JSON.stringify(event), 'pipeline');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'INVALID_EVENT', problems: [{ event: 0, problems: [expect.stringContaining('event.job.name')] }] });
  });

  it('refuses a JSON-LD record nested 50,000 deep with 400 INVALID_RDF', async () => {
    const answer = await post('/catalogue/datasets', nestedText(50_000), 'steward', 'application/ld+json');
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.text)).toMatchObject({ code: 'INVALID_RDF' });
    expect(answer.text).toContain('nested more than 64 levels');
  });

  it('refuses a lineage body nested 50,000 deep with 400', async () => {
    const answer = await post('/api/v1/lineage', nestedText(50_000), 'pipeline');
    expect(answer.status).toBe(400);
  });
});
