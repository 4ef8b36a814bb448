import type { LineageContext } from '../context.js';

/** A node as `nodeObject` shapes it: the stored id rides along for the facet loader. */
interface NodeSource {
  __nodeId: number;
}

const json = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);
const text = (value: unknown): string | null => (typeof value === 'string' ? value : null);
const list = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];

/** `LineageNode`: the descriptive facets (only trusted facets are ever stored), read through one loader. */
export const LineageNode = {
  async fields(node: NodeSource, _a: unknown, ctx: LineageContext) {
    const schema = json((await ctx.loaders.nodeFacets.load(node.__nodeId))?.schema) as { fields?: unknown } | null;
    return list(schema?.fields)
      .filter((f) => typeof f.name === 'string')
      .map((f) => ({ name: f.name as string, type: text(f.type), description: text(f.description) }));
  },
  async dataSource(node: NodeSource, _a: unknown, ctx: LineageContext) {
    const source = json((await ctx.loaders.nodeFacets.load(node.__nodeId))?.data_source) as Record<string, unknown> | null;
    return source ? { name: text(source.name), uri: text(source.uri) } : null;
  },
  async owners(node: NodeSource, _a: unknown, ctx: LineageContext) {
    const ownership = json((await ctx.loaders.nodeFacets.load(node.__nodeId))?.ownership) as { owners?: unknown } | null;
    return list(ownership?.owners)
      .filter((o) => typeof o.name === 'string')
      .map((o) => ({ name: o.name as string, type: text(o.type) }));
  },
};
