import { buildSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { schemaCoordinatesOf } from './schema-coordinates.js';

const schema = buildSchema(`
  type Query { datasets(filter: Filter, order: Order): [Dataset!]! }
  type Dataset { id: ID! title: String! theme: Theme! }
  enum Theme { HEAL SOCI }
  enum Order { TITLE RELEVANCE }
  enum Country { FRA FIN }
  input Filter { countries: [Country!] period: Period and: Filter }
  input Period { start: String end: String }
`);

describe('schemaCoordinatesOf', () => {
  it('lists the fields, arguments, input fields and enum values an operation writes or selects', () => {
    const used = schemaCoordinatesOf(schema, parse('query Q { datasets(filter: { countries: [FRA] }, order: TITLE) { ...D } } fragment D on Dataset { title theme }'));
    expect([...used.keys()].sort()).toEqual(
      [
        'Country',
        'Country.FRA',
        'Dataset',
        'Dataset.theme',
        'Dataset.title',
        'Filter',
        'Filter.countries',
        'Order',
        'Order.TITLE',
        'Query.datasets',
        'Query.datasets.filter',
        'Query.datasets.order',
        'String',
        'Theme',
      ].sort(),
    );
  });

  it('counts everything a variable can carry, through recursive input types', () => {
    const used = schemaCoordinatesOf(schema, parse('query Q($filter: Filter) { datasets(filter: $filter) { id } }'));
    expect(new Set(used.keys())).toEqual(
      new Set(['Query.datasets', 'Query.datasets.filter', 'Dataset', 'Dataset.id', 'ID', 'Filter', 'Filter.countries', 'Filter.period', 'Filter.and', 'Country', 'Country.FRA', 'Country.FIN', 'Period', 'Period.start', 'Period.end', 'String']),
    );
  });

  it('tells what only a variable can send from what the document uses', () => {
    const used = schemaCoordinatesOf(schema, parse('query Q($filter: Filter) { datasets(filter: $filter, order: TITLE) { id } }'));
    expect(used.get('Country.FIN')).toBe('$filter');
    expect(used.get('Filter.period')).toBe('$filter');
    expect(used.get('Filter')).toBeNull();
    expect(used.get('Query.datasets.filter')).toBeNull();
    expect(used.get('Order.TITLE')).toBeNull();
    expect(used.has('Order.RELEVANCE')).toBe(false);
  });

  it('leaves out what the schema does not know', () => {
    expect([...schemaCoordinatesOf(schema, parse('query Q { datasets { id doi } unknown }')).keys()].sort()).toEqual(['Dataset', 'Dataset.id', 'ID', 'Query.datasets'].sort());
  });
});
